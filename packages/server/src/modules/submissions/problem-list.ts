// The unit's 问题清单 straight from the ledger, as the .xlsx the 12-24 submission carries
// (问题排查结果和问题清单): every problem of the unit in the campaign, in 序号 order.
import { formatChineseDate, PROBLEM_STATUS_LABELS, type ProblemStatus } from '@paicha/core';
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/transaction.js';
import { addListSheet, type ListColumn, workbookBuffer } from '../../lib/xlsx-list.js';

/** addListSheet puts the title, the unit line, a spacer and the header above the data (row 5). */

export function listUnitProblems(db: Executor, campaignId: number, unitId: number) {
  return db
    .selectFrom('problems as p')
    .innerJoin('check_items as i', 'i.id', 'p.check_item_id')
    .select([
      'p.id',
      'i.seq',
      'i.sub_category as subCategory',
      'p.source',
      'p.description',
      'p.place',
      'p.household_ref as householdRef',
      'p.found_date as foundDate',
      'p.status',
    ])
    .where('p.campaign_id', '=', campaignId)
    .where('p.unit_id', '=', unitId)
    .orderBy('i.seq')
    .orderBy('p.id')
    .execute();
}
type Row = Awaited<ReturnType<typeof listUnitProblems>>[number];

/** The columns of the ledger's 问题清单. */
function columns(unitName: string): ListColumn<Row>[] {
  return [
    { header: '序号', width: 6, value: (_r, i) => i + 1, align: 'center' },
    { header: '问题编号', width: 10, value: (r) => r.id, align: 'center' },
    { header: '排查项目', width: 12, value: (r) => r.subCategory, align: 'center' },
    { header: '事项序号', width: 10, value: (r) => r.seq, align: 'center' },
    { header: '问题来源', width: 12, value: (r) => r.source, align: 'center' },
    { header: '问题描述', width: 44, value: (r) => r.description },
    { header: '地点（村/户）', width: 16, value: (r) => [r.place, r.householdRef].filter(Boolean).join(' ') },
    { header: '发现时间', width: 16, value: (r) => formatChineseDate(r.foundDate), align: 'center' },
    { header: '责任单位', width: 14, value: () => unitName, align: 'center' },
    {
      header: '整改状态',
      width: 10,
      value: (r) => PROBLEM_STATUS_LABELS[r.status as ProblemStatus],
      align: 'center',
    },
  ];
}

export async function unitProblemListXlsx(
  db: Executor,
  opts: { campaignId: number; campaignTitle: string; unitId: number; unitName: string; today: string },
) {
  const rows = await listUnitProblems(db, opts.campaignId, opts.unitId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'paicha 问题大排查';
  const cols = columns(opts.unitName);
  addListSheet(wb, {
    sheetName: '问题清单',
    title: `${opts.campaignTitle}问题清单`,
    leftLine: `填报单位：${opts.unitName}`,
    rightLine: `填报时间：${formatChineseDate(opts.today)}`,
    columns: cols,
    rows,
    footer: `共 ${rows.length} 个问题（自台账生成）`,
  });
  const fileName = `${opts.unitName}问题清单（${formatChineseDate(opts.today)}）.xlsx`;
  return { buffer: await workbookBuffer(wb), fileName, count: rows.length };
}
