// `paicha import` with a whole delivery (subprocess, the installed bin, SQLite): source=file pairs
// and a folder whose files are recognised by their headers or names; each file all or nothing.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { idCheckCharacter } from '@paicha/core';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/paicha.mjs');
const id = (first17: string) => first17 + idCheckCharacter(first17);
const HEAD = id('32070619800101123');
const CHILD = id('32070620100101123');

const NATIONAL = `户编号,姓名,证件号码,与户主关系,在校生状况,是否享受低保\n3207001,张三,${HEAD},户主,非在校生,否\n3207001,张小,${CHILD},之子,在校生,否\n`;
const EDUCATION = `学生姓名,学生身份证号,学校名称,在校状态\n张小,${CHILD},开发区实验学校,在校\n`;
const WATER = `户编号,户主姓名,是否通自来水\n3207001,张三,是\n`;

interface FileReport {
  file?: string;
  source: string | null;
  status: string;
  rows?: number;
  message?: string;
}

describe('paicha import: several files in one process', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'paicha-import-many-'));
  const env = {
    ...process.env,
    PAICHA_DATA_DIR: path.join(dir, 'data'),
    PAICHA_ADMIN_PASSWORD: 'cli-admin-password',
    DATABASE_URL: '',
    PAICHA_LOG_LEVEL: 'silent',
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const paicha = (...args: string[]) =>
    run('node', [BIN, 'import', ...args, '--json'], { env }).then(
      (r) => ({ code: 0, out: JSON.parse(r.stdout) }),
      (e) => ({ code: e.code as number, out: JSON.parse(e.stdout) }),
    );

  it('imports a folder, recognising each file, and refuses only the file it cannot place', async () => {
    const delivery = path.join(dir, 'delivery');
    mkdirSync(delivery);
    writeFileSync(path.join(delivery, '全国扶贫开发信息系统_贫困人口.csv'), NATIONAL);
    writeFileSync(path.join(delivery, '学生名单.csv'), EDUCATION);
    writeFileSync(path.join(delivery, '3.csv'), WATER);
    writeFileSync(path.join(delivery, '导出数据.csv'), NATIONAL); // fits national and 阳光扶贫 alike
    writeFileSync(path.join(delivery, '说明.txt.bak'), 'not a table');
    const { code, out } = await paicha(delivery);
    expect(code).toBe(2);
    const byName = Object.fromEntries(
      (out.files as FileReport[]).map((f) => [path.basename(f.file ?? ''), f]),
    );
    expect(Object.keys(byName).sort()).toEqual(
      ['3.csv', '全国扶贫开发信息系统_贫困人口.csv', '学生名单.csv', '导出数据.csv'].sort(),
    );
    expect(byName['全国扶贫开发信息系统_贫困人口.csv']).toMatchObject({
      source: 'national',
      status: 'committed',
      rows: 2,
    });
    expect(byName['学生名单.csv']).toMatchObject({ source: 'education', status: 'committed', rows: 1 });
    expect(byName['3.csv']).toMatchObject({ source: 'water', status: 'committed', rows: 1 });
    expect(byName['导出数据.csv']).toMatchObject({ source: null, status: 'unrecognised' });
    expect(byName['导出数据.csv']?.message).toContain('阳光扶贫监管系统');
  }, 120_000);

  it('takes source=file pairs, and a rejected file leaves the others imported', async () => {
    const ambiguous = path.join(dir, '导出数据.csv');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(ambiguous, NATIONAL);
    writeFileSync(
      bad,
      '户编号,姓名,证件号码,与户主关系,是否享受低保\n1,张三,3.20703199001011E+17,户主,也许\n',
    );
    const { code, out } = await paicha(`sunshine=${ambiguous}`, `national=${bad}`);
    expect(code).toBe(2);
    expect(out.files).toMatchObject([
      { source: 'sunshine', status: 'committed', rows: 2 },
      { source: 'national', status: 'rejected', rows: 1, accepted: 0 },
    ]);
    // Each file reports its own wall time (the benchmark's per-file rate comes from it).
    for (const f of out.files as { ms: unknown }[]) expect(f.ms).toBeGreaterThan(0);
    const ok = await paicha(`sunshine=${ambiguous}`);
    expect(ok.code).toBe(0);
  }, 120_000);

  it('rejects a file of a header and blank rows only, the writer it opened closed first', async () => {
    const blank = path.join(dir, 'blank-water.csv');
    const water = path.join(dir, 'water-ok.csv');
    writeFileSync(blank, '户编号,户主姓名,是否通自来水\n,,\n,,\n');
    writeFileSync(water, WATER);
    const { code, out } = await paicha(`water=${blank}`, `water=${water}`);
    expect(code).toBe(2);
    expect(out.files).toMatchObject([
      { source: 'water', status: 'rejected', rows: 0, errors: [{ message: '文件中没有数据行' }] },
      { source: 'water', status: 'committed', rows: 1 },
    ]);
  }, 120_000);

  it('keeps the single form and its report as they were', async () => {
    const file = path.join(dir, 'water.csv');
    writeFileSync(file, WATER);
    const { code, out } = await paicha('water', file);
    expect(code).toBe(0);
    expect(out).toEqual({
      rows: 1,
      accepted: 1,
      rejected: 0,
      errors: [],
      importId: expect.any(Number),
      status: 'committed',
      errorCount: 0,
    });
  }, 120_000);
});
