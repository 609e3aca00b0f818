import { parseArgs } from 'node:util';
import { AppError } from '@paicha/core';
import type { Config } from '../kernel/config.js';
import { loadConfig } from '../kernel/config.js';
import { verifyAudit } from '../modules/audit/audit-verify.js';
import { createBackup } from '../modules/backup/backup.js';
import { restoreBackup } from '../modules/backup/restore.js';
import { openRuntime } from '../runtime.js';
import { BACKUP_USAGE } from './usage.js';

/** A tool that failed (pg_dump, psql, the disk) is exit 1; refused input stays exit 2 (cli.ts). */
async function failureAsExit1<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'internal') throw err;
    console.error(`错误：${err.message}`);
    return null;
  }
}

/** paicha backup --out FILE [--json] */
export async function backupCommand(args: string[], config: Config = loadConfig()): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.out) {
    console.error(`缺少 --out FILE\n用法：\n${BACKUP_USAGE}`);
    return 1;
  }
  const r = await failureAsExit1(() => createBackup(config, values.out as string));
  if (r === null) return 1;
  if (values.json) console.log(JSON.stringify(r));
  else
    console.log(
      `已备份到 ${r.file}（${(r.bytes / 1_048_576).toFixed(1)} MB，文件 ${r.files} 个，数据库：${r.manifest.dialect}）`,
    );
  return 0;
}

/** paicha restore FILE [--json]: exit 0 restored and verified, 1 restored but the audit log fails. */
export async function restoreCommand(args: string[], config: Config = loadConfig()): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error(`用法：\n${BACKUP_USAGE}`);
    return 1;
  }
  const restored = await failureAsExit1(() => restoreBackup(config, file));
  if (restored === null) return 1;
  // Opening it migrates a backup from an older release; then its audit log must verify.
  const runtime = await openRuntime({ config });
  try {
    const audit = await verifyAudit(runtime.ctx);
    if (values.json) console.log(JSON.stringify({ ...restored, audit }));
    else {
      console.log(`已从 ${file} 恢复（备份时间 ${restored.manifest.createdAt}）`);
      if (restored.previous) console.log(`原有数据已移到 ${restored.previous}`);
      console.log(
        audit.ok
          ? `审计日志完整：共 ${audit.rows} 行`
          : `审计日志校验失败：第 ${audit.failure?.id ?? '?'} 行，${audit.failure?.reason ?? ''}`,
      );
    }
    return audit.ok ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
