import type { Readable } from 'node:stream';
import { AppError } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import { assertMay } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { ACCEPTED_DESCRIPTION, detectFileType } from './file-types.js';
import {
  bytesUploadedSince,
  copyAttachmentRows,
  deleteUnattached,
  findAttachment,
  findUnlinked,
  insertAttachment,
  linkAttachmentRows,
  unattachedBefore,
} from './files.repository.js';
import { removeBlob, stageUpload } from './storage.js';

/** A file name fit for storing and showing: no path parts, no control characters, bounded length. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (cleaned || '未命名文件').slice(0, 200);
}

/** The upload quota counts what one person uploaded in the last 24 hours. */
const QUOTA_WINDOW_MS = 24 * 3_600_000;

function quotaExceeded(ctx: AppContext): AppError {
  const mb = Math.round(ctx.config.uploadQuotaBytes / 1_048_576);
  return new AppError(
    'upload_quota_exceeded',
    `24小时内上传的文件已达 ${mb} MB 上限，请先删除不用的附件或明天再传；确有需要请联系领导小组办公室`,
  );
}

/**
 * Stores an uploaded file for the actor's unit. The file is checked by content; it stays
 * unattached until a progress entry or submission claims it (`linkAttachments`).
 */
export async function saveUpload(
  ctx: AppContext,
  actor: Actor,
  upload: { filename: string; stream: Readable & { truncated?: boolean } },
) {
  assertMay(actor, 'file.upload');
  const since = new Date(ctx.clock.now().getTime() - QUOTA_WINDOW_MS).toISOString();
  const used = await bytesUploadedSince(ctx.db, actor.userId, since);
  if (used >= ctx.config.uploadQuotaBytes) throw quotaExceeded(ctx);
  const staged = await stageUpload(ctx.config.dataDir, upload.stream);
  try {
    if (upload.stream.truncated) {
      throw new AppError(
        'payload_too_large',
        `文件超过大小限制（${Math.round(ctx.config.uploadLimitBytes / 1_048_576)} MB）`,
      );
    }
    if (staged.size === 0) throw new AppError('validation_failed', '文件是空的');
    if (used + staged.size > ctx.config.uploadQuotaBytes) throw quotaExceeded(ctx);
    const name = cleanFileName(upload.filename);
    const type = detectFileType(staged.head, staged.tail, name);
    if (!type)
      throw new AppError('unsupported_media_type', `不支持的文件类型。可上传：${ACCEPTED_DESCRIPTION}`);
    await staged.commit();
    return insertAttachment(ctx.db, {
      sha256: staged.sha256,
      size: staged.size,
      mime: type.mime,
      name,
      unitId: actor.unitId,
      uploadedBy: actor.userId,
      at: ctx.clock.now().toISOString(),
    });
  } catch (err) {
    await staged.discard();
    throw err;
  }
}

/**
 * Claims uploaded files as evidence for an entity, inside the caller's transaction. Only files
 * the actor uploaded and that are not attached elsewhere can be claimed.
 */
export async function linkAttachments(
  trx: Executor,
  actor: Actor,
  ids: number[],
  entity: string,
  entityId: number,
) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await findUnlinked(trx, unique);
  const usable = rows.filter((r) => r.uploadedBy === actor.userId && r.entity === null);
  if (usable.length !== unique.length)
    throw new AppError('validation_failed', '附件不存在或已被使用，请重新上传');
  await linkAttachmentRows(trx, unique, entity, entityId);
}

/**
 * The same evidence for several entities in the caller's transaction (one progress note recorded
 * on many problems): the first call claims the uploads as `linkAttachments` does, each further
 * call links a copy of the rows (same bytes, name and uploader) to its entity.
 */
export function shareAttachments(actor: Actor, ids: number[], entity: string) {
  const unique = [...new Set(ids)];
  let claimed = false;
  return async (trx: Executor, entityId: number) => {
    if (unique.length === 0) return;
    if (claimed) return copyAttachmentRows(trx, unique, entity, entityId);
    await linkAttachments(trx, actor, unique, entity, entityId);
    claimed = true;
  };
}

/**
 * Removes an upload its uploader no longer wants, before it was attached to anything. Attached
 * evidence is part of the record and stays. The bytes go when no other upload shares them.
 */
export async function discardUpload(ctx: AppContext, actor: Actor, id: number) {
  const row = await findAttachment(ctx.db, id);
  if (!row || row.uploadedBy !== actor.userId) throw new AppError('not_found', '附件不存在');
  if (row.entity !== null) throw new AppError('conflict', '附件已作为佐证材料提交，不能删除');
  const orphan = await ctx.db.transaction().execute((trx) => deleteUnattached(trx, id, row.sha256));
  if (orphan) await removeBlob(ctx.config.dataDir, row.sha256);
}

/**
 * Uploads nobody claimed within `config.unattachedUploadHours` (a form abandoned, a tab closed)
 * are removed with their bytes, unless another upload shares them. Returns how many went.
 */
export async function expireUnattachedUploads(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - ctx.config.unattachedUploadHours * 3_600_000);
  const rows = await unattachedBefore(ctx.db, before.toISOString());
  for (const r of rows) {
    const orphan = await ctx.db.transaction().execute((trx) => deleteUnattached(trx, r.id, r.sha256));
    if (orphan) await removeBlob(ctx.config.dataDir, r.sha256);
  }
  return rows.length;
}
