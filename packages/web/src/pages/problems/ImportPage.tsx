import { DownloadOutlined } from '@ant-design/icons';
import { isAdmin } from '@paicha/core';
import { Alert, Button, Card, Popconfirm, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { problemsApi } from '../../api/problems';
import type { ImportMode, ImportReport } from '../../api/problemTypes';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { FileDrop } from '../../components/FileDrop';
import { canRecord } from '../../components/problemRoles';
import { useAction } from '../../hooks/useAction';
import { ImportReportTable } from './ImportReportTable';

/** 导入台账: template → upload → per-cell check → import all, or explicitly only the valid rows. */
export default function ImportPage() {
  const user = useUser();
  const { campaignId } = useCampaign();
  const navigate = useNavigate();
  const [file, setFile] = useState<File>();
  const [percent, setPercent] = useState<number>();
  const [report, setReport] = useState<ImportReport>();
  const [imported, setImported] = useState<number>();
  const [failure, setFailure] = useState<string>();
  const template = useAction(() => problemsApi.downloadTemplate());

  if (!canRecord(user.role)) return <Alert type="info" showIcon message="您的角色不能导入问题台账。" />;

  async function send(f: File, mode: ImportMode) {
    if (campaignId === undefined) return;
    setPercent(0);
    setFailure(undefined);
    try {
      const r = await problemsApi.importFile(f, campaignId, mode, { onProgress: setPercent });
      setReport(r);
      if (mode === 'check') return;
      if (r.imported > 0 || r.rejected === 0) setImported(r.imported);
      else setFailure('没有导入任何问题：文件中仍有不合格的行，请按下表修改后重新上传。');
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setPercent(undefined);
    }
  }

  function restart() {
    setFile(undefined);
    setReport(undefined);
    setImported(undefined);
    setFailure(undefined);
  }

  const busy = percent !== undefined;
  if (imported !== undefined) {
    return (
      <Card title="导入台账">
        <Result
          status="success"
          title={<span data-testid="import-done">已导入 {imported} 个问题</span>}
          subTitle={report && report.rejected > 0 ? `另有 ${report.rejected} 行不合格，未导入。` : undefined}
          extra={[
            <Button type="primary" key="list" onClick={() => navigate('/problems')}>
              查看问题台账
            </Button>,
            <Button key="again" onClick={restart}>
              继续导入
            </Button>,
          ]}
        />
      </Card>
    );
  }

  return (
    <Card title="导入台账" style={{ maxWidth: 1100 }}>
      <Typography.Paragraph>
        第一步：
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void template.run()}
          data-testid="download-template"
        >
          下载导入模板
        </Button>
        ，按模板填写（表头按名称识别，列的顺序不限；已有台账只要表头名称一致也可直接上传）。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {isAdmin(user.role)
          ? '办公室导入时须填写“责任单位”列，问题将交办给该单位。'
          : `导入的问题登记在本单位（${user.unit.name}）名下，排查事项须为本单位承担的事项。`}
        上传后先逐行检查，确认无误再导入；有不合格行时，可以修改后重新上传，或明确选择只导入合格行。
      </Typography.Paragraph>
      <FileDrop
        accept=".xlsx"
        text="第二步：点击或拖入填好的 Excel 文件（.xlsx）"
        hint={file && `当前文件：${file.name}`}
        percent={percent}
        processing="正在逐行检查…"
        onFile={(f) => {
          setFile(f);
          setReport(undefined);
          void send(f, 'check');
        }}
        testId="import-upload"
        progressTestId="import-progress"
      />
      {failure && <Alert type="error" showIcon style={{ marginTop: 16 }} message={failure} />}
      {report && !busy && file && (
        <div style={{ marginTop: 16 }} data-testid="import-report">
          <Alert
            type={report.rejected ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            message={`检查完成：共 ${report.rows} 行，合格 ${report.accepted} 行，不合格 ${report.rejected} 行`}
            description={report.rejected ? '不合格的行及原因见下表。' : '全部合格，可以导入。'}
          />
          <Space style={{ marginBottom: 16 }} wrap>
            {report.rejected === 0 ? (
              <Button type="primary" onClick={() => void send(file, 'all')} data-testid="import-all">
                导入全部 {report.accepted} 行
              </Button>
            ) : (
              <Popconfirm
                title={`只导入合格的 ${report.accepted} 行？`}
                description={`不合格的 ${report.rejected} 行不会导入，修改后可另行导入。`}
                okText="只导入合格行"
                cancelText="取消"
                onConfirm={() => void send(file, 'valid')}
                disabled={report.accepted === 0}
              >
                <Button disabled={report.accepted === 0} data-testid="import-valid">
                  仅导入合格的 {report.accepted} 行
                </Button>
              </Popconfirm>
            )}
            <Button onClick={restart}>{report.rejected ? '修改后重新上传' : '重新选择文件'}</Button>
          </Space>
          {report.errors.length > 0 && <ImportReportTable errors={report.errors} />}
        </div>
      )}
    </Card>
  );
}
