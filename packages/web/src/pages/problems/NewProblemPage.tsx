import { isAdmin } from '@paicha/core';
import { Alert, App, Empty, Spin } from 'antd';
import { useNavigate } from 'react-router-dom';
import { problemsApi } from '../../api/problems';
import { useServerToday, useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { canRecord } from '../../components/problemRoles';
import { ProblemEntryForm } from './ProblemEntryForm';

/** 登记问题: units record against their own check items; the office may record for any unit (交办). */
export default function NewProblemPage() {
  const user = useUser();
  const today = useServerToday();
  const office = isAdmin(user.role);
  const { campaigns, campaignId } = useCampaign();
  const navigate = useNavigate();
  const { message } = App.useApp();

  if (!canRecord(user.role))
    return <Alert type="info" showIcon message="您的角色只能查看问题台账，不能登记问题。" />;
  if (campaigns && !campaigns.length) return <Empty description="尚未创建排查活动" />;
  if (campaignId === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;

  return (
    <ProblemEntryForm
      title="登记问题"
      campaignId={campaignId}
      draftKey={`paicha.draft.problem.new.${user.id}.${campaignId}`}
      defaults={{ source: '自查', foundDate: today, place: '' }}
      unit={office ? { kind: 'pick', help: '办公室登记的问题直接交办给所选单位整改' } : { kind: 'own' }}
      saveLabel="保存"
      cancelLabel="返回台账"
      onCancel={() => navigate('/problems')}
      onSubmit={async (fields, unitId) => {
        const created = await problemsApi.create({
          ...fields,
          campaignId,
          ...(unitId === undefined ? {} : { unitId }),
        });
        message.success(`已登记问题（编号 ${created.problem.id}）`);
        navigate(`/problems/${created.problem.id}`);
      }}
    />
  );
}
