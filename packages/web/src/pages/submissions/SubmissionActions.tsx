import {
  CheckOutlined,
  FileExcelOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { submissionsApi } from '../../api/reports';
import { useUser } from '../../auth/AuthContext';
import { ReasonModal } from '../reports/ReasonModal';
import type { useSubmissionEditor } from './useSubmissionEditor';

type Editor = ReturnType<typeof useSubmissionEditor>;

export function SubmissionActions({ editor }: { editor: Editor }) {
  const user = useUser();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [reason, setReason] = useState<'return' | 'unlock'>();
  const view = editor.view;
  if (!view) return null;
  const key = [view.campaignId, view.milestone.id, view.unit.id] as const;
  const isHead = user.role === 'unit_head' && user.unit.id === view.unit.id;

  async function run(name: string, fn: () => Promise<void>) {
    setBusy(name);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'version_conflict' && name === 'save'))
        setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  }
  const saved = async () => (editor.dirty || view.version === 0 ? await editor.save() : view);

  const submit = () =>
    modal.confirm({
      title: `审核并报送：${view.milestone.title}`,
      content: '报送后由区领导小组办公室审核，审核期间不能修改。确认材料齐全（含加盖公章的扫描件）并报送？',
      okText: '报送',
      cancelText: '取消',
      onOk: () =>
        run('submit', async () => {
          const base = await saved();
          if (!base) return;
          editor.adopt(await submissionsApi.step(...key, 'submit', { version: base.version }));
          message.success('已报送');
        }),
    });

  const decide = (action: 'accept' | 'return' | 'unlock', text?: string) =>
    run(action, async () => {
      editor.adopt(
        await submissionsApi.step(...key, action, {
          version: view.version,
          ...(text ? { reason: text } : {}),
        }),
      );
      message.success({ accept: '已审核通过', return: '已退回', unlock: '已解锁' }[action]);
    });

  const problemList = () =>
    run('problem_list', async () => {
      const base = await saved();
      if (!base) return;
      editor.adopt(await submissionsApi.attachProblemList(...key, base.version));
      message.success('已从问题台账生成问题清单并附上');
    });

  return (
    <div>
      <Space wrap>
        {view.can.save && (
          <Button
            icon={<SaveOutlined />}
            loading={busy === 'save'}
            onClick={() =>
              void run('save', async () => {
                await editor.save();
                message.success('草稿已保存');
              })
            }
            data-testid="save-submission"
          >
            保存草稿
          </Button>
        )}
        {view.can.save && view.needs.problemList && (
          <Button
            icon={<FileExcelOutlined />}
            loading={busy === 'problem_list'}
            onClick={() => void problemList()}
            data-testid="attach-problem-list"
          >
            从台账生成问题清单
          </Button>
        )}
        {(view.can.submit || (isHead && view.can.save)) && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy === 'submit'}
            onClick={submit}
            data-testid="submit-submission"
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
            data-testid="accept-submission"
          >
            审核通过
          </Button>
        )}
        {view.can.return && (
          <Button
            danger
            icon={<RollbackOutlined />}
            onClick={() => setReason('return')}
            data-testid="return-submission"
          >
            退回
          </Button>
        )}
        {view.can.unlock && (
          <Button
            icon={<UnlockOutlined />}
            onClick={() => setReason('unlock')}
            data-testid="unlock-submission"
          >
            解锁
          </Button>
        )}
        {editor.dirty && <span style={{ color: '#d46b08' }}>有未保存的修改（已在本机暂存）</span>}
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginTop: 12 }}
          message={error}
          onClose={() => setError(undefined)}
        />
      )}
      {reason && (
        <ReasonModal
          title={reason === 'return' ? '退回报送材料' : '解锁报送材料'}
          okText={reason === 'return' ? '退回' : '解锁'}
          hint={`${view.unit.name}可修改后由单位负责人重新报送；及时性按首次报送时间计算。`}
          onOk={(r) => decide(reason, r)}
          onClose={() => setReason(undefined)}
        />
      )}
    </div>
  );
}
