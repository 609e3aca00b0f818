// The zip container of an .xlsx, read by hand rather than trusted to a library: the central
// directory is parsed first (random access, from a buffer or an open file), and each entry is
// inflated as a stream against a byte budget. A zip bomb is refused from its declared sizes
// before anything is inflated and, when the sizes lie, from the bytes actually produced (total
// budget and inflation ratio), with memory bounded by the stream's chunks.
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '@paicha/core';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared in the directory: checked up front, never trusted while inflating. */
  size: number;
  localOffset: number;
}

/** Random access to the bytes of the file. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
}

export function bufferSource(buf: Buffer): ByteSource {
  return { size: buf.length, read: async (o, l) => buf.subarray(o, Math.min(buf.length, o + l)) };
}

export function fileSource(fh: FileHandle, size: number): ByteSource {
  return {
    size,
    async read(offset, length) {
      const out = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < out.length) {
        const { bytesRead } = await fh.read(out, done, out.length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return out.subarray(0, done);
    },
  };
}

export const NOT_XLSX = '无法读取该文件，请上传 .xlsx 格式的 Excel 文件（WPS 请“另存为 .xlsx”）';
const bad = () => new AppError('unprocessable', NOT_XLSX);

/** Reads the central directory (at most 100,000 entries: an .xlsx holds a few dozen). */
export async function readDirectory(src: ByteSource): Promise<Map<string, ZipEntry>> {
  const tailLen = Math.min(src.size, 65_557);
  const tail = await src.read(src.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad();
  let count = tail.readUInt16LE(eocd + 10);
  let dirSize = tail.readUInt32LE(eocd + 12);
  let dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset === 0xffffffff || count === 0xffff) {
    // ZIP64: the end record's locator sits right before it.
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) throw bad();
    const rec = await src.read(Number(tail.readBigUInt64LE(loc + 8)), 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== 0x06064b50) throw bad();
    count = Number(rec.readBigUInt64LE(32));
    dirSize = Number(rec.readBigUInt64LE(40));
    dirOffset = Number(rec.readBigUInt64LE(48));
  }
  if (count > 100_000 || dirSize > 64 * 1_048_576 || dirOffset + dirSize > src.size) throw bad();
  const dir = await src.read(dirOffset, dirSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) throw bad();
    const nameLen = dir.readUInt16LE(p + 28);
    const extraLen = dir.readUInt16LE(p + 30);
    const commentLen = dir.readUInt16LE(p + 32);
    const e: ZipEntry = {
      name: dir.toString('utf8', p + 46, p + 46 + nameLen),
      flags: dir.readUInt16LE(p + 8),
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      localOffset: dir.readUInt32LE(p + 42),
    };
    readZip64Extra(dir.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), e);
    entries.set(e.name.replace(/\\/g, '/').replace(/^\//, ''), e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function readZip64Extra(extra: Buffer, e: ZipEntry) {
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = () => {
        const v = r + 8 <= q + 4 + len ? Number(extra.readBigUInt64LE(r)) : -1;
        r += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
    }
    q += 4 + len;
  }
}

/** How much inflating a reader may do: shared by every entry it reads. */
export interface InflateBudget {
  /** Bytes of XML still allowed in total. */
  remaining: number;
  /** Largest inflated ÷ compressed ratio of an entry, checked once it passes `ratioFloor` bytes. */
  maxRatio: number;
  ratioFloor: number;
  /** Compressed bytes read so far (progress). */
  compressedRead: number;
}

const tooBig = (limitBytes: number) =>
  new AppError(
    'payload_too_large',
    `文件解压后超过 ${Math.round(limitBytes / 1_048_576)} MB，已拒绝（可能是异常构造的压缩文件）`,
  );
const bomb = () =>
  new AppError(
    'payload_too_large',
    '文件的压缩比异常（可能是“压缩炸弹”），已拒绝。请用 Excel 重新保存后上传',
  );

const READ_CHUNK = 1 << 16;

/** The inflated bytes of one entry, a chunk at a time, within the budget. */
export async function* inflateEntry(
  src: ByteSource,
  e: ZipEntry,
  budget: InflateBudget,
  limitBytes: number,
): AsyncGenerator<Buffer> {
  if (e.flags & 1) throw new AppError('unprocessable', '文件已加密，请取消密码保护后上传');
  if (e.method !== 0 && e.method !== 8) throw bad();
  if (e.size > budget.remaining) throw tooBig(limitBytes);
  const local = await src.read(e.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw bad();
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + e.compressedSize > src.size) throw bad();
  async function* compressed() {
    // Small reads first: the ratio check can only see a bomb one compressed read at a time,
    // and 4 KB of a bomb already inflates to 4 MB.
    for (let o = 0; o < e.compressedSize; ) {
      const want = o < 1_048_576 ? 4096 : READ_CHUNK;
      const chunk = await src.read(start + o, Math.min(want, e.compressedSize - o));
      if (chunk.length === 0) break;
      o += chunk.length;
      budget.compressedRead += chunk.length;
      yield chunk;
    }
  }
  const raw = Readable.from(compressed(), { objectMode: false });
  const inflate = e.method === 8 ? createInflateRaw({ chunkSize: READ_CHUNK }) : null;
  const out = inflate ? raw.pipe(inflate) : raw;
  raw.on('error', (err) => out.destroy(err));
  let produced = 0;
  try {
    for await (const chunk of out as AsyncIterable<Buffer>) {
      produced += chunk.length;
      budget.remaining -= chunk.length;
      if (budget.remaining < 0) throw tooBig(limitBytes);
      // Judged against the compressed bytes the inflater has really taken in (not those read
      // ahead, nor a size the directory may misstate): a bomb shows within its first MBs.
      const taken = inflate ? inflate.bytesWritten : produced;
      if (produced > budget.ratioFloor && produced > budget.maxRatio * Math.max(1, taken)) throw bomb();
      yield chunk;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw bad();
  } finally {
    raw.destroy();
    out.destroy();
  }
}
