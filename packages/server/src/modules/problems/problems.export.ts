// 问题清单 · 责任清单 · 整改清单 as Excel files an office can print and file as they are, streamed:
// however long the ledger, only a page of rows is held at a time.
import {
  AppError,
  deadlineDayOffMark,
  formatChineseDate,
  PROBLEM_STATUS_LABELS,
  type WorkCalendar,
} from '@paicha/core';
import type { LedgerList, ListQuery } from '@paicha/core/api/problems';
import type { Executor } from '../../db/transaction.js';
import type { PreparedExport } from '../../http/export-stream.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { type ListColumn, type ListSheet, writeListWorkbook, XLSX_MIME } from '../../lib/xlsx-list.js';
import { loadCalendar, problemDeadlineInfo } from '../calendar/deadlines.js';
import { findCampaign, listCheckItems } from '../campaigns/campaigns.repository.js';
import { findUnit, listUnits } from '../units/units.repository.js';
import { countProblemGroups, problemsAfter } from './problem-export.repository.js';
import type { ProblemFilter } from './problem-list.repository.js';
import { scopedFilter } from './problems.query.js';

const LIST_TITLES: Record<Exclude<LedgerList, 'all'>, string> = {
  problems: '问题清单',
  responsibility: '责任清单',
  rectification: '整改清单',
};

/** A problem as the lists print it: its printed columns and its unit's and item's names. */
export type LedgerRow = Awaited<ReturnType<typeof problemsAfter>>[number] & {
  unitName: string;
  checkItem: number;
  subCategory: string;
};
type Row = LedgerRow;
const seqCol: ListColumn<Row> = { header: '序号', width: 6, value: (_r, i) => i + 1, align: 'center' };
const idCol: ListColumn<Row> = { header: '问题编号', width: 11, value: (r) => r.id, align: 'center' };
const unitCol: ListColumn<Row> = { header: '责任单位', width: 14, value: (r) => r.unitName, align: 'center' };
const descCol = (width: number): ListColumn<Row> => ({
  header: '问题描述',
  width,
  value: (r) => r.description,
});
const modeCol: ListColumn<Row> = { header: '整改方式', width: 11, value: (r) => r.mode, align: 'center' };
const deadlineCol: ListColumn<Row> = {
  header: '整改时限',
  width: 17,
  value: (r) => (r.deadline ? formatChineseDate(r.deadline) : r.mode === '立行立改' ? '立行立改' : ''),
  align: 'center',
};
/**
 * A 整改时限 on a day off is marked in a column of its own (core deadlineDayOffMark, the words
 * every page uses): the date cell stays a plain date, so a clerk who copies the columns into the
 * import template gets a 整改时限 the import reads, and the mark's header is no import column.
 */
export const DEADLINE_MARK_HEADER = '时限遇休息日';
const deadlineMarkCol = (calendar: WorkCalendar): ListColumn<Row> => ({
  header: DEADLINE_MARK_HEADER,
  width: 14,
  value: (r) => (r.deadline ? deadlineDayOffMark(problemDeadlineInfo(r.deadline, calendar)) : ''),
  align: 'center',
});
const statusCol: ListColumn<Row> = {
  header: '整改状态',
  width: 10,
  value: (r) => PROBLEM_STATUS_LABELS[r.status],
  align: 'center',
};

const columnsOf = (calendar: WorkCalendar): Record<Exclude<LedgerList, 'all'>, ListColumn<Row>[]> => ({
  problems: [
    seqCol,
    idCol,
    { header: '排查项目', width: 14, value: (r) => r.subCategory, align: 'center' },
    { header: '事项序号', width: 10, value: (r) => r.checkItem, align: 'center' },
    { header: '问题来源', width: 12, value: (r) => r.source, align: 'center' },
    descCol(44),
    { header: '地点（村/户）', width: 16, value: (r) => [r.place, r.householdRef].filter(Boolean).join(' ') },
    { header: '发现时间', width: 17, value: (r) => formatChineseDate(r.foundDate), align: 'center' },
    unitCol,
    statusCol,
  ],
  responsibility: [
    seqCol,
    idCol,
    descCol(50),
    unitCol,
    { header: '责任领导', width: 12, value: (r) => r.responsibleLeader, align: 'center' },
    { header: '责任人', width: 12, value: (r) => r.responsiblePerson, align: 'center' },
    modeCol,
    deadlineCol,
    deadlineMarkCol(calendar),
  ],
  rectification: [
    seqCol,
    idCol,
    descCol(34),
    { header: '原因剖析', width: 28, value: (r) => r.cause },
    { header: '整改措施', width: 34, value: (r) => r.measures },
    modeCol,
    deadlineCol,
    deadlineMarkCol(calendar),
    statusCol,
    {
      header: '销号时间',
      width: 17,
      value: (r) => (r.closedAt ? formatChineseDate(r.closedAt.slice(0, 10)) : ''),
      align: 'center',
    },
  ],
});

/**
 * Rows per database read. SQLite reads on the server's thread, all at once: a short page keeps
 * that a short slice of the event loop. PostgreSQL's rows arrive over the socket and are parsed
 * as they come, while each read costs a round trip, a query built and sent, and a turn of the
 * event loop to hear back: four times the page, a quarter of those.
 */
const LEDGER_PAGE = { sqlite: 250, postgres: 1000 } as const;

interface Group {
  unitId: number;
  itemId: number;
  unitName: string;
  checkItem: number;
  subCategory: string;
}

/**
 * The requested list(s) for what the actor may see under the given filters, ready to stream:
 * the filter, campaign and (unit, item) groups are settled here (errors still answer as JSON),
 * the rows are read page by page while the file is written.
 */
export async function prepareLedgerExport(
  ctx: AppContext,
  actor: Actor,
  list: LedgerList,
  q: ListQuery,
): Promise<PreparedExport & { count: number }> {
  const filter = await scopedFilter(ctx, actor, q);
  const campaign = await findCampaign(ctx.db, filter.campaignId);
  if (!campaign) throw new AppError('not_found', '工作活动不存在');
  const rows = await ledgerRows(ctx.db, filter, LEDGER_PAGE[ctx.dialect]);
  const columns = columnsOf(await loadCalendar(ctx.db));
  const unitName = filter.unitId === undefined ? '全区' : await unitNameOf(ctx, filter.unitId);
  const today = formatChineseDate(ctx.clock.today());
  const lists = list === 'all' ? (['problems', 'responsibility', 'rectification'] as const) : [list];
  const sheets: ListSheet<Row>[] = lists.map((l) => ({
    sheetName: LIST_TITLES[l],
    title: `${campaign.title}${LIST_TITLES[l]}`,
    leftLine: `填报单位：${unitName}`,
    rightLine: `导出时间：${today}`,
    columns: columns[l],
    pages: rows.pages,
    footer: (rows) => `共 ${rows} 个问题`,
  }));
  return {
    fileName: `${unitName}${list === 'all' ? '问题清单、责任清单、整改清单' : LIST_TITLES[list]}（${today}）.xlsx`,
    mime: XLSX_MIME,
    count: rows.count,
    write: (out) => writeListWorkbook(out, sheets, 'paicha'),
  };
}

/**
 * The matching problems in ledger order (unit, item 序号, id), to be read page by page, and how
 * many there are now. Planned as the (unit, item) pairs that hold matches, counted one unit at a
 * time so that no single read scans the whole ledger on SQLite's one thread.
 */
export async function ledgerRows(db: Executor, filter: ProblemFilter, page: number = LEDGER_PAGE.sqlite) {
  const allUnits = await listUnits(db);
  const unitNames = new Map(allUnits.map((u) => [u.id, u.name]));
  const units = filter.unitId === undefined ? allUnits.map((u) => u.id) : [filter.unitId];
  const items = await listCheckItems(db, filter.campaignId);
  const item = new Map(items.map((i) => [i.id, i]));
  const seq = (id: number) => item.get(id)?.seq ?? 0;
  const groups: Group[] = [];
  let count = 0;
  for (const unitId of units) {
    const found = await countProblemGroups(db, { ...filter, unitId });
    found.sort((a, b) => seq(a.itemId) - seq(b.itemId) || a.itemId - b.itemId);
    for (const g of found) {
      groups.push({
        unitId: g.unitId,
        itemId: g.itemId,
        unitName: unitNames.get(g.unitId) ?? '',
        checkItem: seq(g.itemId),
        subCategory: item.get(g.itemId)?.subCategory ?? '',
      });
      count += g.n;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { count, pages: () => ledgerPages(db, filter, groups, page) };
}

/** The groups' problems, each group by id (keyset), gathered into pages of about `size` rows. */
async function* ledgerPages(db: Executor, filter: ProblemFilter, groups: Group[], size: number) {
  let batch: Row[] = [];
  for (const g of groups) {
    let after = 0;
    for (;;) {
      const read = await problemsAfter(db, filter, {
        unitId: g.unitId,
        itemId: g.itemId,
        after,
        limit: size,
      });
      // The group's names set on the rows read, not copied into new ones: a row is made once.
      const rows = read as Row[];
      for (const r of rows) {
        r.unitName = g.unitName;
        r.checkItem = g.checkItem;
        r.subCategory = g.subCategory;
      }
      batch = batch.length === 0 ? rows : batch.concat(rows);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
      const last = rows[rows.length - 1];
      if (rows.length < size || !last) break;
      after = last.id;
    }
  }
  if (batch.length > 0) yield batch;
}
async function unitNameOf(ctx: AppContext, unitId: number) {
  return (await findUnit(ctx.db, unitId))?.name ?? '';
}
