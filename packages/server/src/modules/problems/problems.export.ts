// 问题清单 · 责任清单 · 整改清单 as Excel files an office can print and file as they are.
import { formatChineseDate, PROBLEM_STATUS_LABELS } from '@paicha/core';
import ExcelJS from 'exceljs';
import type { Actor, AppContext } from '../../http/context.js';
import { addListSheet, type ListColumn, workbookBuffer } from '../../lib/xlsx-list.js';
import { scopedFilter } from './problems.query.js';
import { listAllProblems, type ProblemRow } from './problems.repository.js';
import type { ListQuery } from './problems.schema.js';

export const LEDGER_LISTS = ['problems', 'responsibility', 'rectification', 'all'] as const;
export type LedgerList = (typeof LEDGER_LISTS)[number];

const LIST_TITLES: Record<Exclude<LedgerList, 'all'>, string> = {
  problems: '问题清单',
  responsibility: '责任清单',
  rectification: '整改清单',
};

type Row = ProblemRow;
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
const statusCol: ListColumn<Row> = {
  header: '整改状态',
  width: 10,
  value: (r) => PROBLEM_STATUS_LABELS[r.status],
  align: 'center',
};

const COLUMNS: Record<Exclude<LedgerList, 'all'>, ListColumn<Row>[]> = {
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
  ],
  rectification: [
    seqCol,
    idCol,
    descCol(34),
    { header: '原因剖析', width: 28, value: (r) => r.cause },
    { header: '整改措施', width: 34, value: (r) => r.measures },
    modeCol,
    deadlineCol,
    statusCol,
    {
      header: '销号时间',
      width: 17,
      value: (r) => (r.closedAt ? formatChineseDate(r.closedAt.slice(0, 10)) : ''),
      align: 'center',
    },
  ],
};

/** Builds the requested list(s) for what the actor may see under the given filters. */
export async function exportLedger(ctx: AppContext, actor: Actor, list: LedgerList, q: ListQuery) {
  const filter = await scopedFilter(ctx, actor, q);
  const rows = await listAllProblems(ctx.db, filter);
  const campaign = await ctx.db
    .selectFrom('campaigns')
    .select('title')
    .where('id', '=', filter.campaignId)
    .executeTakeFirstOrThrow();
  const unitName =
    filter.unitId === undefined ? '全区' : (rows[0]?.unitName ?? (await unitNameOf(ctx, filter.unitId)));
  const today = formatChineseDate(ctx.clock.today());
  const wb = new ExcelJS.Workbook();
  wb.creator = 'paicha';
  const lists = list === 'all' ? (['problems', 'responsibility', 'rectification'] as const) : [list];
  for (const l of lists) {
    addListSheet(wb, {
      sheetName: LIST_TITLES[l],
      title: `${campaign.title}${LIST_TITLES[l]}`,
      leftLine: `填报单位：${unitName}`,
      rightLine: `导出时间：${today}`,
      columns: COLUMNS[l],
      rows,
      footer: `共 ${rows.length} 个问题`,
    });
  }
  const name = `${unitName}${list === 'all' ? '问题清单、责任清单、整改清单' : LIST_TITLES[list]}（${today}）.xlsx`;
  return { buffer: await workbookBuffer(wb), fileName: name, count: rows.length };
}

async function unitNameOf(ctx: AppContext, unitId: number) {
  const u = await ctx.db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  return u?.name ?? '';
}
