// The import requests of the HTTP API as commands: start an import in the background, read the
// jobs and their reports, and the error report as a file (audited: it holds the original values).
import {
  AppError,
  FIELD_IDS,
  FIELD_LABELS,
  type FieldId,
  type HouseholdSource,
  requirementLabel,
  SOURCE_LABELS,
  SOURCE_REQUIRED,
} from '@paicha/core';
import iconv from 'iconv-lite';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { csvText } from '../../../lib/csv.js';
import { appendAudit } from '../../audit/audit.repository.js';
import { createImportJob, runImportJob } from './import.service.js';
import * as repo from './imports.repository.js';
import { findUpload, removeUpload } from './uploads.service.js';

function presentImport(r: repo.ImportRow) {
  const progress = r.status === 'running' ? Math.min(0.99, r.bytesRead / Math.max(1, r.bytesTotal)) : 1;
  return {
    ...r,
    sourceLabel: SOURCE_LABELS[r.source],
    columns: JSON.parse(r.columns),
    unknownHeaders: JSON.parse(r.unknownHeaders),
    mapping: JSON.parse(r.mapping),
    progress,
  };
}

/** The fields a source's headers may map to, and which of them it requires. */
export function fieldCatalogue(source: HouseholdSource) {
  return {
    fields: FIELD_IDS.map((id) => ({ id, label: FIELD_LABELS[id] })),
    required: SOURCE_REQUIRED[source].map((g) => ({ fields: [...g], label: requirementLabel(g) })),
  };
}

/**
 * Starts importing an upload; the import runs on after the answer (the UI polls it) and removes
 * the upload once committed. `onFailure` hears a job that failed outside its own error handling.
 */
export async function startImport(
  ctx: AppContext,
  actor: Actor,
  body: { uploadId: string; source: HouseholdSource; mapping: Record<string, FieldId | null> },
  onFailure: (err: unknown) => void,
) {
  const upload = await findUpload(ctx, body.uploadId);
  const input = {
    source: body.source,
    path: upload.path,
    fileName: upload.fileName,
    format: upload.format,
    mapping: body.mapping,
    actorId: actor.userId,
  };
  const id = await createImportJob(ctx, input);
  void runImportJob(ctx, id, input)
    .then((r) => (r.status === 'committed' ? removeUpload(ctx, upload.id) : undefined))
    .catch(onFailure);
  return presentImport((await repo.findImport(ctx.db, id)) as repo.ImportRow);
}

export async function listImportJobs(
  ctx: AppContext,
  q: { source?: HouseholdSource; page: number; pageSize: number },
) {
  const { rows, total } = await repo.listImports(ctx.db, {
    source: q.source,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(presentImport), total };
}

async function importRow(ctx: AppContext, id: number) {
  const row = await repo.findImport(ctx.db, id);
  if (!row) throw new AppError('not_found', '导入记录不存在');
  return row;
}

export async function getImportJob(ctx: AppContext, id: number) {
  return presentImport(await importRow(ctx, id));
}

export async function importErrors(ctx: AppContext, id: number, q: { page: number; pageSize: number }) {
  const row = await importRow(ctx, id);
  const items = await repo.listErrors(ctx.db, row.id, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items, total: row.errorCount };
}

/**
 * The error report as CSV: GBK by default so Excel opens it as it is, else UTF-8 with a BOM.
 * It holds the cells as written (names, ID numbers), so downloading it is audited.
 */
export async function errorReportFile(ctx: AppContext, actor: Actor, id: number, encoding: 'gbk' | 'utf-8') {
  const row = await importRow(ctx, id);
  const errors = await repo.listErrors(ctx.db, row.id);
  const text = csvText([
    ['行号', '列', '原值', '错误原因'],
    ...errors.map((e) => [e.row, e.column, e.value, e.message]),
  ]);
  await appendAudit(ctx.db, ctx.dialect, {
    actorId: actor.userId,
    action: 'household.unmasked_view',
    entity: 'household_import_errors',
    entityId: row.id,
    detail: { rows: errors.length },
    at: ctx.clock.now().toISOString(),
  });
  return {
    fileName: `错误报告-${row.fileName.replace(/\.[^.]+$/, '')}.csv`,
    charset: encoding === 'gbk' ? 'gbk' : 'utf-8',
    body:
      encoding === 'gbk'
        ? iconv.encode(text, 'gbk')
        : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  };
}
