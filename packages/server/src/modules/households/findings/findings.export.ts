// 数据比对问题线索 as .xlsx: one plain sheet, a row per finding, masked as the list is. Streamed
// (ExcelJS's streaming writer): rows are read a page at a time and sent as they are written.
import type { Writable } from 'node:stream';
import type { FindingsQuery } from '@paicha/core/api/screening';
import ExcelJS from 'exceljs';
import type { PreparedExport } from '../../../http/export-stream.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { pace, XLSX_MIME } from '../../../lib/xlsx-list.js';
import { findingPages } from './findings.query.js';

const COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '排查事项', key: 'checkItem', width: 9 },
  { header: '规则', key: 'ruleTitle', width: 28 },
  { header: '责任单位', key: 'unit', width: 12 },
  { header: '乡镇（街道）', key: 'township', width: 12 },
  { header: '户编号', key: 'householdId', width: 20 },
  { header: '证件号码', key: 'idNumber', width: 21 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '问题描述', key: 'detail', width: 80 },
  { header: '状态', key: 'status', width: 10 },
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
    async write(out: Writable) {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: true,
        useSharedStrings: false,
        zip: { zlib: { level: 3 } },
      } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
      try {
        const ws = wb.addWorksheet('问题线索');
        ws.columns = COLUMNS;
        let n = 0;
        for await (const page of pages()) {
          for (const f of page) {
            ws.addRow({
              ...f,
              n: ++n,
              unit: f.unit?.name ?? '（待对应）',
              status: f.status === 'open' ? '存在' : '已不再发现',
            }).commit();
          }
          await pace(out);
        }
        ws.commit();
        await wb.commit();
      } catch (err) {
        (wb as unknown as { zip: { abort(): void } }).zip.abort();
        throw err;
      }
    },
  };
}
