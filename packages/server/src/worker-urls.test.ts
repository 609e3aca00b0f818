// Worker threads are started from a URL relative to the module that starts them
// (`new Worker(new URL('./x.worker.mjs', import.meta.url))`, or through lib/worker-heap.ts's
// `startWorker(new URL(…), …)`), which neither the compiler nor the
// import rules check: a file moved without its worker would fail only when the worker starts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;
const WORKER_URL = /(?:new Worker|startWorker)\(\s*new URL\(\s*'([^']+)',\s*import\.meta\.url\s*\)/g;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) yield full;
  }
}

describe('worker URLs', () => {
  const starts = [...sources(SRC)].flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(WORKER_URL)].map((m) => ({
      from: path.relative(SRC, file),
      worker: path.resolve(path.dirname(file), m[1] as string),
    })),
  );

  it('finds the workers the server starts', () => {
    expect(starts.map((s) => path.basename(s.worker)).sort()).toEqual([
      'csv-reader.worker.mjs',
      'sqlite-executor.worker.mjs',
      'sqlite-writer.worker.mjs',
      'xlsx-list.worker.mjs',
    ]);
  });

  it.each(starts)('$from starts a worker file that exists', ({ worker }) => {
    expect(existsSync(worker), worker).toBe(true);
  });
});
