// paicha restore: refuses while a server uses the data dir (or, on PostgreSQL, while anyone else
// is connected to the database); unpacks the archive inside the data dir; replaces the database
// (SQLite: the file, after SQLite's quick_check; PostgreSQL: the public schema, in one transaction);
// then swaps the files in by rename. What was there before is kept in <dataDir>/pre-restore-<time>/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@paicha/core';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { systemClock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import { CHECKPOINT_FILE } from '../audit/audit-checkpoint.js';
import { AUDIT_KEY_FILE } from '../audit/audit-key.js';
import { extractArchive } from './archive.js';
import { BACKUP_FORMAT, type BackupManifest, FILE_DIRS, SQLITE_FILE } from './backup.js';
import { psqlRestore } from './pg-tools.js';
import { runningServers } from './server-lock.js';

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where the replaced database file and files were moved; null when there was nothing. */
  previous: string | null;
}

export async function restoreBackup(config: Config, archiveFile: string): Promise<RestoreResult> {
  const { dataDir } = config;
  if (!existsSync(archiveFile)) throw new AppError('not_found', `备份文件不存在：${archiveFile}`);
  refuseWhileServing(dataDir);
  mkdirSync(dataDir, { recursive: true });
  // Unpacked on the data dir's own file system, so the swap below is a set of renames.
  const staging = mkdtempSync(path.join(dataDir, '.restore-'));
  try {
    await extractArchive(archiveFile, staging);
    const manifest = readManifest(staging);
    const dialect = config.databaseUrl ? 'postgres' : 'sqlite';
    if (manifest.dialect !== dialect) {
      throw new AppError(
        'bad_request',
        `备份来自 ${manifest.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}，当前配置为 ${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}：不能直接恢复`,
      );
    }
    const dump = path.join(staging, manifest.database);
    if (config.databaseUrl) {
      await refuseWhileConnected(config.databaseUrl);
      await psqlRestore(config.databaseUrl, dump);
    } else {
      checkSqlite(dump);
    }

    const stamp = systemClock.now().toISOString().replace(/[:.]/g, '-');
    const previous = path.join(dataDir, `pre-restore-${stamp}`);
    const swapped = [
      ...FILE_DIRS,
      CHECKPOINT_FILE,
      // The key goes with the rows it signed; a key from PAICHA_AUDIT_KEY is the operator's to keep.
      ...(manifest.auditKeyIncluded ? [AUDIT_KEY_FILE] : []),
      ...(dialect === 'sqlite' ? [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`] : []),
    ];
    let moved = false;
    for (const name of swapped) {
      if (!existsSync(path.join(dataDir, name))) continue;
      mkdirSync(previous, { recursive: true });
      renameSync(path.join(dataDir, name), path.join(previous, name));
      moved = true;
    }
    for (const name of [...FILE_DIRS, CHECKPOINT_FILE, AUDIT_KEY_FILE]) {
      const from = path.join(staging, 'data', name);
      if (existsSync(from)) renameSync(from, path.join(dataDir, name));
    }
    if (dialect === 'sqlite') renameSync(dump, path.join(dataDir, SQLITE_FILE));
    return { manifest, previous: moved ? previous : null };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function refuseWhileServing(dataDir: string): void {
  const servers = runningServers(dataDir);
  if (servers.length > 0) {
    const who = servers.map((s) => `${s.host} 进程 ${s.pid}`).join('、');
    throw new AppError(
      'conflict',
      `服务正在使用此数据目录（${who}）：请先停止服务再恢复。若该进程已不存在，删除数据目录中对应的 server.<pid>.pid 文件`,
    );
  }
}

async function refuseWhileConnected(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ application_name: string; client_addr: string | null }>(
      'select application_name, client_addr from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    if (rows.length > 0) {
      const who = rows.map((r) => r.application_name || r.client_addr || '本机').join('、');
      throw new AppError(
        'conflict',
        `还有 ${rows.length} 个连接在使用此数据库（${who}）：请先停止所有服务再恢复`,
      );
    }
  } finally {
    await client.end();
  }
}

function readManifest(staging: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(staging, 'manifest.json'), 'utf8')) as BackupManifest;
  } catch {
    throw new AppError('bad_request', '不是 paicha 备份文件（缺少 manifest.json）');
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== 1) {
    throw new AppError('bad_request', '不是本版本 paicha 能识别的备份文件');
  }
  const expected = manifest.dialect === 'postgres' ? 'database.sql' : 'database.sqlite';
  if (manifest.database !== expected || !existsSync(path.join(staging, expected))) {
    throw new AppError('bad_request', '备份文件中缺少数据库');
  }
  return manifest;
}

function checkSqlite(file: string): void {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new AppError('bad_request', `备份中的数据库已损坏：${String(result)}`);
  } finally {
    db.close();
  }
}
