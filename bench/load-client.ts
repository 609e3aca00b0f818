// The load benchmark's client side: server processes started on a seeded database, sign-ins,
// and C concurrent clients sending requests for a bounded time (loopback, keep-alive, round-robin
// over the processes), with latencies kept for percentiles.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export interface Server {
  port: number;
  child: ChildProcess;
}

const ROOT = path.resolve(import.meta.dirname, '..');

/** Starts one server process the way `npm start -w @paicha/server` does; resolves with its port. */
export function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      '--max-semi-space-size=32',
      // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the servers.
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      path.join(ROOT, 'packages/server/src/main.ts'),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /已启动：http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ port: Number(m[1]), child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => process.stderr.write(c));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out.slice(-500)}`)));
  });
}

/**
 * CPU time (user + system, ms) the server processes have used so far, from /proc: per request,
 * it shows what the figures would be on cores of one's own (Linux; 0 elsewhere).
 */
export function serverCpuMs(servers: Server[]): number {
  let ticks = 0;
  for (const s of servers) {
    try {
      const stat = readFileSync(`/proc/${s.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  }
  return ticks * 10;
}

export function stopServer(s: Server): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Answer {
  status: number;
  body: string;
  cookie: string | null;
}

export function send(
  port: number,
  method: string,
  url: string,
  cookie?: string,
  body?: unknown,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        agent,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const set = res.headers['set-cookie']?.find((c) => c.startsWith('paicha_session='));
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            cookie: set ? (set.split(';')[0] ?? null) : null,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export async function login(port: number, username: string, password: string): Promise<string> {
  const res = await send(port, 'POST', '/api/auth/login', undefined, { username, password });
  if (res.status !== 200 || !res.cookie) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  return res.cookie;
}

export interface Stats {
  requests: number;
  /** Server processes' CPU time over the scenario, ms (0 when unknown). */
  cpuMs?: number;
  errors: number;
  seconds: number;
  latencies: number[];
  firstError?: string;
}

/** Request count per second, and the p-th percentile of latencies in ms. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * `clients` loops, each sending `next()` to the processes in turn until `seconds` have passed.
 * A non-200 answer counts as an error (its latency still counts).
 */
export async function drive(
  ports: number[],
  clients: number,
  seconds: number,
  next: (i: number) => { url: string; cookie: string },
): Promise<Stats> {
  const stats: Stats = { requests: 0, errors: 0, seconds, latencies: [] };
  const until = performance.now() + seconds * 1000;
  let turn = 0;
  const loop = async () => {
    while (performance.now() < until) {
      const { url, cookie } = next(turn);
      const port = ports[turn++ % ports.length] as number;
      const started = performance.now();
      const res = await send(port, 'GET', url, cookie);
      stats.latencies.push(performance.now() - started);
      stats.requests++;
      if (res.status !== 200) {
        stats.errors++;
        stats.firstError ??= `${url}: ${res.status} ${res.body.slice(0, 200)}`;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, loop));
  stats.seconds = (performance.now() - started) / 1000;
  stats.latencies.sort((a, b) => a - b);
  return stats;
}

/** The same loop shape around a bare database call (the reference floor). */
export async function driveCall(
  clients: number,
  seconds: number,
  call: () => Promise<unknown>,
): Promise<Stats> {
  const stats: Stats = { requests: 0, errors: 0, seconds, latencies: [] };
  const until = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      await call();
      stats.latencies.push(performance.now() - started);
      stats.requests++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, loop));
  stats.seconds = (performance.now() - started) / 1000;
  stats.latencies.sort((a, b) => a - b);
  return stats;
}
