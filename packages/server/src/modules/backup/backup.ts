// paicha backup: the database (SQLite: the online backup API, which reads through the WAL and so
// includes every committed write; PostgreSQL: pg_dump, one snapshot), the uploaded files, the
// audit key file and the audit checkpoint, into one .tar.gz written beside the target and renamed
// into place when complete. Safe while servers run and write.
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@paicha/core';
import SQLite from 'better-sqlite3';
import { systemClock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import { CHECKPOINT_FILE } from '../audit/audit-checkpoint.js';
import { AUDIT_KEY_FILE } from '../audit/audit-key.js';
import { createArchive } from './archive.js';
import { pgDump, pgDumpVersion } from './pg-tools.js';

export const BACKUP_FORMAT = 'paicha-backup';
/** Data dir folders that hold uploaded files (evidence by content hash; household exports). */
export const FILE_DIRS = ['files', 'household-uploads'];
export const SQLITE_FILE = 'paicha.sqlite';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  dialect: 'sqlite' | 'postgres';
  createdAt: string;
  /** database.sqlite or database.sql (pg_dump, plain). */
  database: string;
  pgDump: string | null;
  /** Whether the archive carries data/audit.key (not when the key came from PAICHA_AUDIT_KEY). */
  auditKeyIncluded: boolean;
}

export interface BackupResult {
  file: string;
  bytes: number;
  files: number;
  manifest: BackupManifest;
}

export async function createBackup(config: Config, outFile: string): Promise<BackupResult> {
  const out = path.resolve(outFile);
  if (!existsSync(path.dirname(out))) throw new AppError('bad_request', `目录不存在：${path.dirname(out)}`);
  const dialect = config.databaseUrl ? 'postgres' : 'sqlite';
  // Read before the snapshot: the row it names is then certainly in the snapshot, so the
  // restored log verifies against it (a checkpoint read later could name rows the snapshot lacks).
  const checkpoint = readIfExists(path.join(config.dataDir, CHECKPOINT_FILE));
  const keyFile = path.join(config.dataDir, AUDIT_KEY_FILE);
  const work = mkdtempSync(path.join(path.dirname(out), '.paicha-backup-'));
  try {
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      dialect,
      createdAt: systemClock.now().toISOString(),
      database: dialect === 'sqlite' ? 'database.sqlite' : 'database.sql',
      pgDump: null,
      auditKeyIncluded: config.auditKey === null && existsSync(keyFile),
    };
    const dbCopy = path.join(work, manifest.database);
    if (config.databaseUrl) {
      manifest.pgDump = await pgDumpVersion();
      await pgDump(config.databaseUrl, dbCopy);
    } else {
      await sqliteSnapshot(path.join(config.dataDir, SQLITE_FILE), dbCopy);
    }
    // Files after the snapshot: a file uploaded meanwhile is merely extra; content-addressed files
    // never change, so every file the snapshot refers to is there unless it was deleted meanwhile.
    const tmpOut = path.join(work, 'backup.tar.gz');
    const archive = createArchive(tmpOut);
    await archive.addBuffer('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
    await archive.addFile(manifest.database, dbCopy);
    if (checkpoint) await archive.addBuffer(`data/${CHECKPOINT_FILE}`, checkpoint);
    if (manifest.auditKeyIncluded) await archive.addFile(`data/${AUDIT_KEY_FILE}`, keyFile);
    let files = 0;
    for (const dir of FILE_DIRS) {
      for (const rel of walk(path.join(config.dataDir, dir))) {
        await archive.addFile(`data/${dir}/${rel}`, path.join(config.dataDir, dir, rel));
        files++;
      }
    }
    await archive.finish();
    renameSync(tmpOut, out);
    return { file: out, bytes: statSync(out).size, files, manifest };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function sqliteSnapshot(source: string, target: string): Promise<void> {
  if (!existsSync(source)) throw new AppError('not_found', `数据库文件不存在：${source}`);
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All pages in one step, inside one read transaction: a consistent snapshot however busy the
    // writers are (in smaller steps, another connection's write would restart the copy).
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
}

function readIfExists(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Regular files under `dir`, relative, skipping half-written uploads (files/tmp). */
function walk(dir: string, prefix = ''): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory() && rel !== 'tmp') out.push(...walk(dir, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}
