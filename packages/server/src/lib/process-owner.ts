// Long jobs (household imports, screening runs) record which process runs them as host:pid, so a
// job whose process died — killed mid-way, a server restart — can be told from one still running.
import { hostname } from 'node:os';

export const THIS_OWNER = `${hostname()}:${process.pid}`;

/**
 * Whether the owning process is known to be gone; null when it cannot be known (another host, or
 * no owner recorded), so the caller falls back on the job's heartbeat. `startingUp`: this process
 * has just started and runs nothing yet, so a job recorded under its own host:pid (a previous
 * process that had the same pid, common in containers) is dead too.
 */
export function ownerIsGone(owner: string, startingUp = false): boolean | null {
  const cut = owner.lastIndexOf(':');
  if (cut <= 0) return null;
  if (owner.slice(0, cut) !== hostname()) return null;
  const pid = Number(owner.slice(cut + 1));
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  if (pid === process.pid) return startingUp;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
