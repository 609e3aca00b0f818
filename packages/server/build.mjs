// `npm run build -w @paicha/server`: the server and the `paicha` CLI compiled to plain JavaScript
// in dist/, so neither `npm start` nor the CLI compiles TypeScript at run time. Rolldown bundles
// the server's code and @paicha/core (TypeScript source) into ES modules; npm packages stay
// external (loaded from node_modules as usual). The CLI's commands stay lazy: each dynamic
// import becomes its own chunk, so `paicha help` loads only the CLI's entry.
// Worker threads are started by URL (`new URL('./x.worker.mjs', import.meta.url)`): the worker
// files are plain .mjs next to their users in src/ and are bundled flat into dist/ (each with the
// plain .mjs modules it imports, such as lib/xlsx-write/), where every chunk lives too, so the same
// relative URL finds them.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'rolldown';

const here = import.meta.dirname;
const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(here, 'dist') } } });
const out = path.resolve(values.out);

rmSync(out, { recursive: true, force: true });
const bare = /^(?![./]|node:|@paicha\/)/;
// What both builds share: npm packages and Node's modules stay external, ES modules into dist/.
const node = {
  platform: 'node',
  external: (id) => bare.test(id) || id.startsWith('node:'),
  logLevel: 'warn',
};
const esm = { dir: out, format: 'esm', entryFileNames: '[name].mjs', sourcemap: true };
await build({
  ...node,
  input: { main: path.join(here, 'src/main.ts'), cli: path.join(here, 'src/cli.ts') },
  output: {
    ...esm,
    chunkFileNames: '[name]-[hash].mjs',
    // What `paicha help` and the CLI's error handling need from @paicha/core, in a chunk of its
    // own: the rest of core (and zod with it) is then loaded only by the commands themselves.
    codeSplitting: {
      groups: [
        { name: 'cli-core', test: /packages[\\/]core[\\/]src[\\/](errors|household[\\/]sources)\.ts$/ },
      ],
    },
  },
});

const workers = new Map();
(function collect(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) collect(full);
    else if (entry.name.endsWith('.worker.mjs')) {
      if (workers.has(entry.name))
        throw new Error(`two workers named ${entry.name}: ${workers.get(entry.name)}, ${full}`);
      workers.set(entry.name, full);
    }
  }
})(path.join(here, 'src'));
await build({
  ...node,
  input: Object.fromEntries([...workers].map(([name, file]) => [name.replace(/\.mjs$/, ''), file])),
  output: { ...esm, chunkFileNames: 'worker-[name]-[hash].mjs' },
});
console.log(
  `[build] server → ${path.relative(process.cwd(), out) || '.'} (main.mjs, cli.mjs, ${workers.size} workers)`,
);
