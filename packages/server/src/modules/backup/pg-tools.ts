// pg_dump and psql from the PostgreSQL client tools. The password goes in the environment, not on
// the command line, where `ps` would show it. pg_dump must be at least the server's major version.
import { spawn } from 'node:child_process';
import { AppError } from '@paicha/core';

function connection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', (e) =>
      reject(new AppError('internal', `无法运行 ${tool}（需要安装 PostgreSQL 客户端工具）：${e.message}`)),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new AppError('internal', `${tool} 失败（退出码 ${code}）：${err.trim()}`)),
    );
  });
}

export async function pgDumpVersion(): Promise<string> {
  return (await run('pg_dump', ['--version'], process.env)).trim();
}

/** A plain SQL dump of the whole database, taken in one snapshot by pg_dump. */
export async function pgDump(databaseUrl: string, outFile: string): Promise<void> {
  const c = connection(databaseUrl);
  await run(
    'pg_dump',
    ['--format=plain', '--no-owner', '--no-privileges', `--file=${outFile}`, `--dbname=${c.url}`],
    c.env,
  );
}

/**
 * Replaces the database's public schema with the dump, in one transaction: if any statement
 * fails, the database is left exactly as it was.
 */
export async function psqlRestore(databaseUrl: string, dumpFile: string): Promise<void> {
  const c = connection(databaseUrl);
  await run(
    'psql',
    [
      '--no-psqlrc',
      '--quiet',
      '--set=ON_ERROR_STOP=1',
      '--single-transaction',
      `--dbname=${c.url}`,
      '--command=DROP SCHEMA IF EXISTS public CASCADE',
      '--command=CREATE SCHEMA public',
      `--file=${dumpFile}`,
    ],
    c.env,
  );
}
