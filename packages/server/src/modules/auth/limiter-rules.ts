// The limiter's arithmetic, without a database: whether an attempt may be evaluated now, and what
// the counter looks like once it has been counted. Every attempt is counted when it is let
// through (before the password is checked); a success then removes or refunds it.

export interface Counter {
  failures: number;
  windowStart: string;
  nextAt: string;
}

/** Per key (username + address, or user for password changes): a growing delay, never a lock. */
export interface BackoffRule {
  /** Attempts allowed back to back before each further one must wait. */
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A key with no attempt for this long starts over. */
  forgetAfterHours: number;
}

/** Per address across usernames: a fixed budget per window. */
export interface WindowRule {
  max: number;
  windowMinutes: number;
}

export type Decision = { allowed: true; counter: Counter } | { allowed: false; retryAt: Date };

/** Seconds to wait after the `failures`-th counted attempt: none at first, then doubling to the cap. */
function delayAfter(failures: number, rule: BackoffRule): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 30);
  return Math.min(rule.firstDelaySeconds * 2 ** doublings, rule.maxDelaySeconds);
}

export function backoff(c: Counter, now: Date, rule: BackoffRule): Decision {
  const idleMs = now.getTime() - new Date(c.windowStart).getTime();
  // windowStart holds the last counted attempt here: a long quiet spell forgives old failures.
  const failures = idleMs >= rule.forgetAfterHours * 3_600_000 ? 0 : c.failures;
  const nextAt = new Date(c.nextAt);
  if (failures > 0 && now < nextAt) return { allowed: false, retryAt: nextAt };
  const counted = failures + 1;
  return {
    allowed: true,
    counter: {
      failures: counted,
      windowStart: now.toISOString(),
      nextAt: new Date(now.getTime() + delayAfter(counted, rule) * 1000).toISOString(),
    },
  };
}

export function windowCap(c: Counter, now: Date, rule: WindowRule): Decision {
  const windowMs = rule.windowMinutes * 60_000;
  const fresh = now.getTime() - new Date(c.windowStart).getTime() >= windowMs;
  const start = fresh ? now : new Date(c.windowStart);
  const used = fresh ? 0 : c.failures;
  const end = new Date(start.getTime() + windowMs);
  if (used >= rule.max) return { allowed: false, retryAt: end };
  const counted = used + 1;
  return {
    allowed: true,
    counter: {
      failures: counted,
      windowStart: start.toISOString(),
      nextAt: (counted >= rule.max ? end : now).toISOString(),
    },
  };
}

/** "30秒", "3分钟", "2小时": how long until `retryAt`, rounded up, for the user's message. */
export function waitText(now: Date, retryAt: Date): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds}秒`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes}分钟`;
  return `${Math.ceil(minutes / 60)}小时`;
}
