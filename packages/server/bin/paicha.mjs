#!/usr/bin/env node
// The package bin: runs the TypeScript CLI through tsx's loader (no separate build step).
import v8 from 'node:v8';
import { register } from 'tsx/esm/api';

// As `npm start` runs the server: a larger young generation (32 MB semi-spaces instead of 16).
// An import allocates a few short-lived strings and arrays per cell; with the default, a third of
// a million-row import was garbage collection. Set before the CLI is loaded, while the heap is small.
v8.setFlagsFromString('--max-semi-space-size=32');
register();
await import('../src/cli.ts');
