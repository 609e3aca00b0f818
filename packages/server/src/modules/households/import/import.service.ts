// One household file → one import: streamed, normalised, written to the import's own table, and
// made visible only by the final flip to 'committed'. Any bad row rejects the whole file (its
// table is dropped; the per-row report stays); the report lists every bad cell up to a cap.
// Used by the HTTP API (as a background job the UI polls) and by `paicha import`.
import { stat } from 'node:fs/promises';
import { AppError, type HouseholdSource, isBlank, SOURCE_LABELS } from '@paicha/core';
import type { AppContext } from '../../../kernel/context.js';
import { THIS_OWNER } from '../../../lib/process-owner.js';
import { dataRows, type HeaderFound } from './header-scan.js';
import { commit, dropStaleImports, reject } from './import-outcome.js';
import * as repo from './imports.repository.js';
import { makeRowNormaliser, type RowNormaliser } from './normalise-row.js';
import { householdsByPlace } from './place-counts.repository.js';
import { openTable } from './read-table.js';
import { openRowSink } from './row-sink.js';
import { createRowsTable, dropRowsTable, rowsTableName } from './rows-table.repository.js';
import type { ImportInput, ImportResult, RowError, RowSink } from './types.js';

/** Errors kept for the report; beyond this the file is just as rejected, and the count says so. */
const MAX_REPORTED_ERRORS = 10_000;
const PROGRESS_EVERY_MS = 1000;
const YIELD_EVERY_ROWS = 256;

/** Creates the job row; `runImportJob` does the work (awaited by the CLI, detached by HTTP). */
export async function createImportJob(ctx: AppContext, input: ImportInput): Promise<number> {
  const at = ctx.clock.now().toISOString();
  const bytesTotal = (await stat(input.path)).size;
  return repo.insertImport(ctx.db, {
    source: input.source,
    file_name: input.fileName,
    format: input.format,
    encoding: null,
    status: 'running',
    rows_table: null,
    sheet: null,
    header_row: null,
    mapping: JSON.stringify(input.mapping ?? {}),
    bytes_total: bytesTotal,
    created_by: input.actorId,
    created_at: at,
    heartbeat_at: at,
    owner: THIS_OWNER,
    finished_at: null,
  });
}

export async function runImport(ctx: AppContext, input: ImportInput): Promise<ImportResult> {
  return runImportJob(ctx, await createImportJob(ctx, input), input);
}

export async function runImportJob(
  ctx: AppContext,
  importId: number,
  input: ImportInput,
): Promise<ImportResult> {
  await dropStaleImports(ctx);
  const now = () => ctx.clock.now().toISOString();
  const errors: RowError[] = [];
  let errorCount = 0;
  let rows = 0;
  let accepted = 0;
  let rejectedRows = 0;
  let header: HeaderFound | null = null;
  let normaliser: RowNormaliser | null = null;
  let sink: RowSink | null = null;
  const bytesTotal = (await stat(input.path)).size;
  try {
    let table: Awaited<ReturnType<typeof openTable>>;
    try {
      table = await openTable(input.path, input.format);
    } catch {
      return await reject(ctx, importId, fileError(`无法读取该文件`), { rows, accepted, rejectedRows });
    }
    await createRowsTable(ctx.db, ctx.dialect, importId);
    await repo.updateImport(ctx.db, importId, {
      rows_table: rowsTableName(importId),
      encoding: table.encoding,
    });
    // Progress is paced by elapsed time, not ctx.clock: a pinned clock (tests, rehearsals) never moves.
    let lastProgress = performance.now();
    let sinceYield = 0;
    const today = ctx.clock.today();
    const source = dataRows(table.rows, input.source, input.mapping ?? {}, (found) => {
      header = found;
      normaliser = makeRowNormaliser(input.source, found.header.match, { today });
    });
    for await (const batch of source) {
      if (!normaliser) break;
      const n: RowNormaliser = normaliser;
      if (!sink) {
        if (!(header as HeaderFound | null)?.header.match.ok) break;
        sink = await openRowSink(ctx, importId, n.columns);
      }
      for (const row of batch) {
        if (row.cells.every(isBlank)) continue;
        // A CSV batch was ~1,300 rows (5,000 in the first; ~450 since): normalised in one stretch, requests
        // waited up to 0.9 s behind it on a busy machine. Other callbacks get a turn every few hundred.
        if (++sinceYield === YIELD_EVERY_ROWS) {
          sinceYield = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
        rows++;
        const before = errors.length;
        const values = n.normalise(row.cells, row.rowNo, errors);
        if (values === null) {
          rejectedRows++;
          errorCount += errors.length - before;
          if (errors.length > MAX_REPORTED_ERRORS) errors.length = MAX_REPORTED_ERRORS;
          continue;
        }
        accepted++;
        // After the first bad row nothing will be stored: keep reading only for the report.
        if (rejectedRows > 0) continue;
        if (sink.add(values)) await sink.flush();
      }
      if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        const p = { rows, bytesRead: table.bytesRead(), bytesTotal };
        input.onProgress?.(p);
        await sink?.update({ rows, bytes_read: p.bytesRead, heartbeat_at: now() });
      }
    }
    const found = header as HeaderFound | null;
    if (!found)
      return await reject(ctx, importId, fileError(noHeaderMessage(input.source)), {
        rows,
        accepted,
        rejectedRows,
        bytesRead: table.bytesRead(),
      });
    const match = found.header.match;
    const headerInfo = {
      sheet: found.sheetName || null,
      header_row: found.headerRowNo,
      columns: JSON.stringify(
        match.columns.map((c) => ({ column: c.column, header: c.header, field: c.field })),
      ),
      unknown_headers: JSON.stringify(match.unknown),
    };
    await (sink ? sink.update(headerInfo) : repo.updateImport(ctx.db, importId, headerInfo));
    if (!match.ok) {
      const e = fileError(`表头缺少必需的列：${match.missingLabels.join('、')}`, found.headerRowNo);
      return await reject(ctx, importId, e, { rows, accepted, rejectedRows, bytesRead: table.bytesRead() });
    }
    if (rows === 0 || rejectedRows > 0) {
      // The writer (opened by the first batch, even of blank rows) finishes its updates and stops
      // before the rejection drops its table.
      await sink?.close();
      sink = null;
    }
    if (rows === 0)
      return await reject(ctx, importId, fileError('文件中没有数据行', found.headerRowNo), {
        rows,
        accepted,
        rejectedRows,
        bytesRead: bytesTotal,
      });
    if (rejectedRows > 0) {
      // Read to the end for the report: the whole file was read.
      return await reject(
        ctx,
        importId,
        { errors, errorCount },
        { rows, accepted, rejectedRows, bytesRead: bytesTotal },
      );
    }
    await sink?.end();
    // The indexes build in the writer while a connection of its own checkpoints the load and counts
    // households per place.
    const [, places] = await Promise.all([
      sink?.index(),
      householdsByPlace(ctx, importId, normaliser as RowNormaliser | null),
    ]);
    await sink?.close();
    sink = null;
    input.onProgress?.({ rows, bytesRead: bytesTotal, bytesTotal });
    await commit(ctx, importId, input, { rows, places });
    return {
      importId,
      status: 'committed',
      rows,
      accepted,
      rejected: 0,
      errorCount: 0,
      errors: [],
      message: '',
    };
  } catch (err) {
    await sink?.close();
    await dropRowsTable(ctx.db, importId).catch(() => undefined);
    const message = err instanceof AppError ? err.message : '导入失败（服务器内部错误）';
    await repo.updateImport(ctx.db, importId, { status: 'failed', message, finished_at: now() });
    throw err;
  }
}

function noHeaderMessage(source: HouseholdSource): string {
  return `没有找到表头行：前30行中没有一行包含至少两个可识别的列名（${SOURCE_LABELS[source]}）。请检查文件，或在导入时为未识别的列指定对应字段`;
}

function fileError(message: string, row = 0): { errors: RowError[]; errorCount: number } {
  return { errors: [{ row, column: '', value: '', message }], errorCount: 1 };
}
