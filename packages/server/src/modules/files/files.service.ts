import type { Readable } from 'node:stream';
import { AppError } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../http/context.js';
import { ACCEPTED_DESCRIPTION, detectFileType } from './file-types.js';
import { findAttachment, findUnlinked, insertAttachment, linkAttachmentRows } from './files.repository.js';
import { removeBlob, stageUpload } from './storage.js';

/** A file name fit for storing and showing: no path parts, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (cleaned || '未命名文件').slice(0, 200);
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
  const staged = await stageUpload(ctx.config.dataDir, upload.stream);
  try {
    if (upload.stream.truncated) {
      throw new AppError(
        'payload_too_large',
        `文件超过大小限制（${Math.round(ctx.config.uploadLimitBytes / 1_048_576)} MB）`,
      );
    }
    if (staged.size === 0) throw new AppError('validation_failed', '文件是空的');
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
 * Removes an upload its uploader no longer wants, before it was attached to anything. Attached
 * evidence is part of the record and stays. The bytes go when no other upload shares them.
 */
export async function discardUpload(ctx: AppContext, actor: Actor, id: number) {
  const row = await findAttachment(ctx.db, id);
  if (!row || row.uploadedBy !== actor.userId) throw new AppError('not_found', '附件不存在');
  if (row.entity !== null) throw new AppError('conflict', '附件已作为佐证材料提交，不能删除');
  const orphan = await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('attachments').where('id', '=', id).where('entity', 'is', null).execute();
    const same = await trx
      .selectFrom('attachments')
      .select('id')
      .where('sha256', '=', row.sha256)
      .limit(1)
      .executeTakeFirst();
    return same === undefined;
  });
  if (orphan) await removeBlob(ctx.config.dataDir, row.sha256);
}
