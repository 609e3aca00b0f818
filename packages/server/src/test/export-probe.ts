// Downloads an export from a spawned server while probing it the way other users would: the
// health check and a street's first ledger page, one request after another, for as long as the
// download runs. Reports the download's time and size, the latencies, and the server's peak RSS.
import type { SpawnedServer } from './spawned-server.js';

interface Latencies {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export interface ExportProbe {
  status: number;
  seconds: number;
  bytes: number;
  peakRssMb: number;
  health: Latencies;
  streetPage: Latencies;
  /** The same probes for as long before the export, the server idle: the floor of this run. */
  idle: { health: Latencies; streetPage: Latencies };
}

function summary(ms: number[]): Latencies {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? Number.NaN };
}

async function timed(url: string, cookie?: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - started;
}

export async function probeExport(
  server: SpawnedServer,
  opts: { path: string; cookie: string; streetCookie: string; gapMs?: number; idleMs?: number },
): Promise<ExportProbe> {
  const gap = opts.gapMs ?? 20;
  let done = false;
  const loop = async (into: number[], url: string, cookie?: string) => {
    while (!done) {
      into.push(await timed(url, cookie));
      await new Promise((r) => setTimeout(r, gap));
    }
  };
  const idleHealth: number[] = [];
  const idleStreet: number[] = [];
  const idleProbes = Promise.all([
    loop(idleHealth, `${server.baseUrl}/api/health`),
    loop(idleStreet, `${server.baseUrl}/api/problems?page=1`, opts.streetCookie),
  ]);
  await new Promise((r) => setTimeout(r, opts.idleMs ?? 3000));
  done = true;
  await idleProbes;
  done = false;
  const health: number[] = [];
  const street: number[] = [];
  const started = performance.now();
  const download = (async () => {
    const res = await fetch(`${server.baseUrl}${opts.path}`, { headers: { cookie: opts.cookie } });
    let bytes = 0;
    if (res.body) for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
    return { status: res.status, bytes, seconds: (performance.now() - started) / 1000 };
  })().finally(() => {
    done = true;
  });
  const probes = Promise.all([
    loop(health, `${server.baseUrl}/api/health`),
    loop(street, `${server.baseUrl}/api/problems?page=1`, opts.streetCookie),
  ]);
  const result = await download;
  await probes;
  return {
    ...result,
    peakRssMb: server.peakRssMb(),
    health: summary(health),
    streetPage: summary(street),
    idle: { health: summary(idleHealth), streetPage: summary(idleStreet) },
  };
}
