// “按台账生成”: a row's 排查情况 / 整改措施 / 整改进度 written from the ledger's problems of that unit
// and item, so the report says what the ledger holds (and passes the rules in rules.ts). Also
// what a new month is prefilled with where last month's text no longer agrees with the ledger.
import { formatChineseDate } from '../dates.js';
import type { ProblemMode, ProblemStatus } from '../problem.js';

/** How many problems a row names one by one; the rest are counted and left to the ledger. */
export const LEDGER_TEXT_LISTED = 10;
const DESCRIPTION_CHARS = 60;
const MEASURE_CHARS = 80;

export interface LedgerFigures {
  found: number;
  rectifying: number;
  awaitingReview: number;
  rectified: number;
  closed: number;
  overdue: number;
}

export interface LedgerProblem {
  description: string;
  measures: string;
  status: ProblemStatus;
  mode: ProblemMode;
  deadline: string | null;
}

export interface ReportRowTexts {
  situation: string;
  measures: string;
  progress: string;
}

function clip(text: string, max: number): string {
  const t = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。；;，,]+$/, '');
  const chars = [...t];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : t;
}

function howSoon(p: LedgerProblem): string {
  if (p.mode === '立行立改') return '立行立改';
  return p.deadline ? `限${formatChineseDate(p.deadline)}前整改到位` : '限期整改';
}

/**
 * The three texts for a row whose ledger has problems (`figures.found` > 0), `problems` being
 * the first of them in ledger order (at most LEDGER_TEXT_LISTED are named). 整改措施 stays empty
 * when the ledger records no measures, so the row is still flagged for the clerk to write them.
 */
export function ledgerTexts(
  figures: LedgerFigures,
  problems: readonly LedgerProblem[],
  asOf: string,
): ReportRowTexts {
  const listed = problems.slice(0, LEDGER_TEXT_LISTED);
  const rest = figures.found > listed.length;
  const items = listed.map((p, i) => `${i + 1}.${clip(p.description, DESCRIPTION_CHARS)}`).join('；');
  const situation = `经排查，发现问题${figures.found}个：${items}${rest ? '等（详见问题台账）' : ''}。`;
  // Problems with the same measure and timing share one line: “1、2、3.逐户核实（立行立改）”.
  const lines = new Map<string, number[]>();
  listed.forEach((p, i) => {
    if (p.measures.trim() === '') return;
    const line = `${clip(p.measures, MEASURE_CHARS)}（${howSoon(p)}）`;
    lines.set(line, [...(lines.get(line) ?? []), i + 1]);
  });
  const withMeasures = [...lines].map(([line, ns]) => `${ns.join('、')}.${line}`);
  const measures =
    withMeasures.length === 0
      ? ''
      : `${withMeasures.join('；')}${rest ? '；其余问题的整改措施详见问题台账' : ''}。`;
  const overdue = figures.overdue > 0 ? `，其中逾期${figures.overdue}个` : '';
  const progress =
    `截至${formatChineseDate(asOf)}，已整改${figures.rectified}个（已销号${figures.closed}个、` +
    `待销号${figures.awaitingReview}个），正在整改${figures.rectifying}个${overdue}。`;
  return { situation, measures, progress };
}
