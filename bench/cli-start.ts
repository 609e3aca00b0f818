// How fast the `paicha` command starts, beside Node's own start in the same run:
// `node -e 0`, `paicha help` as installed (bin → dist/cli.mjs, built JavaScript) and, for
// reference, the CLI run from TypeScript source through tsx (what the bin did before the build).
// Alternates the three, N rounds; prints median and p90 wall time and the ratio to `node -e 0`.
//   npm run bench:cli -- [--rounds 20]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const ROUNDS = Number(values.rounds);
const SERVER = path.resolve(import.meta.dirname, '../packages/server');
const runs: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['paicha help (built, bin)', [path.join(SERVER, 'bin/paicha.mjs'), 'help']],
  ['paicha help (tsx, source)', ['--import', 'tsx', path.join(SERVER, 'src/cli.ts'), 'help']],
];
const times = new Map<string, number[]>(runs.map(([name]) => [name, []]));
for (let round = 0; round < ROUNDS; round++)
  for (const [name, args] of runs) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, args, { cwd: SERVER, stdio: 'ignore' });
    times.get(name)?.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
const at = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] as number;
const base = at(times.get('node -e 0') as number[], 0.5);
console.log(
  `node ${process.version}, ${ROUNDS} rounds, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `${'command'.padEnd(28)} ${'median ms'.padStart(10)} ${'p90 ms'.padStart(8)} ${'× node -e 0'.padStart(12)}`,
);
for (const [name, xs] of times)
  console.log(
    `${name.padEnd(28)} ${at(xs, 0.5).toFixed(0).padStart(10)} ${at(xs, 0.9).toFixed(0).padStart(8)} ${(at(xs, 0.5) / base).toFixed(2).padStart(12)}`,
  );
