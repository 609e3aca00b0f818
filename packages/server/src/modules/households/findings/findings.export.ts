// 数据比对问题线索 as .xlsx: one plain sheet, a row per finding, masked as the list is. Streamed:
// rows are read a page at a time, rendered in the export worker (lib/xlsx-list.ts) and sent as
// they are written.
import type { Writable } from 'node:stream';
import type { FindingsQuery } from '@paicha/core/api/screening';
import type { PreparedExport } from '../../../http/export-stream.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { type TableSheet, writeTableWorkbook, XLSX_MIME } from '../../../lib/xlsx-list.js';
import { findingPages, type presentFinding } from './findings-read.repository.js';

type Finding = ReturnType<typeof presentFinding>;

const COLUMNS: TableSheet<Finding>['columns'] = [
  { header: '序号', width: 6, value: (_f, i) => i + 1 },
  { header: '排查事项', width: 9, value: (f) => f.checkItem },
  { header: '规则', width: 28, value: (f) => f.ruleTitle },
  { header: '责任单位', width: 12, value: (f) => f.unit?.name ?? '（待对应）' },
  { header: '乡镇（街道）', width: 12, value: (f) => f.township },
  { header: '村（社区）', width: 12, value: (f) => f.village },
  { header: '户编号', width: 20, value: (f) => f.householdId },
  { header: '证件号码', width: 21, value: (f) => f.idNumber },
  { header: '姓名', width: 10, value: (f) => f.name },
  { header: '问题描述', width: 80, value: (f) => f.detail },
  { header: '状态', width: 10, value: (f) => (f.status === 'open' ? '存在' : '已不再发现') },
  { header: '核实状态', width: 18, value: (f) => f.verificationLabel },
  { header: '核实说明', width: 40, value: (f) => f.verificationNote },
  {
    header: '核实人员',
    width: 18,
    value: (f) => (f.assignee ? `${f.assignee.name} ${f.assignee.phone}`.trim() : ''),
  },
];

export async function prepareFindingsExport(
  ctx: AppContext,
  actor: Actor,
  q: Partial<FindingsQuery>,
): Promise<PreparedExport> {
  const { pages } = await findingPages(ctx, actor, q);
  return {
    fileName: '数据比对问题线索.xlsx',
    mime: XLSX_MIME,
    write: (out: Writable) =>
      writeTableWorkbook(out, { sheetName: '问题线索', columns: COLUMNS, pages }, 'paicha'),
  };
}
