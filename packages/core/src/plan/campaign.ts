// The district plan (开发区开展脱贫攻坚问题大排查工作方案) as a campaign template.
// Dates, document numbers and texts are taken from the plan; see shared seed.
import { PLAN_CHECK_ITEMS } from './check-items.js';
import type { CampaignTemplate, MilestoneTemplate } from './types.js';

const MONTHLY_PERIODS = ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06'];
const MONTHLY_DUE_DAY = 4;

/** Monthly report milestones: one per period, due on the given day of that month. */
export function monthlyMilestones(periods: string[], dueDay: number): MilestoneTemplate[] {
  return periods.map((period) => {
    const month = Number(period.slice(5, 7));
    return {
      kind: 'monthly',
      period,
      title: `${month}月份问题大排查及整改情况月报`,
      dueDate: `${period}-${String(dueDay).padStart(2, '0')}`,
      description: `每月${dueDay}日前，将问题大排查及整改情况报区领导小组办公室（任务分解月报表）。`,
    };
  });
}

export const PLAN_CAMPAIGN: CampaignTemplate = {
  title: '开发区脱贫攻坚问题大排查',
  issuer: '区领导小组办公室',
  basisDocuments: [
    {
      title: '省扶贫工作领导小组《关于印发<开展脱贫攻坚问题大排查的工作方案>的通知》',
      docNumber: '苏扶办﹝2019﹞60号',
    },
    {
      title: '《关于印发<全市开展脱贫攻坚问题大排查工作方案>的通知》',
      docNumber: '连扶组办〔2019〕7号',
    },
  ],
  startDate: '2019-11-28',
  endDate: '2020-06-30',
  monthlyDueDay: MONTHLY_DUE_DAY,
  reportTitle: '开发区脱贫攻坚工作问题大排查任务分解月报表',
  reportFooter: '注：此表于每月4日前上报区领导小组办公室。',
  contact: '联系人：齐振龙，联系电话：85882331，邮箱：lygfpb@163.com。地址：新海连大厦1819办公室。',
  phases: [
    {
      seq: 1,
      name: '动员部署阶段',
      startDate: '2019-11-28',
      endDate: '2019-12-13',
      description:
        '区领导小组办公室印发方案，部署脱贫攻坚问题大排查工作。各街道、区各相关部门按照方案要求，结合自身实际，制定工作方案，落实工作计划，狠抓工作落实。',
    },
    {
      seq: 2,
      name: '问题排查阶段',
      startDate: '2019-12-14',
      endDate: '2019-12-31',
      description:
        '对照“三落实”“三精准”“三保障”以及其他方面工作重点，组织开展“拉网式”排查，并对发现的问题进行梳理总结，列出问题清单、责任清单、整改清单。',
    },
    {
      seq: 3,
      name: '问题整改阶段',
      startDate: '2020-01-01',
      endDate: '2020-05-31',
      description:
        '对照问题清单，深刻剖析原因，找出问题症结，制定整改方案，落实整改措施，明确整改时限，压实整改责任，深入细致开展整改工作，全面完成整改任务。',
    },
    {
      seq: 4,
      name: '总结提升阶段',
      startDate: '2020-06-01',
      endDate: '2020-06-30',
      description:
        '对照问题清单和整改成效，组织区级相关部门开展督查，总结提炼好的经验做法，建章立制，巩固脱贫成果。',
    },
  ],
  milestones: [
    {
      kind: 'plan',
      period: null,
      title: '报送问题排查落实情况和工作方案',
      dueDate: '2019-12-15',
      description:
        '各街道各部门向区领导小组办公室报送问题排查落实情况和工作方案，包括向党委政府和单位主要领导报告、明确责任分工、研究部署和所作安排等情况。',
    },
    {
      kind: 'problem_list',
      period: null,
      title: '报送问题排查结果和问题清单',
      dueDate: '2019-12-24',
      description:
        '各街道、区各相关部门将问题排查结果和问题清单报区领导小组办公室，纸质材料要加盖公章，并发送电子档。',
    },
    ...monthlyMilestones(MONTHLY_PERIODS, MONTHLY_DUE_DAY),
    {
      kind: 'rectification',
      period: null,
      title: '全部整改到位并报送整改结果',
      dueDate: '2020-05-31',
      description: '抓好问题集中整改落实，确保5月31日前全部整改到位，并报送整改结果。',
    },
    {
      kind: 'summary',
      period: null,
      title: '建章立制，总结提升',
      dueDate: '2020-06-30',
      description: '6月30日前，建章立制，总结提升，报送经验做法和建立的制度。',
    },
  ],
  checkItems: PLAN_CHECK_ITEMS,
};
