import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… switches from the embedded SQLite file to PostgreSQL. */
  databaseUrl: string | null;
  adminPassword: string | null;
  /** Largest JSON body accepted, in bytes (uploads have their own limit). */
  bodyLimit: number;
  /** Largest uploaded evidence file, in bytes. */
  uploadLimitBytes: number;
  /** Largest household export uploaded for import, in bytes: a province's roll as .xlsx is ~100 MB. */
  importLimitBytes: number;
  sessionHours: number;
  secureCookies: boolean;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (the sign-in limiter keys on it). */
  trustProxy: boolean;
  /** Where the built web app lives; served at / when present. */
  webDist: string;
  logLevel: string;
  /** smtp://user:pass@host:port for reminder mail; unset = in-app notifications only. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Minutes between reminder runs in the server (0 = off). */
  reminderIntervalMinutes: number;
  /** Bytes of evidence one person may upload in 24 hours. */
  uploadQuotaBytes: number;
  /** Hours an upload may wait unclaimed by any form before housekeeping removes it. */
  unattachedUploadHours: number;
  /** Minutes between housekeeping runs in the server (0 = only at start-up). */
  housekeepingIntervalMinutes: number;
  /** HMAC key of the audit chain; unset = <dataDir>/audit.key, created on first start. */
  auditKey: string | null;
  /** Seconds between the server's audit checkpoints (checks the new rows, signs the last one). */
  auditCheckpointSeconds: number;
  /**
   * An instant that pins the clock, for rehearsing a campaign's deadlines (training,
   * demonstrations) and for tests that drive separate processes. Never set in production.
   */
  fixedTime: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.PAICHA_DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    adminPassword: env.PAICHA_ADMIN_PASSWORD?.trim() || null,
    bodyLimit: Number(env.PAICHA_BODY_LIMIT ?? 1_048_576),
    uploadLimitBytes: Number(env.PAICHA_UPLOAD_LIMIT_MB ?? 20) * 1_048_576,
    importLimitBytes: Number(env.PAICHA_IMPORT_LIMIT_MB ?? 1024) * 1_048_576,
    sessionHours: Number(env.PAICHA_SESSION_HOURS ?? 12),
    secureCookies: env.PAICHA_SECURE_COOKIES === '1',
    trustProxy: env.PAICHA_TRUST_PROXY === '1',
    webDist: path.resolve(serverPackageDir(), '../web/dist'),
    logLevel: env.PAICHA_LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    smtpUrl: env.PAICHA_SMTP_URL?.trim() || null,
    mailFrom: env.PAICHA_MAIL_FROM ?? 'paicha@localhost',
    reminderIntervalMinutes: Number(env.PAICHA_REMINDER_MINUTES ?? 30),
    uploadQuotaBytes: Number(env.PAICHA_UPLOAD_QUOTA_MB ?? 500) * 1_048_576,
    unattachedUploadHours: Number(env.PAICHA_UNATTACHED_UPLOAD_HOURS ?? 72),
    housekeepingIntervalMinutes: Number(env.PAICHA_HOUSEKEEPING_MINUTES ?? 60),
    auditKey: env.PAICHA_AUDIT_KEY?.trim() || null,
    auditCheckpointSeconds: Number(env.PAICHA_AUDIT_CHECKPOINT_SECONDS ?? 10),
    fixedTime: env.PAICHA_FIXED_TIME?.trim() || null,
  };
}

/** A password a person can type from the console once: 16 characters from an unambiguous set. */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * The server package's folder (the one holding its package.json), found upwards from this module:
 * in src/kernel/ when run from source, in dist/ when run built — one rule for both layouts.
 */
function serverPackageDir(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${import.meta.dirname}`);
    dir = parent;
  }
  return dir;
}
