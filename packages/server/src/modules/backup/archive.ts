// A backup is one .tar.gz, written and read as a stream (tar-stream + zlib): a data dir of many
// gigabytes of evidence never sits in memory. Reading refuses entries that would land outside the
// directory they are extracted into.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '@paicha/core';
import tar from 'tar-stream';

export interface ArchiveWriter {
  addFile(name: string, file: string): Promise<void>;
  addBuffer(name: string, data: Buffer): Promise<void>;
  /** Ends the archive and waits until every byte is on disk. */
  finish(): Promise<void>;
}

export function createArchive(outFile: string): ArchiveWriter {
  const pack = tar.pack();
  const out = createWriteStream(outFile, { mode: 0o600 });
  const done = pipeline(pack, createGzip({ level: 6 }), out);
  // Keep the rejection observed until finish() awaits it.
  done.catch(() => {});
  return {
    async addFile(name, file) {
      const s = await stat(file);
      await pipeline(createReadStream(file), pack.entry({ name, size: s.size, mode: 0o600, mtime: s.mtime }));
    },
    async addBuffer(name, data) {
      await new Promise<void>((resolve, reject) =>
        pack.entry({ name, size: data.length, mode: 0o600 }, data, (err) => (err ? reject(err) : resolve())),
      );
    },
    async finish() {
      pack.finalize();
      await done;
    },
  };
}

/** Extracts every regular file of the archive under `intoDir`; returns their names. */
export async function extractArchive(archive: string, intoDir: string): Promise<string[]> {
  const extract = tar.extract();
  const names: string[] = [];
  extract.on('entry', (header, stream, next) => {
    const finish = (err?: unknown) => (err ? extract.destroy(err as Error) : next());
    if (header.type === 'directory') {
      stream.resume();
      stream.on('end', () => finish());
      return;
    }
    const target = path.resolve(intoDir, header.name);
    if (header.type !== 'file' || !target.startsWith(`${path.resolve(intoDir)}${path.sep}`)) {
      finish(new AppError('bad_request', `备份文件中有不允许的条目：${header.name}`));
      return;
    }
    names.push(header.name);
    mkdir(path.dirname(target), { recursive: true })
      .then(() => pipeline(stream, createWriteStream(target, { mode: 0o600 })))
      .then(() => finish(), finish);
  });
  try {
    await pipeline(createReadStream(archive), createGunzip(), extract);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'bad_request',
      `无法读取备份文件（不是 paicha 备份，或已损坏）：${(err as Error).message}`,
    );
  }
  return names;
}
