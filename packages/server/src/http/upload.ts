// The one way a route takes an uploaded file (multipart field `file`): the import routes (节假日,
// 问题台账) read it whole and hand it to their service, which parses it, checks every row and
// imports all or nothing with a per-row report; evidence uploads stream it to storage. The
// refusals — not multipart, no file, too large — read the same on every route.
import type { MultipartFile } from '@fastify/multipart';
import { AppError } from '@paicha/core';
import type { FastifyRequest } from 'fastify';

/** The request's file part, left unread (evidence streams it to storage by content). */
export async function uploadedPart(request: FastifyRequest): Promise<MultipartFile> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传文件');
  const part = await request.file();
  if (!part) throw new AppError('validation_failed', '没有收到文件');
  return part;
}

/** The request's file read whole, for a service that parses it (under the server's size limit). */
export async function uploadedFile(request: FastifyRequest): Promise<{ filename: string; buffer: Buffer }> {
  const part = await uploadedPart(request);
  const buffer = await part.toBuffer();
  if (part.file.truncated) throw new AppError('payload_too_large', '文件过大');
  return { filename: part.filename, buffer };
}
