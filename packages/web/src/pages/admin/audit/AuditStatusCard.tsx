// The chain's verification state above the log: whether the rows below can be trusted (hash
// chain, seal, signed checkpoint), with the full check one click away.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { type AuditStatus, auditApi } from '../../../api/audit';
import { cnDateTime } from '../../../components/dates';
import { LoadError } from '../../../components/LoadError';
import { useAction } from '../../../hooks/useAction';
import { useAsync } from '../../../hooks/useAsync';

function describe(s: AuditStatus): {
  type: 'success' | 'error' | 'info';
  message: string;
  description: string;
} {
  const checked = s.checkedAt ? `校验时间 ${cnDateTime(s.checkedAt)}` : '';
  if (s.state === 'ok')
    return {
      type: 'success',
      message: '审计日志完整：哈希链、封存记录和检查点均校验通过',
      description: `已校验 ${s.rows} 行${s.lastId === null ? '' : `（至第 ${s.lastId} 行）`}；${checked}`,
    };
  if (s.state === 'failed')
    return {
      type: 'error',
      message: '审计日志校验未通过，日志可能被改动',
      description: `${s.failure?.id === null || s.failure?.id === undefined ? '' : `第 ${s.failure.id} 行：`}${s.failure?.reason ?? ''}；${checked}`,
    };
  return {
    type: 'info',
    message: '审计日志正在校验',
    description: '服务启动后正在校验审计日志，请稍后刷新。',
  };
}

export function AuditStatusCard() {
  const status = useAsync(() => auditApi.status(), []);
  const verify = useAction(async () => {
    await auditApi.verify();
    status.reload();
  });
  if (status.error) return <LoadError error={status.error} onRetry={status.reload} />;
  if (!status.data) return null;
  const d = describe(status.data);
  return (
    <Alert
      showIcon
      type={d.type}
      icon={<SafetyCertificateOutlined />}
      message={d.message}
      description={d.description}
      data-testid="audit-chain-status"
      data-state={status.data.state}
      style={{ marginBottom: 16 }}
      action={
        <Button onClick={() => void verify.run()} loading={verify.busy} data-testid="audit-verify">
          重新校验
        </Button>
      }
    />
  );
}
