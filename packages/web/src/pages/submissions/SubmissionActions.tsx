import { FileExcelOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import type { Submission } from '../../api/reports';
import { submissionsApi } from '../../api/reports';
import type { VersionedEditor } from '../../hooks/useVersionedEditor';
import { ReviewButtons, StepError, useReviewSteps } from '../reports/ReviewControls';
import { lateNotice } from '../reports/reportChecks';
import type { SubmissionDraft } from './submissionDraft';

type Editor = VersionedEditor<Submission, SubmissionDraft>;

/** Save, the ledger's 问题清单 attached, submit for the unit; accept / return / unlock for the office. */
export function SubmissionActions({ editor }: { editor: Editor }) {
  const { message } = App.useApp();
  const view = editor.view;
  const steps = useReviewSteps(
    editor,
    (action, body) => {
      const v = editor.view;
      if (!v) throw new Error('报送材料尚未载入');
      return submissionsApi.step(v.campaignId, v.milestone.id, v.unit.id, action, body);
    },
    {
      submitTitle: `审核并报送：${view?.milestone.title ?? ''}`,
      submitContent:
        '报送后由区领导小组办公室审核，审核期间不能修改。确认材料齐全（含加盖公章的扫描件）并报送？',
      late: view ? lateNotice({ ...view, dueDate: view.deadline.effective }) : null,
      submitted: '已报送',
      unlocked: '已解锁',
    },
  );
  if (!view) return null;

  const problemList = () =>
    steps.run('problem_list', async () => {
      const base = await steps.saved();
      if (!base) return;
      editor.adopt(
        await submissionsApi.attachProblemList(
          view.campaignId,
          view.milestone.id,
          view.unit.id,
          base.version,
        ),
      );
      message.success('已从问题台账生成问题清单并附上');
    });

  return (
    <div>
      <Space wrap>
        {view.can.save && (
          <Button
            icon={<SaveOutlined />}
            loading={steps.busy === 'save'}
            onClick={steps.save}
            data-testid="save-submission"
          >
            保存草稿
          </Button>
        )}
        {view.can.save && view.needs.problemList && (
          <Button
            icon={<FileExcelOutlined />}
            loading={steps.busy === 'problem_list'}
            onClick={() => void problemList()}
            data-testid="attach-problem-list"
          >
            从台账生成问题清单
          </Button>
        )}
        <ReviewButtons
          view={view}
          steps={steps}
          testIdSuffix="submission"
          reasonTitle={(a) => (a === 'return' ? '退回报送材料' : '解锁报送材料')}
          reasonHint={() => `${view.unit.name}可修改后由单位负责人重新报送；及时性按首次报送时间计算。`}
        />
        {editor.dirty && <span style={{ color: '#d46b08' }}>有未保存的修改（已在本机暂存）</span>}
      </Space>
      <StepError steps={steps} />
    </div>
  );
}
