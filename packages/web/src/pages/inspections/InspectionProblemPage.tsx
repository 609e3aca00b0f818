import { isAdmin } from '@paicha/core';
import { Alert, App, Spin, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { inspectionsApi } from '../../api/inspections';
import { useUser } from '../../auth/AuthContext';
import { cnDate } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { ProblemEntryForm } from '../problems/ProblemEntryForm';
import { useInspection } from './useInspection';

const SOURCE = ['明察暗访'] as const;

/** 转为问题: a finding of the visit becomes a problem 交办 to the visited unit (来源 明察暗访). */
export default function InspectionProblemPage() {
  const id = Number(useParams().id);
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: visit, error, reload } = useInspection(id);

  if (!isAdmin(user.role))
    return <Alert type="info" showIcon message="检查发现的问题由领导小组办公室交办。" />;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!visit) return <Spin style={{ display: 'block', margin: 48 }} />;

  return (
    <ProblemEntryForm
      title={`转为问题：${visit.unit.name} ${cnDate(visit.visitDate)} ${visit.visitType}`}
      intro={
        visit.findings && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            message="检查发现"
            description={
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {visit.findings}
              </Typography.Paragraph>
            }
          />
        )
      }
      campaignId={visit.campaignId}
      draftKey={`paicha.draft.problem.inspection.${visit.id}.${user.id}`}
      sources={SOURCE}
      unit={{ kind: 'fixed', ...visit.unit }}
      saveLabel="保存并交办"
      defaults={{ source: '明察暗访', foundDate: visit.visitDate, place: visit.place }}
      onSubmit={async ({ source: _source, ...fields }) => {
        const created = await inspectionsApi.createProblem(visit.id, fields);
        message.success(`已交办${visit.unit.name}（问题编号 ${created.problem.id}）`);
        navigate(`/inspections/${visit.id}`);
      }}
      onCancel={() => navigate(`/inspections/${visit.id}`)}
      cancelLabel="返回检查记录"
    />
  );
}
