// In a process started as the server and the CLI are (--max-semi-space-size=32), a worker started
// by startWorker keeps the young generation it asked for, and the flag is back for the next one.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const HELPER = fileURLToPath(new URL('./worker-heap.ts', import.meta.url));

// The worker churns short-lived strings, as the CSV reader does, then reports its new space (MB).
const WORKER = `
import { parentPort } from 'node:worker_threads';
import v8 from 'node:v8';
let keep = [];
for (let i = 0; i < 2e6; i++) { keep.push('x'.repeat(i % 40) + i); if (keep.length > 20000) keep = []; }
const s = v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');
parentPort.postMessage(s.space_size / 1048576);`;

const MAIN = `
import { Worker } from 'node:worker_threads';
import { startWorker } from ${JSON.stringify(HELPER)};
const url = new URL('data:text/javascript,' + encodeURIComponent(${JSON.stringify(WORKER)}));
const size = (w) => new Promise((resolve) => w.once('message', resolve));
const small = await startWorker(url, {}, 8);
const smallMb = await size(small);
const plainMb = await size(new Worker(url));
console.log(JSON.stringify({ smallMb, plainMb }));
process.exit(0);`;

it('gives a worker its own young generation under the process-wide semi-space flag', () => {
  const out = execFileSync(
    process.execPath,
    ['--max-semi-space-size=32', '--import', 'tsx', '--input-type=module', '-e', MAIN],
    { encoding: 'utf8', timeout: 60_000 },
  );
  const { smallMb, plainMb } = JSON.parse(out.trim().split('\n').pop() as string);
  expect(smallMb).toBeLessThanOrEqual(8);
  // A worker started plainly afterwards grows past it: the flag was put back.
  expect(plainMb).toBeGreaterThan(16);
});
