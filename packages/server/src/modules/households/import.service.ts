// One household file → one import: streamed, normalised, written to the import's own table, and
// made visible only by the final flip to 'committed'. Any bad row rejects the whole file (its
// table is dropped; the per-row report stays); the report lists every bad cell up to a cap.
// Used by the HTTP API (as a background job the UI polls) and by `paicha import`.
import { stat } from 'node:fs/promises';
import { AppError, type FieldId, type HouseholdSource, isBlank, SOURCE_LABELS } from '@paicha/core';
import { sql } from 'kysely';
import type { AppContext } from '../../http/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { dataRows, type HeaderFound } from './header-scan.js';
import * as repo from './imports.repository.js';
import { makeRowNormaliser, type RowError, type RowNormaliser } from './normalise-row.js';
import { placeName, recordPlaces } from './places.js';
import { openTable, type TableFormat } from './read-table.js';
import { openRowSink, type RowSink } from './row-sink.js';
import { createRowsTable, dropRowsTable, rowsTableName } from './rows-table.js';

/** Errors kept for the report; beyond this the file is just as rejected, and the count says so. */
export const MAX_REPORTED_ERRORS = 10_000;
const PROGRESS_EVERY_MS = 1000;
const STALE_AFTER_MS = 10 * 60_000;

export interface ImportInput {
  source: HouseholdSource;
  path: string;
  fileName: string;
  format: TableFormat;
  /** Header text → field, or null to ignore the column (the mapping step's answers). */
  mapping?: Readonly<Record<string, FieldId | null>>;
  actorId: number | null;
  onProgress?: (p: { rows: number; bytesRead: number; bytesTotal: number }) => void;
}

export interface ImportResult {
  importId: number;
  status: 'committed' | 'rejected';
  rows: number;
  accepted: number;
  rejected: number;
  errorCount: number;
  errors: RowError[];
  message: string;
}

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
    let lastProgress = Date.now();
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
      if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        const p = { rows, bytesRead: table.bytesRead(), bytesTotal };
        input.onProgress?.(p);
        await repo.updateImport(ctx.db, importId, { rows, bytes_read: p.bytesRead, heartbeat_at: now() });
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
    await repo.updateImport(ctx.db, importId, headerInfo);
    if (!match.ok) {
      const e = fileError(`表头缺少必需的列：${match.missingLabels.join('、')}`, found.headerRowNo);
      return await reject(ctx, importId, e, { rows, accepted, rejectedRows, bytesRead: table.bytesRead() });
    }
    if (rows === 0)
      return await reject(ctx, importId, fileError('文件中没有数据行', found.headerRowNo), {
        rows,
        accepted,
        rejectedRows,
        bytesRead: bytesTotal,
      });
    if (rejectedRows > 0) {
      await sink?.close();
      sink = null;
      // Read to the end for the report: the whole file was read.
      return await reject(
        ctx,
        importId,
        { errors, errorCount },
        { rows, accepted, rejectedRows, bytesRead: bytesTotal },
      );
    }
    await sink?.end();
    // The indexes build in the writer while this thread counts households per place.
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

async function reject(
  ctx: AppContext,
  importId: number,
  report: { errors: RowError[]; errorCount: number },
  counts: { rows: number; accepted: number; rejectedRows: number; bytesRead?: number },
): Promise<ImportResult> {
  await dropRowsTable(ctx.db, importId);
  const message =
    counts.rejectedRows > 0
      ? `共${counts.rows}行，其中${counts.rejectedRows}行有错误（${report.errorCount}处），整个文件未导入`
      : (report.errors[0]?.message ?? '文件未导入');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateImport(trx, importId, {
      status: 'rejected',
      rows_table: null,
      rows: counts.rows,
      accepted: counts.accepted,
      rejected: counts.rejectedRows,
      error_count: report.errorCount,
      ...(counts.bytesRead === undefined ? {} : { bytes_read: counts.bytesRead }),
      message,
      finished_at: at,
    });
    await repo.insertErrors(trx, importId, report.errors);
    await appendAudit(trx, ctx.dialect, {
      actorId: null,
      action: 'household.import_rejected',
      entity: 'household_import',
      entityId: importId,
      detail: { rows: counts.rows, rejected: counts.rejectedRows, errors: report.errorCount },
      at,
    });
  });
  return {
    importId,
    status: 'rejected',
    rows: counts.rows,
    accepted: counts.accepted,
    rejected: counts.rejectedRows,
    errorCount: report.errorCount,
    errors: report.errors,
    message,
  };
}

type PlaceCount = { township: string | null; households: number };

async function householdsByPlace(
  ctx: AppContext,
  importId: number,
  n: RowNormaliser | null,
): Promise<PlaceCount[]> {
  // Without a township column every row is in the unnamed place, which is not recorded anyway.
  if (!n?.columns.includes('township')) return [];
  const table = sql.table(rowsTableName(importId));
  const count = async (): Promise<PlaceCount[]> => {
    if (ctx.dialect === 'sqlite')
      return (
        await sql<PlaceCount>`select township, count(distinct coalesce(household_id, id_number)) as households
          from ${table} group by township`.execute(ctx.db)
      ).rows;
    // PostgreSQL sorts a million rows on disk for COUNT(DISTINCT); the distinct pairs first, by
    // hashing in memory, then counted, is ~3× faster.
    return ctx.db.transaction().execute(async (trx) => {
      await sql`set local work_mem = '64MB'`.execute(trx);
      const { rows } = await sql<PlaceCount>`select township, count(*) as households
        from (select township, coalesce(household_id, id_number) as k from ${table} group by 1, 2) d
        group by township`.execute(trx);
      return rows;
    });
  };
  // The counts only inform the place-name queue: a failure here must not fail the import.
  return count().catch(() => [] as PlaceCount[]);
}

/** The flip: this import becomes its source's current data, older ones are superseded. */
async function commit(
  ctx: AppContext,
  importId: number,
  input: ImportInput,
  counts: { rows: number; places: PlaceCount[] },
) {
  const at = ctx.clock.now().toISOString();
  const older = await repo.committedBefore(ctx.db, input.source, importId);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateImport(trx, importId, {
      status: 'committed',
      rows: counts.rows,
      accepted: counts.rows,
      rejected: 0,
      bytes_read: (await stat(input.path)).size,
      finished_at: at,
      heartbeat_at: at,
    });
    for (const o of older) await repo.updateImport(trx, o.id, { status: 'superseded', rows_table: null });
    const seen = counts.places
      .map((r) => ({ name: placeName(r.township), households: Number(r.households) }))
      .filter((r) => r.name !== '');
    await recordPlaces(trx, seen, at);
    await appendAudit(trx, ctx.dialect, {
      actorId: input.actorId,
      action: 'household.import',
      entity: 'household_import',
      entityId: importId,
      detail: {
        source: input.source,
        fileName: input.fileName,
        rows: counts.rows,
        superseded: older.map((o) => o.id),
      },
      at,
    });
  });
  for (const o of older) await dropRowsTable(ctx.db, o.id);
}

/** Imports whose process died mid-way: mark them failed and drop their half-written tables. */
async function dropStaleImports(ctx: AppContext): Promise<void> {
  const before = new Date(ctx.clock.now().getTime() - STALE_AFTER_MS).toISOString();
  for (const s of await repo.staleRunning(ctx.db, before)) {
    await dropRowsTable(ctx.db, s.id);
    await repo.updateImport(ctx.db, s.id, {
      status: 'failed',
      message: '导入中断（服务已重启）',
      rows_table: null,
    });
  }
}
