import { isAdmin } from '@paicha/core';
import { Alert, App, Empty, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { problemsApi } from '../../api/problems';
import { useServerToday, useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { ProblemEntryForm } from '../problems/ProblemEntryForm';
import { OTHER_SOURCES } from './otherSources';

/** 登记其他来源问题: the office enters a problem raised by 巡视, 审计 … and 交办 it to a unit. */
export default function NewSourceProblemPage() {
  const user = useUser();
  const today = useServerToday();
  const { campaigns, campaignId } = useCampaign();
  const navigate = useNavigate();
  const { message } = App.useApp();

  if (!isAdmin(user.role))
    return <Alert type="info" showIcon message="其他来源的问题由领导小组办公室登记并交办。" />;
  if (campaigns && !campaigns.length) return <Empty description="尚未创建排查活动" />;
  if (campaignId === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;

  return (
    <ProblemEntryForm
      title="登记其他来源问题"
      intro={
        <Typography.Paragraph type="secondary">
          巡视、巡察、“阳光扶贫”监管督查、成效考核、民主监督、审计、媒体暗访、群众来访等反馈的问题，逐一登记并交办给责任单位，按同样的流程整改销号。
        </Typography.Paragraph>
      }
      campaignId={campaignId}
      draftKey={`paicha.draft.problem.source.${user.id}.${campaignId}`}
      sources={OTHER_SOURCES}
      defaults={{ foundDate: today, place: '' }}
      unit={{ kind: 'pick', help: '问题直接交办给所选单位整改，该单位在问题台账中看到并办理' }}
      saveLabel="保存并交办"
      onSubmit={async (fields, unitId) => {
        const created = await problemsApi.create({ ...fields, campaignId, unitId });
        message.success(`已登记并交办${created.problem.unit.name}（问题编号 ${created.problem.id}）`);
        navigate(`/problems/${created.problem.id}`);
      }}
      onCancel={() => navigate('/sources')}
      cancelLabel="返回"
    />
  );
}
