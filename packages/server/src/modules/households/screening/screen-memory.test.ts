// `paicha screen --json` in bounded memory: the same 200,000 households screened twice by the
// built CLI, first with 10,000 findings, then with 200,000 (every household's income below the
// line), each time with V8's old generation capped at 64 MB: the run and its output must fit in
// it whatever the count. Before findings lived in the database the run held every finding (and
// the printed list, then its JSON text) in memory — ~1 KB each, 200 MB at 200,000. Peak RSS is
// printed but not compared: the heap grows lazily (uncapped, the 200,000 run's heap peaked at
// 120 MB of which all but ~28 MB was garbage V8 had not yet collected), the young generation
// (32 MB semi-spaces) fills only on a long run, and on SQLite the run's temporary tables sit in
// its 128 MB page cache.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { idCheckCharacter } from '@paicha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { type PreparedDatabase, prepareDatabase } from '../../../test/spawned-server.js';
import { runImport } from '../import/import.service.js';

const HOUSEHOLDS = 200_000;
const FEW = 10_000;
/** V8's old generation for the command: the whole run and its printing must fit. */
const OLD_SPACE_MB = 64;
const NOW = '2020-03-01T02:00:00Z';
const BIN = path.resolve(import.meta.dirname, '../../../../bin/paicha.mjs');
const HOOK = new URL('../../../test/child-rss.mjs', import.meta.url).href;
const run = promisify(execFile);

let dir: string;

/** One person per household; the first `poor` households' income is below the 6,000 line. */
function nationalCsv(file: string, poor: number): void {
  const lines = ['户编号,姓名,证件号码,与户主关系,乡(镇),行政村,脱贫属性,人均纯收入'];
  const streets = ['中云街道', '猴嘴街道'];
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 1000) * 86_400_000);
    const first17 = `320703${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
    const street = streets[i % 2];
    lines.push(
      `3207${String(i).padStart(10, '0')},张${i},${first17}${idCheckCharacter(first17)},户主,${street},${street?.slice(0, 2)}村,已脱贫,${i < poor ? 3000 : 9000}`,
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'paicha-screen-memory-'));
  nationalCsv(path.join(dir, 'few.csv'), FEW);
  nationalCsv(path.join(dir, 'many.csv'), HOUSEHOLDS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(DIALECTS)('paicha screen --json memory on %s', (dialect) => {
  let db: PreparedDatabase;
  beforeAll(async () => {
    db = await prepareDatabase(dialect, NOW);
  }, 60_000);
  afterAll(async () => db?.drop());

  async function screen(
    file: string,
  ): Promise<{ rssMb: number; heapMb: number; findings: number; income: number }> {
    await db.withContext(async (ctx) => {
      const r = await runImport(ctx, {
        source: 'national',
        path: file,
        fileName: 'national.csv',
        format: 'csv',
        actorId: null,
      });
      expect(r.status).toBe('committed');
    });
    const rssFile = path.join(dir, `rss-${dialect}.txt`);
    const out = path.join(dir, `out-${dialect}.json`);
    await run(
      'sh',
      [
        '-c',
        `"${process.execPath}" --max-old-space-size=${OLD_SPACE_MB} --import "${HOOK}" "${BIN}" screen --json > "${out}"`,
      ],
      {
        env: {
          ...process.env,
          PAICHA_DATA_DIR: db.dataDir,
          DATABASE_URL: db.databaseUrl ?? '',
          PAICHA_FIXED_TIME: NOW,
          PAICHA_BENCH_RSS_FILE: rssFile,
          PAICHA_BENCH_MEM_TRACE: '1',
        },
      },
    );
    const printed = JSON.parse(readFileSync(out, 'utf8')) as {
      findings: { rule: string }[];
      summary: { findings: number };
    };
    expect(printed.findings).toHaveLength(printed.summary.findings);
    return {
      rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024,
      heapMb: (JSON.parse(readFileSync(`${rssFile}.heap`, 'utf8')) as { heapUsed: number }).heapUsed,
      findings: printed.findings.length,
      income: printed.findings.filter((f) => f.rule === 'income_below_line').length,
    };
  }

  it(`screens and prints 10,000 and 200,000 findings in a ${OLD_SPACE_MB} MB old generation`, async () => {
    const few = await screen(path.join(dir, 'few.csv'));
    const many = await screen(path.join(dir, 'many.csv'));
    console.log(
      `${dialect}: ${few.findings} findings → peak heap ${few.heapMb} MB, RSS ${few.rssMb.toFixed(0)} MB; ${many.findings} findings → heap ${many.heapMb} MB, RSS ${many.rssMb.toFixed(0)} MB`,
    );
    expect(few.income).toBe(FEW);
    expect(many.income).toBe(HOUSEHOLDS);
    expect(many.heapMb).toBeLessThan(OLD_SPACE_MB);
  }, 900_000);
});
