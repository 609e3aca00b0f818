// Uploaded exports wait on disk (never in memory) between upload, the mapping step and the
// import, so a clerk maps unknown headers without sending a 100 MB file twice. Files older than
// a day are removed by housekeeping (and with the next upload).
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  AppError,
  FIELD_LABELS,
  type FieldId,
  type HouseholdSource,
  maskIdNumber,
  maskName,
} from '@paicha/core';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { guessFileSource } from './file-source.js';
import { dataRows, type HeaderFound } from './header-scan.js';
import { formatOf, openTable } from './read-table.js';
import type { TableFormat } from './types.js';
import * as repo from './uploads.repository.js';

const KEEP_MS = 24 * 3_600_000;

function dir(ctx: AppContext): string {
  return path.join(ctx.config.dataDir, 'household-uploads');
}

async function saveUpload(
  ctx: AppContext,
  actor: Actor,
  file: { filename: string; file: NodeJS.ReadableStream & { truncated?: boolean } },
) {
  const format = formatOf(file.filename);
  if (!format)
    throw new AppError('unprocessable', '只支持 .csv 和 .xlsx 文件（.xls 请在 Excel/WPS 中另存为 .xlsx）');
  await mkdir(dir(ctx), { recursive: true });
  await removeOldUploads(ctx);
  const id = randomBytes(16).toString('hex');
  const target = path.join(dir(ctx), `${id}.${format}`);
  await pipeline(file.file, createWriteStream(target));
  if (file.file.truncated) {
    await rm(target, { force: true });
    throw new AppError(
      'payload_too_large',
      `文件超过 ${Math.round(ctx.config.importLimitBytes / 1_048_576)} MB`,
    );
  }
  const size = (await stat(target)).size;
  await repo.insertUpload(ctx.db, {
    id,
    file_name: file.filename,
    path: target,
    size,
    format,
    uploaded_by: actor.userId,
    uploaded_at: ctx.clock.now().toISOString(),
  });
  return { id, fileName: file.filename, size, format, path: target };
}

export async function findUpload(ctx: AppContext, id: string) {
  const u = await repo.findUploadRow(ctx.db, id);
  if (!u) throw new AppError('not_found', '上传的文件不存在或已过期，请重新上传');
  return { id: u.id, fileName: u.file_name, size: u.size, format: u.format as TableFormat, path: u.path };
}

export async function removeUpload(ctx: AppContext, id: string) {
  const u = await repo.findUploadRow(ctx.db, id);
  if (u) await rm(u.path, { force: true });
  await repo.deleteUpload(ctx.db, id);
}

/** Uploaded exports older than a day: the mapping step is long over. Returns how many went. */
export async function removeOldUploads(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - KEEP_MS).toISOString();
  const old = await repo.uploadsBefore(ctx.db, before);
  for (const id of old) await removeUpload(ctx, id);
  return old.length;
}

const PERSONAL: ReadonlySet<FieldId> = new Set(['idNumber', 'headIdNumber', 'name', 'headName']);

/** The mapping step: the header row found, what each column maps to, and a few masked rows. */
async function previewUpload(
  upload: Awaited<ReturnType<typeof findUpload>>,
  source: HouseholdSource,
  mapping: Readonly<Record<string, FieldId | null>>,
) {
  const table = await openTable(upload.path, upload.format);
  let found: HeaderFound | null = null;
  const sample: unknown[][] = [];
  try {
    for await (const batch of dataRows(table.rows, source, mapping, (f) => {
      found = f;
    })) {
      for (const row of batch.slice(0, 5 - sample.length)) sample.push(row.cells);
      if (sample.length >= 5) break;
    }
  } catch (err) {
    // A limit the reader enforces says which one; anything else is an unreadable file.
    if (err instanceof AppError) throw err;
    throw new AppError('unprocessable', '无法读取该文件');
  }
  const f = found as HeaderFound | null;
  const base = {
    upload: { id: upload.id, fileName: upload.fileName, size: upload.size, format: upload.format },
    source,
    recognised: null,
    encoding: table.encoding,
  };
  if (!f) {
    return {
      ...base,
      sheet: null,
      headerRow: null,
      columns: [],
      unknown: [],
      missing: [],
      duplicates: [],
      sample: [],
      ok: false,
      message: '没有找到表头行：前30行中没有一行包含至少两个可识别的列名',
    };
  }
  const m = f.header.match;
  const byColumn = new Map(m.columns.map((c) => [c.column, c.field]));
  const columns = f.header.headers
    .map((header, column) => ({ column, header, field: byColumn.get(column) ?? null }))
    .filter((c) => c.header !== '')
    .map((c) => ({ ...c, fieldLabel: c.field ? FIELD_LABELS[c.field] : null }));
  const show = (v: unknown, column: number) => {
    const s =
      v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    const field = byColumn.get(column);
    if (!field || !PERSONAL.has(field) || s === '') return s;
    return field === 'name' || field === 'headName' ? maskName(s) : maskIdNumber(s);
  };
  return {
    ...base,
    sheet: f.sheetName || null,
    headerRow: f.headerRowNo,
    columns,
    unknown: m.unknown,
    missing: m.missingLabels,
    duplicates: m.duplicates.map((d) => ({ field: d.field as string, columns: d.columns })),
    sample: sample.map((cells) => columns.map((c) => show(cells[c.column], c.column))),
    ok: m.ok,
    message: m.ok ? '' : `表头缺少必需的列：${m.missingLabels.join('、')}`,
  };
}

/**
 * An upload as the API receives it: stored, then previewed with the headers as found. Without a
 * source (several files picked at once) its source is recognised first by the same rule as the
 * CLI's (core detectSource); one not recognised is kept, so the office can name its source.
 */
export async function uploadAndPreview(
  ctx: AppContext,
  actor: Actor,
  file: Parameters<typeof saveUpload>[2],
  source: HouseholdSource | undefined,
) {
  const upload = await saveUpload(ctx, actor, file);
  if (source) return previewUpload(upload, source, {});
  let guess: Awaited<ReturnType<typeof guessFileSource>>;
  try {
    guess = await guessFileSource(upload.path, upload.fileName, upload.format);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('unprocessable', '无法读取该文件');
  }
  if (guess.source) {
    const preview = await previewUpload(upload, guess.source, {});
    return { ...preview, recognised: { by: guess.by, candidates: [], message: '' } };
  }
  return {
    upload: { id: upload.id, fileName: upload.fileName, size: upload.size, format: upload.format },
    source: null,
    recognised: { by: null, candidates: guess.candidates, message: guess.message },
    encoding: null,
    sheet: null,
    headerRow: null,
    columns: [],
    unknown: [],
    missing: [],
    duplicates: [],
    sample: [],
    ok: false,
    message: `无法识别数据来源：${guess.message}，请选择来源`,
  };
}

/** The mapping step again for a stored upload, with the clerk's answers so far. */
export async function previewStoredUpload(
  ctx: AppContext,
  id: string,
  source: HouseholdSource,
  mapping: Readonly<Record<string, FieldId | null>>,
) {
  return previewUpload(await findUpload(ctx, id), source, mapping);
}
