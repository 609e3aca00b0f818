// paicha import <source> <file> [--json] [--map 表头=字段 …]: one household export into the
// database, all or nothing. Exit 0 when imported, 2 when the file was rejected (nothing stored).
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  AppError,
  FIELD_IDS,
  type FieldId,
  HOUSEHOLD_SOURCES,
  isHouseholdSource,
  SOURCE_LABELS,
} from '@paicha/core';
import { runImport } from '../modules/households/import/import.service.js';
import { formatOf } from '../modules/households/import/read-table.js';
import { openRuntime } from '../runtime.js';

function parseMappings(list: string[] | undefined): Record<string, FieldId | null> {
  const out: Record<string, FieldId | null> = {};
  for (const m of list ?? []) {
    const at = m.lastIndexOf('=');
    if (at <= 0) throw new AppError('bad_request', `--map 应为“表头=字段”：${m}`);
    const field = m.slice(at + 1).trim();
    if (field && !FIELD_IDS.includes(field as FieldId))
      throw new AppError('bad_request', `未知字段：${field}（可用：${FIELD_IDS.join(', ')}）`);
    out[m.slice(0, at)] = field ? (field as FieldId) : null;
  }
  return out;
}

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, map: { type: 'string', multiple: true } },
  });
  const [source, file] = positionals;
  if (!source || !file) throw new AppError('bad_request', `需要来源和文件：paicha import <来源> <文件>`);
  if (!isHouseholdSource(source))
    throw new AppError('bad_request', `来源应为：${HOUSEHOLD_SOURCES.join(' | ')}`);
  const format = formatOf(file);
  if (!format)
    throw new AppError('bad_request', '只支持 .csv 和 .xlsx 文件（.xls 请在 Excel/WPS 中另存为 .xlsx）');
  const mapping = parseMappings(values.map);
  const runtime = await openRuntime();
  try {
    const tty = !values.json && process.stderr.isTTY;
    const r = await runImport(runtime.ctx, {
      source,
      path: path.resolve(file),
      fileName: path.basename(file),
      format,
      mapping,
      actorId: null,
      onProgress: tty
        ? (p) =>
            process.stderr.write(
              `\r已读取 ${p.rows} 行（${Math.round((p.bytesRead / Math.max(1, p.bytesTotal)) * 100)}%）`,
            )
        : undefined,
    });
    if (tty) process.stderr.write('\n');
    if (values.json) {
      const errors = r.errors.map((e) => ({
        row: e.row,
        column: e.column,
        message: e.message,
        value: e.value,
      }));
      console.log(
        JSON.stringify({
          rows: r.rows,
          accepted: r.status === 'committed' ? r.accepted : 0,
          rejected: r.rejected,
          errors,
          importId: r.importId,
          status: r.status,
          errorCount: r.errorCount,
        }),
      );
    } else if (r.status === 'committed') {
      console.log(`已导入${SOURCE_LABELS[source]}：${r.rows} 行（导入批次 ${r.importId}）`);
    } else {
      console.error(`文件未导入：${r.message}`);
      for (const e of r.errors.slice(0, 50))
        console.error(`  第${e.row}行 ${e.column}${e.value ? `“${e.value}”` : ''}：${e.message}`);
      if (r.errorCount > 50) console.error(`  …… 共 ${r.errorCount} 处错误`);
    }
    return r.status === 'committed' ? 0 : 2;
  } finally {
    await runtime.close();
  }
}
