// A server started as `npm start` starts it — its own process, port and data dir — for the
// tests that must see the real thing: the browser tests (e2e/harness.ts) and the measurements of
// a server's memory and latency (spawned-server.ts). Only Node's own modules here: e2e imports it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const START_TIMEOUT_MS = 60_000;

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** SIGTERM, then SIGKILL if the process is still there after 5 s. */
  stop(): Promise<void>;
}

/**
 * Starts `packages/server/src/main.ts` (or `entry`, a built `main.mjs`) on a loopback port of the
 * system's choosing with `env` over this process's environment (PAICHA_DATA_DIR, DATABASE_URL, …)
 * and resolves once `/api/health` answers on the port the server printed; fails with the server's
 * output if it exits or does not answer within 60 s. The server binds port 0 itself: a port found
 * free beforehand and handed over could be taken meanwhile by another suite's server running at
 * the same time, whose /api/health would then answer for this one.
 */
export async function startServerProcess(
  env: Record<string, string>,
  entry?: string,
): Promise<ServerProcess> {
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    entry
      ? ['--max-semi-space-size=32', '--enable-source-maps', entry]
      : ['--max-semi-space-size=32', '--import', 'tsx', 'packages/server/src/main.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PAICHA_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Decoded as streams: a character split between two chunks stays whole.
  child.stdout?.setEncoding('utf8').on('data', (d: string) => output.push(d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => output.push(d));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  let baseUrl = '';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.join('')}`);
    // main.ts prints the address it listens on once it does.
    const port = /已启动：http:\/\/127\.0\.0\.1:(\d+)/.exec(output.join(''))?.[1];
    baseUrl = port ? `http://127.0.0.1:${port}` : '';
    const up =
      port !== undefined &&
      (await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer /api/health within 60 s:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, pid: child.pid as number, stop };
}

/** Signs in through the API; returns the Cookie header value (Node's fetch keeps no cookies). */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
