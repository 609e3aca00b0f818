// The audit log's HMAC key lives outside the database, so whoever can write the database cannot
// re-compute the chain after editing it. It comes from PAICHA_AUDIT_KEY, or from <dataDir>/audit.key,
// created 0600 on first start. The key travels with the database handle as a no-op Kysely plugin:
// appendAudit receives only a transaction, and a transaction keeps its database's plugins.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@paicha/core';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Executor } from '../../db/transaction.js';

export const AUDIT_KEY_FILE = 'audit.key';
const MIN_KEY_LENGTH = 32;

export interface AuditKey {
  key: Buffer;
  source: 'env' | 'file';
}

function auditKeyPath(dataDir: string): string {
  return path.join(dataDir, AUDIT_KEY_FILE);
}

/** The configured key, or the data dir's key file (created on first use). */
export function loadAuditKey(config: { dataDir: string; auditKey: string | null }): AuditKey {
  if (config.auditKey !== null) return { key: fromText(config.auditKey, 'PAICHA_AUDIT_KEY'), source: 'env' };
  const file = auditKeyPath(config.dataDir);
  try {
    return { key: fromText(readFileSync(file, 'utf8'), file), source: 'file' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(config.dataDir, { recursive: true });
  // Written in full under a private name, then linked into place: a second process starting at the
  // same moment either wins the link or reads the complete key of the one that did.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  return { key: fromText(readFileSync(file, 'utf8'), file), source: 'file' };
}

function fromText(text: string, where: string): Buffer {
  const trimmed = text.trim();
  if (trimmed.length < MIN_KEY_LENGTH) {
    throw new AppError('bad_request', `审计密钥（${where}）至少需要 ${MIN_KEY_LENGTH} 个字符`);
  }
  return Buffer.from(trimmed, 'utf8');
}

/** Carries the key; changes no query. */
export class AuditKeyPlugin implements KyselyPlugin {
  constructor(readonly key: Buffer) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The audit key attached to this database handle or transaction. */
export function auditKeyOf(db: Executor): Buffer {
  const plugin = db.getExecutor().plugins.find((p) => p instanceof AuditKeyPlugin);
  if (!plugin) throw new Error('no audit key on this database handle: open it through openRuntime');
  return (plugin as AuditKeyPlugin).key;
}
