// How an import ends: rejected (its table dropped, the per-row report kept), committed (the flip
// that makes it its source's current data, older imports superseded and their tables dropped),
// or — for one whose process died — retired at start-up, by the housekeeping timer or by the next import. Also the households counted
// per place name at commit, for the office's place-name queue.
import { stat } from 'node:fs/promises';
import type { AppContext } from '../../../kernel/context.js';
import { ownerIsGone } from '../../../lib/process-owner.js';
import { appendAudit } from '../../audit/audit.repository.js';
import { placeName, recordPlaces } from '../places/places.js';
import * as repo from './imports.repository.js';
import type { PlaceCount } from './place-counts.repository.js';
import { dropRowsTable } from './rows-table.repository.js';
import type { ImportInput, ImportResult, RowError } from './types.js';

const STALE_AFTER_MS = 10 * 60_000;

export async function reject(
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

/** The flip: this import becomes its source's current data, older ones are superseded. */
export async function commit(
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

/**
 * Imports whose process died mid-way: marked failed, their half-written tables dropped. An import
 * whose owner process is known to be gone is retired at once; one from another host (or written
 * before imports recorded their owner) when its heartbeat has been silent for ten minutes.
 */
export async function dropStaleImports(ctx: AppContext, startingUp = false): Promise<number[]> {
  const before = new Date(ctx.clock.now().getTime() - STALE_AFTER_MS).toISOString();
  const retired: number[] = [];
  for (const s of await repo.runningImports(ctx.db)) {
    const gone = ownerIsGone(s.owner, startingUp);
    if (!(gone === true || (gone === null && s.heartbeatAt < before))) continue;
    const done = await repo.failRunning(
      ctx.db,
      s.id,
      '导入中断（运行导入的进程已停止），未导入任何数据，请重新导入',
    );
    if (!done) continue;
    await dropRowsTable(ctx.db, s.id);
    retired.push(s.id);
  }
  return retired;
}
