import {
  CheckOutlined,
  DownloadOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { type ExportFormat, reportsApi } from '../../api/reports';
import { useUser } from '../../auth/AuthContext';
import { ReasonModal } from './ReasonModal';
import type { useReportEditor } from './useReportEditor';

type Editor = ReturnType<typeof useReportEditor>;

/** Save / submit for the unit, accept / return / unlock for the office, downloads for everyone. */
export function ReportActions({ editor }: { editor: Editor }) {
  const user = useUser();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [reason, setReason] = useState<'return' | 'unlock'>();
  const view = editor.view;
  if (!view) return null;
  const key = [view.campaignId, view.period, view.unit.id] as const;
  const isHead = user.role === 'unit_head' && user.unit.id === view.unit.id;

  async function run(name: string, fn: () => Promise<void>) {
    setBusy(name);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      // A conflict on save is explained by the conflict banner; everything else is shown here.
      if (e instanceof ApiError && e.code === 'version_conflict' && name === 'save') return;
      if (e instanceof ApiError && e.code === 'version_conflict') {
        const latest = await editor.reload();
        if (latest && !editor.dirty) editor.adopt(latest);
      }
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  }

  const save = () =>
    run('save', async () => {
      await editor.save();
      message.success('草稿已保存');
    });

  const submit = () =>
    modal.confirm({
      title: '审核并报送月报',
      content: '报送后由区领导小组办公室审核，审核期间不能修改。确认内容无误并报送？',
      okText: '报送',
      cancelText: '取消',
      onOk: () =>
        run('submit', async () => {
          const base = editor.dirty || view.version === 0 ? await editor.save() : view;
          if (!base) return;
          editor.adopt(await reportsApi.step(...key, 'submit', { version: base.version }));
          message.success('月报已报送');
        }),
    });

  const decide = (action: 'accept' | 'return' | 'unlock', reasonText?: string) =>
    run(action, async () => {
      editor.adopt(
        await reportsApi.step(...key, action, {
          version: view.version,
          ...(reasonText ? { reason: reasonText } : {}),
        }),
      );
      message.success(
        { accept: '已审核通过', return: '已退回', unlock: '已解锁，单位可修改后重新报送' }[action],
      );
    });

  const download = (format: ExportFormat) =>
    run(format, async () => {
      await reportsApi.download(...key, format);
    });

  return (
    // Sticky: the buttons stay in reach while the clerk works down a 32-row table.
    <Card size="small" styles={{ body: { padding: 12 } }} style={{ position: 'sticky', top: 0, zIndex: 5 }}>
      <Space wrap>
        {view.can.save && (
          <Button
            icon={<SaveOutlined />}
            loading={busy === 'save'}
            disabled={!editor.dirty && view.version > 0}
            onClick={save}
            data-testid="save-report"
          >
            {editor.dirty || view.version === 0 ? '保存草稿' : '已保存'}
          </Button>
        )}
        {(view.can.submit || (isHead && view.can.save)) && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy === 'submit'}
            onClick={submit}
            data-testid="submit-report"
          >
            审核并报送
          </Button>
        )}
        {view.can.accept && (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={busy === 'accept'}
            onClick={() => void decide('accept')}
            data-testid="accept-report"
          >
            审核通过
          </Button>
        )}
        {view.can.return && (
          <Button
            danger
            icon={<RollbackOutlined />}
            onClick={() => setReason('return')}
            data-testid="return-report"
          >
            退回
          </Button>
        )}
        {view.can.unlock && (
          <Button icon={<UnlockOutlined />} onClick={() => setReason('unlock')} data-testid="unlock-report">
            解锁
          </Button>
        )}
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'xlsx'}
          onClick={() => void download('xlsx')}
          data-testid="download-xlsx"
        >
          下载 Excel
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'docx'}
          onClick={() => void download('docx')}
          data-testid="download-docx"
        >
          下载 Word
        </Button>
        {editor.dirty && <span style={{ color: '#d46b08' }}>有未保存的修改（已在本机暂存）</span>}
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginTop: 12 }}
          message={error}
          data-testid="action-error"
          onClose={() => setError(undefined)}
        />
      )}
      {reason && (
        <ReasonModal
          title={reason === 'return' ? '退回月报' : '解锁月报'}
          okText={reason === 'return' ? '退回' : '解锁'}
          hint={
            reason === 'return'
              ? `退回后${view.unit.name}可修改并重新报送；报送及时性仍按首次报送时间计算。`
              : '解锁后月报退回单位修改，须由单位负责人重新报送。'
          }
          onOk={(r) => decide(reason, r)}
          onClose={() => setReason(undefined)}
        />
      )}
    </Card>
  );
}
