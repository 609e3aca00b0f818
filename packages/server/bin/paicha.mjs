#!/usr/bin/env node
// The package bin: runs the CLI as built by `npm run build` (npm ci builds it in `prepare`;
// `npm start` rebuilds it), no TypeScript compiler at run time.
import { existsSync } from 'node:fs';
import v8 from 'node:v8';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  console.error('paicha 尚未构建：请先运行 npm run build（npm ci 会自动构建）');
  process.exit(1);
}
// As `npm start` runs the server: a larger young generation (32 MB semi-spaces instead of 16).
// An import allocates a few short-lived strings and arrays per cell; with the default, a third of
// a million-row import was garbage collection. Set before the CLI is loaded, while the heap is small.
const SEMI_SPACE = '--max-semi-space-size=32';
v8.setFlagsFromString(SEMI_SPACE);
// As if given on the command line: worker threads are started with young generations of their own
// size (src/lib/worker-heap.ts), and that code reads the process's setting from execArgv.
process.execArgv.push(SEMI_SPACE);
// No allocation-site pretenuring. An import's rows and cells die young; when a few collections
// happened to find many alive at once (a batch in flight), V8 began allocating them straight in
// the old generation, and the rest of the import ran a full collection every ~0.3 s with ~45 MB
// more memory held: peak RSS of a million-person import (7 files) 420–450 MB in about one run of
// four, 369–391 MB in twelve runs of twelve without it, at the same speed.
v8.setFlagsFromString('--no-allocation-site-pretenuring');
await import(cli.href);
