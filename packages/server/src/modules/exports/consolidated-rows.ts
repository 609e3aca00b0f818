// The consolidated 月报表's rows when units reported against different structures of the campaign.
//
// A unit that has submitted is printed as it submitted (its snapshot: 序号, 排查项目, 排查内容 and
// its texts); every other unit follows the campaign's structure of today. Rows are keyed by check
// item id and laid out in today's 序号 order:
// - an item's block holds every unit whose row prints the item as it is today;
// - a unit that submitted the item with the same wording under another 序号 (renumbered by a
//   removal or a move) stays in today's block, its 责任单位 cell saying 报送时为第N项;
// - a unit that submitted the item with other wording gets a block of its own right after that
//   item (序号 and 排查内容 as submitted, merged over the units that submitted that same
//   wording), its 责任单位 cell saying 按报送时事项 and what the item is now;
// - an item taken out of the campaign after a unit submitted it stays where that unit printed it
//   (after the nearest item before it in its report that still exists), marked 该项已移除.
// So nothing a unit submitted drops out or is reworded, and each unit appears once per item.
import { mergeGroups } from '@paicha/core';
import type { MonthlyTableRow } from './monthly-table.js';

export interface CurrentItem {
  id: number;
  seq: number;
  subCategory: string;
  subCategoryCell: string;
  content: string;
  unitsText: string;
}

/** One row of a unit's submitted report, as its snapshot printed it. */
export interface SubmittedRow {
  checkItemId: number;
  seq: number;
  groupKey: number;
  groupLabel: string;
  content: string;
  situation: string;
  measures: string;
  progress: string;
}

export interface ConsolidatedInput {
  items: readonly CurrentItem[];
  /** Responsible units of today's items, in unit order. */
  owners: readonly { checkItemId: number; id: number; name: string }[];
  /** Every unit, in unit order (a submitted row's unit may no longer own the item). */
  units: readonly { id: number; name: string }[];
  /** What a unit's sub-row says when it has filed nothing (null once it has submitted). */
  notFiled: (unitId: number) => string | null;
  /** Each submitted unit's rows as submitted. */
  submitted: ReadonlyMap<number, readonly SubmittedRow[]>;
}

/** A unit that submitted before an item was assigned to it: its report has no row for it. */
export const NOT_LISTED = '（报送时未列此项）';

interface Placed {
  row: Omit<MonthlyTableRow, 'itemKey' | 'groupKey'>;
  version: string;
  group: string;
  sort: [number, number, number, number, string, number];
}

/** Numbers equal strings alike, in first-seen order (the table's keys are numbers). */
function interner() {
  const seen = new Map<string, number>();
  return (s: string) => {
    const n = seen.get(s) ?? seen.size + 1;
    seen.set(s, n);
    return n;
  };
}

export function consolidatedRows(input: ConsolidatedInput): MonthlyTableRow[] {
  const groups = mergeGroups(input.items);
  const current = new Map(input.items.map((i) => [i.id, i]));
  const unitOrder = new Map(input.units.map((u, n) => [u.id, n]));
  const unitName = new Map(input.units.map((u) => [u.id, u.name]));
  const out: Placed[] = [];

  const today = (item: CurrentItem, unitsText: string, texts: [string, string, string], unit: number) => {
    const g = groups.get(item.seq) ?? { key: item.seq, label: item.subCategory };
    out.push({
      row: { seq: item.seq, groupLabel: g.label, content: item.content, unitsText, ...triple(texts) },
      version: `${item.id}|${item.seq}|${item.content}|${g.label}`,
      group: `${g.key}|${g.label}`,
      sort: [item.seq, 0, item.seq, item.id, '', unit],
    });
  };

  for (const item of input.items) {
    const owners = input.owners.filter((o) => o.checkItemId === item.id);
    if (owners.length === 0) today(item, item.unitsText, ['', '', ''], -1);
    for (const o of owners) {
      const mark = input.notFiled(o.id);
      const listed = input.submitted.get(o.id)?.some((s) => s.checkItemId === item.id);
      if (mark === null && listed) continue;
      today(item, o.name, [mark ?? NOT_LISTED, '', ''], unitOrder.get(o.id) ?? 0);
    }
  }

  for (const [unitId, rows] of input.submitted) {
    const name = unitName.get(unitId) ?? '';
    const order = unitOrder.get(unitId) ?? 0;
    const bySeq = [...rows].sort((a, b) => a.seq - b.seq);
    bySeq.forEach((s, n) => {
      const now = current.get(s.checkItemId);
      const texts: [string, string, string] = [s.situation, s.measures, s.progress];
      const nowLabel = now ? (groups.get(now.seq)?.label ?? now.subCategory) : '';
      if (now && now.content === s.content && nowLabel === s.groupLabel) {
        // Same item, same wording, only renumbered (an item before it was removed or moved):
        // the unit's row stays in today's block and says the 序号 it was submitted under, so one
        // removal does not split every later item into a block of its own.
        const renumbered = now.seq === s.seq ? name : `${name}\n（报送时为第${s.seq}项）`;
        today(now, renumbered, texts, order);
        return;
      }
      const mark = !now ? '该项已移除' : now.seq !== s.seq ? `现为第${now.seq}项` : '现已调整';
      // A removed item stays after the nearest item before it in this report that still exists.
      const anchor = now?.seq ?? anchorOf(bySeq.slice(0, n), current);
      out.push({
        row: {
          seq: s.seq,
          groupLabel: s.groupLabel,
          content: s.content,
          unitsText: `${name}\n（按报送时事项，${mark}）`,
          ...triple(texts),
        },
        version: `${s.checkItemId}|${s.seq}|${s.content}|${s.groupLabel}`,
        group: `${s.groupKey}|${s.groupLabel}`,
        sort: [anchor, now ? 1 : 2, s.seq, s.checkItemId, `${s.content}|${s.groupLabel}`, order],
      });
    });
  }

  out.sort((a, b) => compare(a.sort, b.sort));
  const itemKey = interner();
  const groupKey = interner();
  return out.map((p) => ({ ...p.row, itemKey: itemKey(p.version), groupKey: groupKey(p.group) }));
}

const triple = ([situation, measures, progress]: [string, string, string]) => ({
  situation,
  measures,
  progress,
});

function anchorOf(before: readonly SubmittedRow[], current: ReadonlyMap<number, CurrentItem>): number {
  for (let i = before.length - 1; i >= 0; i--) {
    const now = current.get((before[i] as SubmittedRow).checkItemId);
    if (now) return now.seq;
  }
  return 0;
}

function compare(a: Placed['sort'], b: Placed['sort']): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] as number | string, b[i] as number | string];
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
