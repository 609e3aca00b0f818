// Response times of a request sent over and over while something else runs: how the tests prove
// that long work (a screening run, an import) leaves the server answering.

interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers other than the expected status, as `status: body` (the first few). */
  failures: string[];
}

export interface Sampler {
  /** Stops after the request in flight and summarises (milliseconds, rounded). */
  stop(): Promise<Latency>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `request` every `everyMs` after the previous answer, until stopped. Each time is counted
 * from when the request was due, not from when the timer got to send it: while the event loop is
 * blocked the timer fires late, and a client would have been waiting all along.
 */
export function sampleLatency(
  request: () => Promise<{ statusCode: number; body: string }>,
  everyMs = 50,
  expectStatus = 200,
): Sampler {
  const times: number[] = [];
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    let due = performance.now();
    while (running) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const res = await request();
      const done = performance.now();
      times.push(done - due);
      if (res.statusCode !== expectStatus && failures.length < 5)
        failures.push(`${res.statusCode}: ${res.body.slice(0, 200)}`);
      due = done + everyMs;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = [...times].sort((a, b) => a - b);
      const at = (q: number) =>
        Math.round(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN);
      return { count: times.length, p50: at(0.5), p99: at(0.99), max: at(1), failures };
    },
  };
}
