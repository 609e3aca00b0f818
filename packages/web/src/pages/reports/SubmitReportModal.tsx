// 审核并报送 for the monthly report: the confirmation says whether it is late (days past the
// deadline, the deadline's date), lists what the validation rules found, refuses while a row must
// be corrected, and asks the head to explain the warnings — the explanation goes to the office.
import type { ReportViolation } from '@paicha/core';
import { Alert, Form, Input, Typography } from 'antd';
import type { MonthlyReport } from '../../api/reports';
import { FormModal } from '../../components/FormModal';
import { lateNotice } from './reportChecks';
import { count, IssueList } from './ValidationSummary';

interface Props {
  view: MonthlyReport;
  issues: ReportViolation[];
  onSubmit: (explanation: string | undefined) => Promise<unknown>;
  onClose: () => void;
}

export function SubmitReportModal({ view, issues, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ explanation: string }>();
  // Late is judged against the date that counts (the campaign's policy on non-working days).
  const late = lateNotice({ ...view, dueDate: view.deadline.effective });
  const errors = issues.filter((v) => v.severity === 'error');
  const warnings = issues.filter((v) => v.severity === 'warning');
  return (
    <FormModal<{ explanation: string }>
      title="审核并报送月报"
      okText="报送"
      cancelText="取消"
      width={640}
      maskClosable={false}
      okButtonProps={{ disabled: errors.length > 0, 'data-testid': 'submit-ok' }}
      form={form}
      failure={{ testId: 'submit-error' }}
      submit={(v) => onSubmit(warnings.length ? v.explanation.trim() : undefined)}
      onClose={onClose}
      intro={
        <>
          {late && (
            <Alert
              type="error"
              showIcon
              data-testid="late-notice"
              message={late}
              style={{ marginBottom: 12 }}
            />
          )}
          {errors.length > 0 && (
            <Alert
              type="error"
              showIcon
              data-testid="submit-errors"
              style={{ marginBottom: 12 }}
              message={`有${count(issues, 'error')}处须改正后才能报送`}
              description={<IssueList issues={errors} />}
            />
          )}
          {errors.length === 0 && warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="submit-warnings"
              style={{ marginBottom: 12 }}
              message={`校验发现${warnings.length}处与台账不一致或整改情况未填`}
              description={<IssueList issues={warnings} />}
            />
          )}
          <Typography.Paragraph>
            报送后由区领导小组办公室审核，审核期间不能修改。报送时的内容和台账数字将留存，审核以此为准。
            {errors.length === 0 && '确认内容无误并报送？'}
          </Typography.Paragraph>
        </>
      }
    >
      {errors.length === 0 && warnings.length > 0 && (
        <Form.Item
          name="explanation"
          label="情况说明（将随月报报送领导小组办公室）"
          rules={[
            { required: true, whitespace: true, message: '请说明与台账不一致的原因' },
            { min: 2, message: '至少2个字' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="submit-explanation" />
        </Form.Item>
      )}
    </FormModal>
  );
}
