// The signed checkpoint: the last audit row known good (id + hash), MACed with the audit key and
// kept in the data dir, outside the database. Deleting the log's tail removes the row it names;
// re-hashing rows changes that row's hash. Several processes may write it: each writes a private
// temporary file and renames it into place, and never moves it backwards.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mac } from './audit-chain.js';
import type { Anchor } from './audit-walk.js';

export const CHECKPOINT_FILE = 'audit-checkpoint.json';

export type CheckpointRead = { state: 'ok'; anchor: Anchor } | { state: 'missing' } | { state: 'invalid' };

function checkpointPath(dataDir: string): string {
  return path.join(dataDir, CHECKPOINT_FILE);
}

export function checkpointExists(dataDir: string): boolean {
  return existsSync(checkpointPath(dataDir));
}

export function readCheckpoint(dataDir: string, key: Buffer): CheckpointRead {
  let text: string;
  try {
    text = readFileSync(checkpointPath(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw err;
  }
  try {
    const c = JSON.parse(text) as { id?: unknown; hash?: unknown; at?: unknown; mac?: unknown };
    if (typeof c.id !== 'number' || typeof c.hash !== 'string' || typeof c.at !== 'string') {
      return { state: 'invalid' };
    }
    if (c.mac !== mac(key, 'checkpoint', [c.id, c.hash, c.at])) return { state: 'invalid' };
    return { state: 'ok', anchor: { id: c.id, hash: c.hash } };
  } catch {
    return { state: 'invalid' };
  }
}

/** Writes the checkpoint unless the file already names this row or a later one. */
export function writeCheckpoint(dataDir: string, key: Buffer, anchor: Anchor, at: string): void {
  const current = readCheckpoint(dataDir, key);
  if (current.state === 'ok' && current.anchor.id >= anchor.id) return;
  const file = checkpointPath(dataDir);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const body = {
    id: anchor.id,
    hash: anchor.hash,
    at,
    mac: mac(key, 'checkpoint', [anchor.id, anchor.hash, at]),
  };
  try {
    writeFileSync(tmp, `${JSON.stringify(body)}\n`, { mode: 0o600 });
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}
