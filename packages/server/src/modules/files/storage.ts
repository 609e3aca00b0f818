// Files are stored by content: <dataDir>/files/<first two hex of sha256>/<sha256>. Paths are
// built only from the hash the server computed, never from anything a user sent.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function blobPath(dataDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error('invalid content hash');
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

export interface StagedFile {
  tempPath: string;
  sha256: string;
  size: number;
  head: Buffer;
  tail: Buffer;
  /** Move the staged file to its content address (a no-op if the same bytes are stored already). */
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** Streams an upload to a temp file, hashing as it goes. */
export async function stageUpload(dataDir: string, source: Readable): Promise<StagedFile> {
  const tmpDir = path.join(dataDir, 'files', 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, randomBytes(16).toString('hex'));
  const hash = createHash('sha256');
  let size = 0;
  source.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  try {
    await pipeline(source, createWriteStream(tempPath, { flags: 'wx' }));
  } catch (err) {
    await rm(tempPath, { force: true });
    throw err;
  }
  const sha256 = hash.digest('hex');
  const { head, tail } = await readEnds(tempPath, size);
  return {
    tempPath,
    sha256,
    size,
    head,
    tail,
    async commit() {
      const target = blobPath(dataDir, sha256);
      await mkdir(path.dirname(target), { recursive: true });
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) await rm(tempPath, { force: true });
      else await rename(tempPath, target);
    },
    discard: () => rm(tempPath, { force: true }),
  };
}

async function readEnds(file: string, size: number): Promise<{ head: Buffer; tail: Buffer }> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 64));
    await fh.read(head, 0, head.length, 0);
    const tailLen = Math.min(size, 256 * 1024);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    return { head, tail };
  } finally {
    await fh.close();
  }
}

export function openBlob(dataDir: string, sha256: string): Readable {
  return createReadStream(blobPath(dataDir, sha256));
}

export async function removeBlob(dataDir: string, sha256: string): Promise<void> {
  await rm(blobPath(dataDir, sha256), { force: true });
}
