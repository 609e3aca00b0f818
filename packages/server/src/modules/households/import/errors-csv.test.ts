// The household import's error report (errors.csv) hands back what the file held: cells that start
// like formulas must come back as text, in GBK and in UTF-8, on both databases.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { runImport } from './import.service.js';

const HOSTILE = ['=HYPERLINK("http://example.invalid","点此")', '@SUM(A1)', '=1+1', '+1', '-1', '\t=2'];

describe.each(DIALECTS)('errors.csv neutralises formulas (%s)', (dialect) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    dir = mkdtempSync(path.join(tmpdir(), 'paicha-csv-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prefixes = + - @ tab with an apostrophe in both encodings', async () => {
    const file = path.join(dir, 'water.csv');
    const body = HOSTILE.map((v, i) => `320700${i},"${v.replace(/"/g, '""')}"`).join('\n');
    writeFileSync(file, `户编号,是否通自来水\n${body}\n`);
    const r = await runImport(t.ctx, {
      source: 'water',
      path: file,
      fileName: 'w.csv',
      format: 'csv',
      actorId: null,
    });
    expect(r.status).toBe('rejected');
    const admin = await t.login('admin', 'admin-test-password');
    for (const encoding of ['gbk', 'utf-8'] as const) {
      const res = await t.request(
        'GET',
        `/api/households/imports/${r.importId}/errors.csv?encoding=${encoding}`,
        admin,
      );
      expect(res.statusCode).toBe(200);
      const text = encoding === 'gbk' ? iconv.decode(res.rawPayload, 'gbk') : res.body.replace(/^\uFEFF/, '');
      const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
      expect(rows[0]).toEqual(['行号', '列', '原值', '错误原因']);
      const values = rows.slice(1).map((row) => row[2]);
      expect(values).toEqual(HOSTILE.map((v) => `'${v}`));
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
