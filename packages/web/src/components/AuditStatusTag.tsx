// The admin's header shows whether the audit log still verifies (hash chain, seal, checkpoint):
// green when intact, red with the first bad row when not. Clicking re-runs the full check.
import { Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type AuditStatus, auditApi } from '../api/audit';
import { errorMessage } from '../api/client';

const POLL_MS = 5 * 60_000;

export function AuditStatusTag() {
  const [status, setStatus] = useState<AuditStatus>();
  const [failure, setFailure] = useState<string>();

  const load = useCallback(async (verify: boolean) => {
    try {
      setStatus(await (verify ? auditApi.verify() : auditApi.status()));
      setFailure(undefined);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load(false);
    const timer = setInterval(() => void load(false), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  // Right after start-up the server is still checking: look again shortly.
  useEffect(() => {
    if (status?.state !== 'checking' && status?.state !== 'unchecked') return;
    const timer = setTimeout(() => void load(false), 5_000);
    return () => clearTimeout(timer);
  }, [status, load]);

  if (!status && !failure) return null;
  const [color, label, tip] =
    failure !== undefined
      ? ['default', '审计日志状态未知', failure]
      : status?.state === 'ok'
        ? [
            'green',
            '审计日志完整',
            `已校验 ${status.rows} 行，校验时间 ${status.checkedAt ?? ''}；点击重新校验`,
          ]
        : status?.state === 'failed'
          ? [
              'red',
              '审计日志异常',
              `${status.failure?.id === null ? '' : `第 ${status.failure?.id} 行：`}${status.failure?.reason ?? ''}；点击重新校验`,
            ]
          : ['processing', '审计日志校验中', '服务启动后正在校验审计日志'];
  return (
    <Tooltip title={tip}>
      <Tag
        color={color}
        data-testid="audit-status"
        data-state={failure !== undefined ? 'unknown' : status?.state}
        style={{ cursor: 'pointer', marginInlineEnd: 0 }}
        onClick={() => void load(true)}
      >
        {label}
      </Tag>
    </Tooltip>
  );
}
