import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import type { ReportViolation } from '@paicha/core';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import type { MonthlyReport } from '../../api/reports';
import { type ExportFormat, reportsApi } from '../../api/reports';
import type { VersionedEditor } from '../../hooks/useVersionedEditor';
import { LedgerFillButtons } from './LedgerFillButtons';
import { ReviewButtons, StepError, useReviewSteps } from './ReviewControls';
import type { Draft } from './reportDraft';
import { SubmitReportModal } from './SubmitReportModal';

type Editor = VersionedEditor<MonthlyReport, Draft>;

/**
 * Save, the ledger shortcuts and submit for the unit, accept / return / unlock for the office,
 * downloads for everyone. `issues` are the validation rules' findings on the rows as typed.
 */
export function ReportActions({ editor, issues }: { editor: Editor; issues: ReportViolation[] }) {
  const [submitting, setSubmitting] = useState(false);
  const steps = useReviewSteps(
    editor,
    (action, body) => {
      const v = editor.view;
      if (!v) throw new Error('月报尚未载入');
      return reportsApi.step(v.campaignId, v.period, v.unit.id, action, body);
    },
    {
      submitTitle: '审核并报送月报',
      submitContent: '报送后由区领导小组办公室审核，审核期间不能修改。确认内容无误并报送？',
      submitted: '月报已报送',
      unlocked: '已解锁，单位可修改后重新报送',
    },
  );
  const view = editor.view;
  if (!view) return null;

  const download = (format: ExportFormat) =>
    steps.run(format, async () => {
      await reportsApi.download(view.campaignId, view.period, view.unit.id, format);
    });

  return (
    // Sticky: the buttons stay in reach while the clerk works down a 32-row table.
    <Card size="small" styles={{ body: { padding: 12 } }} style={{ position: 'sticky', top: 0, zIndex: 5 }}>
      <Space wrap>
        {view.can.save && (
          <Button
            icon={<SaveOutlined />}
            loading={steps.busy === 'save'}
            disabled={!editor.dirty && view.version > 0}
            onClick={steps.save}
            data-testid="save-report"
          >
            {editor.dirty || view.version === 0 ? '保存草稿' : '已保存'}
          </Button>
        )}
        <LedgerFillButtons editor={editor} />
        <ReviewButtons
          view={view}
          steps={steps}
          onSubmit={() => setSubmitting(true)}
          testIdSuffix="report"
          reasonTitle={(a) => (a === 'return' ? '退回月报' : '解锁月报')}
          reasonHint={(a) =>
            a === 'return'
              ? `退回后${view.unit.name}可修改并重新报送；报送及时性仍按首次报送时间计算。`
              : '解锁后月报退回单位修改，须由单位负责人重新报送。'
          }
        />
        <Button
          icon={<DownloadOutlined />}
          loading={steps.busy === 'xlsx'}
          onClick={() => void download('xlsx')}
          data-testid="download-xlsx"
        >
          下载 Excel
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={steps.busy === 'docx'}
          onClick={() => void download('docx')}
          data-testid="download-docx"
        >
          下载 Word
        </Button>
        {editor.dirty && <span style={{ color: '#d46b08' }}>有未保存的修改（已在本机暂存）</span>}
      </Space>
      <StepError steps={steps} />
      {submitting && (
        <SubmitReportModal
          view={view}
          issues={issues}
          onSubmit={(explanation) => steps.submitWith({ explanation })}
          onClose={() => setSubmitting(false)}
        />
      )}
    </Card>
  );
}
