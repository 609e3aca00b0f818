// The validation rules' findings on a monthly report, summed up above the table: while the unit
// edits (what to correct before submitting, what to explain), and once submitted (what the head
// explained, for the office reviewing it).
import type { ReportViolation } from '@paicha/core';
import { Alert, Typography } from 'antd';

/** 第13项：… — each finding, a click away from its row. */
export function IssueList({ issues }: { issues: ReportViolation[] }) {
  return (
    <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
      {issues.map((v) => (
        <li key={`${v.seq}-${v.rule}`} data-testid="summary-issue" data-seq={v.seq} data-rule={v.rule}>
          <Typography.Link
            onClick={() =>
              document
                .getElementById(`report-row-${v.seq}`)
                ?.scrollIntoView({ behavior: 'smooth', block: 'center' })
            }
          >
            第{v.seq}项
          </Typography.Link>
          ：{v.message}
        </li>
      ))}
    </ul>
  );
}

export const count = (issues: ReportViolation[], severity: ReportViolation['severity']) =>
  issues.filter((v) => v.severity === severity).length;

export function ValidationSummary(props: {
  issues: ReportViolation[];
  editable: boolean;
  explanation: string;
  hasRows: boolean;
}) {
  const { issues, editable, explanation } = props;
  const errors = count(issues, 'error');
  const warnings = count(issues, 'warning');
  const data = { 'data-testid': 'validation-summary', 'data-errors': errors, 'data-warnings': warnings };
  if (!props.hasRows) return null;
  if (editable) {
    if (issues.length === 0)
      return <Alert {...data} type="success" showIcon message="校验通过：各项已填写，且与问题台账一致。" />;
    const parts = [
      errors && `${errors}处须改正`,
      warnings && `${warnings}处与台账不一致或整改情况未填`,
    ].filter(Boolean);
    return (
      <Alert
        {...data}
        type={errors ? 'error' : 'warning'}
        showIcon
        message={`报送前校验：${parts.join('，')}`}
        description={
          <>
            <IssueList issues={issues} />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {errors ? '须改正的项目改好后才能报送；' : ''}
              与台账不一致的，请按台账修改（可用“按台账生成”），或在报送时填写说明，说明将随月报报送领导小组办公室。
            </Typography.Paragraph>
          </>
        }
      />
    );
  }
  if (issues.length === 0 && !explanation) return null;
  return (
    <Alert
      {...data}
      type="warning"
      showIcon
      message={`报送时校验有${issues.length}条提示${explanation ? '，单位负责人已作说明' : ''}`}
      description={
        <>
          <IssueList issues={issues} />
          {explanation && (
            <div style={{ marginTop: 8 }}>
              <Typography.Text strong>报送说明：</Typography.Text>
              <span data-testid="report-explanation" style={{ whiteSpace: 'pre-wrap' }}>
                {explanation}
              </span>
            </div>
          )}
        </>
      }
    />
  );
}
