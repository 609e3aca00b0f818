// The 通报 as text, built from a scorecard snapshot and the office's edited texts. The page's
// preview and the .docx both render this one model, so what the office reviews is what it issues.
import { addDays, CRITICISM_GROUPS, formatChineseDate } from '@paicha/core';
import { percent } from './scorecard.rules.js';
import type { Scorecard } from './scorecard.service.js';

/**
 * What the campaign is called inside a sentence: its title without the district's name in front
 * (开发区脱贫攻坚问题大排查 → 脱贫攻坚问题大排查; an imported 2021年巡视整改 stays as it is).
 */
export const workName = (campaignTitle: string) => campaignTitle.replace(/^(开发区|全区)/, '');

/**
 * The 通报's title for the campaign, broken where a clerk would break it: a title never splits a
 * word (GB/T 9704 7.3.3). The built-in plan's: 关于全区脱贫攻坚问题大排查\n整改工作进展情况的通报.
 */
export const defaultTitle = (campaignTitle: string) =>
  `关于全区${workName(campaignTitle)}\n整改工作进展情况的通报`;

/** The title on one line, for file names, lists and page headers. */
export const oneLine = (title: string) => title.replace(/\s*\n\s*/g, '');
const RECIPIENTS = '各街道、区各相关部门：';
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

export interface CircularTexts {
  title: string;
  docNumber: string;
  intro: string;
  requirements: string;
  deadline: string | null;
  /** 成文日期 (China date). */
  docDate: string;
}

interface Section {
  heading: string;
  paragraphs: string[];
  /** （一）… sub-points: a 楷体 lead-in followed by the text in the same paragraph. */
  points?: { lead: string; text: string }[];
  table?: { header: string[]; rows: string[][] };
}

export interface CircularDocument {
  title: string;
  docNumber: string;
  recipients: string;
  intro: string;
  sections: Section[];
  issuer: string;
  dateText: string;
}

/** 2020-01-01..2020-04-30 → 2020年1月1日至4月30日 (the year once when both ends share it). */
export function periodText(from: string, to: string): string {
  if (from === to) return formatChineseDate(from);
  const end = formatChineseDate(to);
  return `${formatChineseDate(from)}至${from.slice(0, 4) === to.slice(0, 4) ? end.slice(5) : end}`;
}

/** Titles of documents inside 《》 write their inner title marks as 〈〉. */
const titleMarks = (s: string) => s.replace(/</g, '〈').replace(/>/g, '〉');
/** 发文字号 years go in 六角括号 〔〕 (GB/T 9704 7.2.4), whatever brackets the source used. */
const docNumberMarks = (s: string) => s.replace(/[﹝［[（(]/g, '〔').replace(/[﹞］\]）)]/g, '〕');

export function defaultIntro(sc: Scorecard): string {
  const basis = sc.campaign.basisDocuments
    .map((d) => `${titleMarks(d.title)}（${docNumberMarks(d.docNumber)}）`)
    .join('、');
  const plan = `《${sc.campaign.title}工作方案》`;
  return `根据${basis ? `${basis}和` : ''}${plan}要求，${sc.campaign.issuer}对${periodText(sc.period.from, sc.period.to)}全区各街道、区各相关部门${workName(sc.campaign.title)}整改工作进展情况进行了调度评估。现将有关情况通报如下：`;
}

export function defaultRequirements(rectificationDue: string, monthlyDueDay: number, issuer: string): string {
  return [
    `（一）压实整改责任。各街道、各部门主要负责同志要切实履行第一责任人职责，对照问题清单、责任清单、整改清单逐项推进，确保${formatChineseDate(rectificationDue)}前全部整改到位。`,
    '（二）加快整改进度。对逾期未整改的问题，要深刻剖析原因，重新制定整改方案，明确整改时限和责任人，能立行立改的马上整改，需要一定时间的有序推进、限期销号。',
    `（三）严格报送制度。严格执行督查整改月报制度，每月${monthlyDueDay}日前将问题大排查及整改情况报${issuer}，不得迟报、漏报。`,
    '（四）提高整改质量。对被退回的问题和材料，要对照退回意见补充整改措施和佐证材料，确保整改到位、销号规范，坚决杜绝虚假整改、数字整改。',
  ].join('\n');
}

export function defaultDeadline(today: string): string {
  return addDays(today, 10);
}

function totalsParagraphs(sc: Scorecard): string[] {
  const f = sc.totals.figures;
  const cat = sc.categories
    .map((c) => `${c.category === '其他方面' ? '其他方面' : `“${c.category}”方面`}${c.found}个`)
    .join('、');
  const problems =
    f.found === 0
      ? `截至${formatChineseDate(sc.period.asOf)}，全区问题台账尚未录入问题。`
      : `截至${formatChineseDate(sc.period.asOf)}，全区累计排查发现问题${f.found}个，${cat ? `其中${cat}；` : ''}已整改销号${f.closed}个，整改销号率${percent(sc.totals.rates.closureRate)}；尚未销号${f.found - f.closed}个，其中逾期未整改${f.overdue}个。`;
  const when = periodText(sc.period.from, sc.period.to);
  const reporting =
    f.expected === 0
      ? `${when}，无到期的月报及节点报送事项`
      : `${when}，各单位应报送月报及节点材料${f.expected}份，按时报送${f.onTime}份，逾期报送${f.late}份，逾期未报${f.missing}份，按时报送率${percent(sc.totals.rates.onTimeRate)}`;
  const returns = `${sc.campaign.issuer}退回问题销号申请${f.returnedProblems}次、退回报送材料${f.returnedReports}次。`;
  return [problems, `${reporting}；${returns}`];
}

function weightsSentence(sc: Scorecard): string {
  const w = sc.rules.weights;
  const total = w.onTime + w.closure + w.overdue + w.returns || 1;
  const p = (x: number) => `${Math.round((x / total) * 1000) / 10}%`;
  return `按照报送及时率（权重${p(w.onTime)}）、整改销号率（权重${p(w.closure)}）、逾期问题控制（权重${p(w.overdue)}）、退回情况（权重${p(w.returns)}）加权计算综合得分（满分100分），各单位排名如下：`;
}

const RANKING_HEADER = [
  '名次',
  '单位',
  '按时报送率',
  '发现问题',
  '已销号',
  '销号率',
  '逾期问题',
  '退回次数',
  '综合得分',
];

function rankingRows(sc: Scorecard): string[][] {
  return sc.units.map((u) => [
    u.rank === null ? '—' : String(u.rank),
    u.unit.name,
    percent(u.rates.onTimeRate),
    String(u.figures.found),
    String(u.figures.closed),
    percent(u.rates.closureRate),
    String(u.figures.overdue),
    String(u.figures.returnedProblems + u.figures.returnedReports),
    u.score === null ? '—' : u.score.toFixed(1),
  ]);
}

function criticismSection(sc: Scorecard): Pick<Section, 'paragraphs' | 'points'> {
  const named = sc.groups.filter((g) => g.units.length > 0);
  if (named.length === 0) return { paragraphs: ['本期各单位均未达到通报批评情形。'] };
  const criteria = CRITICISM_GROUPS.map(
    (g) => `${g}：${sc.groups.find((x) => x.group === g)?.criterion ?? ''}`,
  ).join('；');
  return {
    paragraphs: [`对照通报批评情形（${criteria}），对以下单位予以通报批评：`],
    points: named.map((g, i) => ({
      lead: `（${NUMERALS[i]}）${g.group}。`,
      text: `${g.units.map((u) => `${u.name}（${u.reason}）`).join('、')}。`,
    })),
  };
}

function deadlineSentence(sc: Scorecard, deadline: string): string {
  const named = sc.groups.some((g) => g.units.length > 0);
  return `${named ? '请被通报单位认真查找原因，举一反三，' : '请各街道、区各相关部门'}于${formatChineseDate(deadline)}前将整改落实情况书面报送${sc.campaign.issuer}。`;
}

export function buildCircularDocument(sc: Scorecard, t: CircularTexts): CircularDocument {
  const requirements = t.requirements
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const sections: Section[] = [
    { heading: '总体情况', paragraphs: totalsParagraphs(sc) },
    {
      heading: '综合评分排名情况',
      paragraphs: [weightsSentence(sc)],
      table: { header: RANKING_HEADER, rows: rankingRows(sc) },
    },
    { heading: '通报批评情况', ...criticismSection(sc) },
    {
      heading: '下步工作要求',
      paragraphs: [...requirements, ...(t.deadline ? [deadlineSentence(sc, t.deadline)] : [])],
    },
  ];
  return {
    title: t.title,
    docNumber: t.docNumber,
    recipients: RECIPIENTS,
    intro: t.intro,
    sections: sections.map((s, i) => ({ ...s, heading: `${NUMERALS[i]}、${s.heading}` })),
    issuer: sc.campaign.issuer,
    dateText: formatChineseDate(t.docDate),
  };
}
