// What a plan's body text says about the campaign: its title (the first line), its own 文号,
// the 时间安排 ("（一）动员部署阶段（2019年11月28日—12月13日）。…") as phases, the 时间节点
// ("12月15日前，…") as milestones, and the monthly report's day ("每月4日前") and months
// ("2020年1—6月"). Dates without a year take it from the dates around them.
import { addDays } from '@paicha/core';
import type { PlanMilestoneDraft, PlanPhaseDraft } from '@paicha/core/api/campaign-import';

export interface PlanText {
  title: string;
  docNumber: string;
  startDate: string | null;
  endDate: string | null;
  monthlyDueDay: number | null;
  monthlyPeriods: string[];
  phases: PlanPhaseDraft[];
  milestones: PlanMilestoneDraft[];
}

const DATE = String.raw`(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日`;
const PHASE = new RegExp(
  String.raw`^[（(][一二三四五六七八九十\d]+[)）]\s*([^（(。]{2,20}?阶段)\s*[（(]\s*${DATE}\s*[—–\-~～至到]+\s*${DATE}\s*[)）][。．.]?\s*(.*)$`,
);
/** A 文号 on a line of its own: 开管扶组办〔2019〕12号. */
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,16}[〔﹝[（(【]\d{4}[〕﹞\]）)】]\s*\d{1,4}\s*号$/;
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const valid = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= 31 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;

export function readPlanText(paragraphs: readonly string[]): PlanText {
  const firstYear = Number(/(\d{4})年/.exec(paragraphs.join('\n'))?.[1] ?? Number.NaN);
  const phases: PlanPhaseDraft[] = [];
  let year = Number.isFinite(firstYear) ? firstYear : null;
  let last: string | null = null;
  /** A date in reading order: without a year it is the first such day not before the previous date. */
  const dateOf = (y: string | undefined, m: string, d: string): string | null => {
    if (y) year = Number(y);
    if (year === null || !valid(year, Number(m), Number(d))) return null;
    let out = iso(year, Number(m), Number(d));
    if (!y && last && out < last && valid(year + 1, Number(m), Number(d))) {
      year += 1;
      out = iso(year, Number(m), Number(d));
    }
    last = out;
    return out;
  };
  for (const p of paragraphs) {
    const m = PHASE.exec(p);
    if (!m) continue;
    const start = dateOf(m[2], m[3] as string, m[4] as string);
    const end = dateOf(m[5], m[6] as string, m[7] as string);
    if (!start || !end || end < start) continue;
    phases.push({
      name: (m[1] as string).trim(),
      startDate: start,
      endDate: end,
      description: (m[8] ?? '').trim(),
    });
  }
  const startDate = phases[0]?.startDate ?? null;
  const endDate = phases.at(-1)?.endDate ?? null;
  const milestones = readMilestones(paragraphs, startDate, endDate, firstYear);
  const due = /每月\s*(\d{1,2})\s*日前/.exec(paragraphs.join('\n'));
  const monthlyDueDay = due && Number(due[1]) >= 1 && Number(due[1]) <= 28 ? Number(due[1]) : null;
  return {
    title: paragraphs[0]?.trim() ?? '',
    docNumber:
      paragraphs
        .slice(0, 6)
        .find((p) => DOC_NUMBER.test(p.replace(/\s/g, '')))
        ?.replace(/\s/g, '') ?? '',
    startDate,
    endDate:
      endDate && milestones.at(-1) && (milestones.at(-1)?.dueDate ?? '') > endDate
        ? (milestones.at(-1)?.dueDate ?? endDate)
        : endDate,
    monthlyDueDay,
    monthlyPeriods: readPeriods(paragraphs.join('\n'), startDate, endDate),
    phases,
    milestones,
  };
}

/** "12月15日前，各街道…；" clauses: one milestone per distinct day, its year placed inside the campaign. */
function readMilestones(
  paragraphs: readonly string[],
  start: string | null,
  end: string | null,
  fallbackYear: number,
): PlanMilestoneDraft[] {
  const found = new Map<string, { clause: string; leading: boolean }>();
  const clauseDate = new RegExp(`${DATE}前`);
  for (const p of paragraphs) {
    if (PHASE.test(p)) continue;
    for (const raw of p.split(/[；;。]/)) {
      const clause = raw.replace(/^[（(][一二三四五六七八九十]+[)）][^。]*?。/, '').trim();
      const m = clauseDate.exec(clause);
      if (!m) continue;
      const day = placeDate(m[1], Number(m[2]), Number(m[3]), start, end, fallbackYear);
      if (!day) continue;
      const leading = m.index === 0;
      const prev = found.get(day);
      if (!prev || (leading && !prev.leading)) found.set(day, { clause, leading });
    }
  }
  const days = [...found.keys()].sort();
  return days.map((dueDate, i) => {
    const { clause } = found.get(dueDate) as { clause: string };
    const rest = clause.replace(clauseDate, '').replace(/^[，,\s]+/, '');
    return {
      kind: kindOf(clause, i, days.length),
      title: titleOf(rest),
      dueDate,
      description: `${clause}。`,
    };
  });
}

/** A month-day placed in the campaign's span when the text gives no year. */
function placeDate(
  y: string | undefined,
  m: number,
  d: number,
  start: string | null,
  end: string | null,
  fallbackYear: number,
): string | null {
  const candidates = y
    ? [Number(y)]
    : start
      ? [Number(start.slice(0, 4)), Number(start.slice(0, 4)) + 1]
      : Number.isFinite(fallbackYear)
        ? [fallbackYear]
        : [];
  const dates = candidates.filter((yy) => valid(yy, m, d)).map((yy) => iso(yy, m, d));
  const inside = dates.find((x) => (!start || x >= start) && (!end || x <= addDays(end, 31)));
  return inside ?? dates[0] ?? null;
}

function kindOf(clause: string, i: number, n: number): PlanMilestoneDraft['kind'] {
  if (/问题清单|排查结果/.test(clause)) return 'problem_list';
  if (/整改到位|整改结果|整改完成/.test(clause)) return 'rectification';
  if (/总结|建章立制/.test(clause) || (i === n - 1 && n > 1)) return 'summary';
  return 'plan';
}

/** The clause's action, short enough for a title: "各街道各部门向区领导小组办公室报送…" → "报送…". */
function titleOf(rest: string): string {
  const first = rest.split(/[，,：:]/)[0] ?? rest;
  const verb = /(报送|上报|完成|建立|召开|开展|组织|确保)/.exec(first);
  const t = (verb ? first.slice(verb.index) : first).trim();
  return (t.length > 40 ? `${t.slice(0, 40)}…` : t) || rest.slice(0, 40);
}

/** "2020年1—6月，每月4日前" → 2020-01 … 2020-06; else every month after the first one. */
function readPeriods(text: string, start: string | null, end: string | null): string[] {
  const m = /(\d{4})年(\d{1,2})\s*[—–\-~～至到]\s*(?:(\d{4})年)?(\d{1,2})月[^。；]{0,6}每月/.exec(text);
  const months: string[] = [];
  const push = (y: number, mo: number) => months.push(`${y}-${String(mo).padStart(2, '0')}`);
  if (m) {
    let y = Number(m[1]);
    let mo = Number(m[2]);
    const endY = m[3] ? Number(m[3]) : Number(m[4]) < mo ? y + 1 : y;
    const endMo = Number(m[4]);
    if (mo < 1 || mo > 12 || endMo < 1 || endMo > 12) return [];
    while ((y < endY || (y === endY && mo <= endMo)) && months.length < 60) {
      push(y, mo);
      if (++mo > 12) [y, mo] = [y + 1, 1];
    }
    return months;
  }
  if (!start || !end) return [];
  let y = Number(start.slice(0, 4));
  let mo = Number(start.slice(5, 7)) + 1;
  if (mo > 12) [y, mo] = [y + 1, 1];
  while (`${y}-${String(mo).padStart(2, '0')}` <= end.slice(0, 7) && months.length < 60) {
    push(y, mo);
    if (++mo > 12) [y, mo] = [y + 1, 1];
  }
  return months;
}
