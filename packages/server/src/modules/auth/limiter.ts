// The login and password-change limiter. Each attempt is counted and decided in one transaction
// holding its counters' locks, so parallel guesses queue up and each sees the ones before it.
// Keys are chosen so that an attacker cannot lock the real user out: a username is slowed down
// per client address (a growing delay, never a fixed lock), and an address has a looser budget
// across all usernames. The office can clear a user's counters (users.service.ts unlockUser).
import { AppError } from '@paicha/core';
import type { AppContext } from '../../kernel/context.js';
import {
  type BackoffRule,
  backoff,
  type Decision,
  type WindowRule,
  waitText,
  windowCap,
} from './limiter-rules.js';
import {
  deleteCounter,
  type LimitKey,
  listDelayedCounters,
  lockCounter,
  refundAddress,
  saveCounter,
} from './login-limits.repository.js';

export const LOGIN_LIMITS: { pair: BackoffRule; address: WindowRule } = {
  // 5 tries back to back, then 10 s, 20 s, 40 s … up to 15 minutes between tries.
  pair: { freeFailures: 5, firstDelaySeconds: 10, maxDelaySeconds: 15 * 60, forgetAfterHours: 24 },
  // Looser than the pair: an office behind one address shares it.
  address: { max: 30, windowMinutes: 15 },
};

export const PASSWORD_CHANGE_LIMITS: BackoffRule = {
  freeFailures: 5,
  firstDelaySeconds: 10,
  maxDelaySeconds: 15 * 60,
  forgetAfterHours: 24,
};

const pairKey = (username: string, ip: string): LimitKey => ({ scope: 'pair', subject: username, ip });
const addressKey = (ip: string): LimitKey => ({ scope: 'address', subject: '', ip });
const passwordKey = (userId: number): LimitKey => ({ scope: 'password', subject: String(userId), ip: '' });

type Rule = { kind: 'backoff'; rule: BackoffRule } | { kind: 'window'; rule: WindowRule };

/**
 * Counts one attempt against every key, in order (the same order everywhere, so two attempts never
 * wait on each other's locks crosswise), or refuses it with 429 without counting anything.
 */
function admit(ctx: AppContext, checks: { key: LimitKey; rule: Rule; refusal: string }[]) {
  const first = checks[0]?.key;
  const turnKey = first ? `${first.scope}\n${first.subject}\n${first.ip}` : '';
  return inTurn(ctx, turnKey, () => decide(ctx, checks));
}

// Attempts on one key through one database handle (one server process) are decided in the order
// they arrived. The row lock alone already makes each decision see the ones before it, but
// PostgreSQL grants it in whatever order the pool's connections get there: without this queue, the
// right password sent last among parallel guesses could be decided first. Between processes the
// lock still rules (tested with two handles on one database).
const turnsByHandle = new WeakMap<object, Map<string, Promise<void>>>();

function inTurn<T>(ctx: AppContext, key: string, fn: () => Promise<T>): Promise<T> {
  let turns = turnsByHandle.get(ctx.db);
  if (!turns) {
    turns = new Map();
    turnsByHandle.set(ctx.db, turns);
  }
  const queue = turns;
  const before = queue.get(key) ?? Promise.resolve();
  const run = before.then(fn);
  const done = run.then(
    () => {},
    () => {},
  );
  queue.set(key, done);
  void done.then(() => {
    if (queue.get(key) === done) queue.delete(key);
  });
  return run;
}

async function decide(ctx: AppContext, checks: { key: LimitKey; rule: Rule; refusal: string }[]) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const check of checks) {
      const counter = await lockCounter(trx, ctx.dialect, check.key, at);
      const decision: Decision =
        check.rule.kind === 'backoff'
          ? backoff(counter, now, check.rule.rule)
          : windowCap(counter, now, check.rule.rule);
      if (!decision.allowed) {
        // Thrown inside the transaction: nothing of this attempt is stored.
        throw new AppError('rate_limited', `${check.refusal}，请${waitText(now, decision.retryAt)}后再试`, {
          retryAfterSeconds: Math.max(1, Math.ceil((decision.retryAt.getTime() - now.getTime()) / 1000)),
          retryAt: decision.retryAt.toISOString(),
        });
      }
      await saveCounter(trx, check.key, decision.counter, at);
    }
  });
}

/** Before a password is checked at login: counts the attempt or answers 429. */
export function admitLogin(ctx: AppContext, username: string, ip: string) {
  return admit(ctx, [
    {
      key: pairKey(username, ip),
      rule: { kind: 'backoff', rule: LOGIN_LIMITS.pair },
      refusal: '登录失败次数过多',
    },
    {
      key: addressKey(ip),
      rule: { kind: 'window', rule: LOGIN_LIMITS.address },
      refusal: '来自此网络地址的登录失败次数过多',
    },
  ]);
}

/** The right password clears the username's delay from this address and refunds the address. */
export async function loginSucceeded(ctx: AppContext, username: string, ip: string) {
  await deleteCounter(ctx.db, pairKey(username, ip));
  await refundAddress(ctx.db, ip);
}

export function admitPasswordChange(ctx: AppContext, userId: number) {
  return admit(ctx, [
    {
      key: passwordKey(userId),
      rule: { kind: 'backoff', rule: PASSWORD_CHANGE_LIMITS },
      refusal: '当前密码输错次数过多',
    },
  ]);
}

export async function passwordChangeSucceeded(ctx: AppContext, userId: number) {
  await deleteCounter(ctx.db, passwordKey(userId));
}

/** Usernames (login, per address) and user ids (password change) now in the growing-delay regime. */
export function delayedCounters(ctx: AppContext) {
  const now = ctx.clock.now().getTime();
  const forget = Math.min(LOGIN_LIMITS.pair.forgetAfterHours, PASSWORD_CHANGE_LIMITS.forgetAfterHours);
  return listDelayedCounters(ctx.db, {
    pairFrom: LOGIN_LIMITS.pair.freeFailures,
    passwordFrom: PASSWORD_CHANGE_LIMITS.freeFailures,
    countedSince: new Date(now - forget * 3_600_000).toISOString(),
  });
}
