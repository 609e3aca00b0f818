// A running server says so in its data dir (server.<pid>.pid), so `paicha restore` can refuse to
// swap the database and files from under it. A file whose process is gone (killed) is ignored.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export interface ServerMark {
  pid: number;
  host: string;
  startedAt: string;
}

const PATTERN = /^server\.(\d+)\.pid$/;

/** Marks the data dir as used by this process until it exits. */
export function markServerRunning(dataDir: string, startedAt: string): void {
  const file = path.join(dataDir, `server.${process.pid}.pid`);
  const mark: ServerMark = { pid: process.pid, host: hostname(), startedAt };
  writeFileSync(file, `${JSON.stringify(mark)}\n`);
  process.on('exit', () => rmSync(file, { force: true }));
}

/** Servers that may be running on this data dir (on another host we cannot tell, so we assume so). */
export function runningServers(dataDir: string): ServerMark[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return [];
  }
  const marks: ServerMark[] = [];
  for (const name of names) {
    if (!PATTERN.test(name)) continue;
    try {
      const mark = JSON.parse(readFileSync(path.join(dataDir, name), 'utf8')) as ServerMark;
      if (mark.host !== hostname() || alive(mark.pid)) marks.push(mark);
    } catch {
      // Half-written by a starting server: that server is running.
      marks.push({ pid: Number(PATTERN.exec(name)?.[1]), host: hostname(), startedAt: '' });
    }
  }
  return marks;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
