// The unit's 问题清单 straight from the ledger, as the .xlsx the 12-24 submission carries
// (问题排查结果和问题清单): every problem of the unit in the campaign, in 序号 order. Written as a
// stream into the stored file, page by page (a street may hold a hundred thousand problems).
import type { Writable } from 'node:stream';
import { formatChineseDate, PROBLEM_STATUS_LABELS } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import { type ListColumn, writeListWorkbook } from '../../lib/xlsx-list.js';
import { type LedgerRow, ledgerRows } from '../problems/problems.export.js';

type Row = LedgerRow;

/** The columns of the ledger's 问题清单. */
function columns(unitName: string): ListColumn<Row>[] {
  return [
    { header: '序号', width: 6, value: (_r, i) => i + 1, align: 'center' },
    { header: '问题编号', width: 10, value: (r) => r.id, align: 'center' },
    { header: '排查项目', width: 12, value: (r) => r.subCategory, align: 'center' },
    { header: '事项序号', width: 10, value: (r) => r.checkItem, align: 'center' },
    { header: '问题来源', width: 12, value: (r) => r.source, align: 'center' },
    { header: '问题描述', width: 44, value: (r) => r.description },
    { header: '地点（村/户）', width: 16, value: (r) => [r.place, r.householdRef].filter(Boolean).join(' ') },
    { header: '发现时间', width: 16, value: (r) => formatChineseDate(r.foundDate), align: 'center' },
    { header: '责任单位', width: 14, value: () => unitName, align: 'center' },
    { header: '整改状态', width: 10, value: (r) => PROBLEM_STATUS_LABELS[r.status], align: 'center' },
  ];
}

/** The list's file name, how many problems it holds now, and the writer of its bytes. */
export async function unitProblemListXlsx(
  db: Executor,
  opts: { campaignId: number; campaignTitle: string; unitId: number; unitName: string; today: string },
) {
  const rows = await ledgerRows(db, { campaignId: opts.campaignId, unitId: opts.unitId, today: opts.today });
  const fileName = `${opts.unitName}问题清单（${formatChineseDate(opts.today)}）.xlsx`;
  const write = (out: Writable) =>
    writeListWorkbook(
      out,
      [
        {
          sheetName: '问题清单',
          title: `${opts.campaignTitle}问题清单`,
          leftLine: `填报单位：${opts.unitName}`,
          rightLine: `填报时间：${formatChineseDate(opts.today)}`,
          columns: columns(opts.unitName),
          pages: rows.pages,
          footer: (n) => `共 ${n} 个问题（自台账生成）`,
        },
      ],
      'paicha 问题大排查',
    );
  return { fileName, count: rows.count, write };
}
