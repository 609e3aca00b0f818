// A CSV many reader chunks long (64 KB pieces, credit granted a few chunks at a time) comes out
// row for row as written: every row once, in order, numbered, a quoted cell with a line break and
// a comma inside read whole wherever it falls.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { csvRows } from './csv-rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'paicha-csv-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = 100_000;
const cellsOf = (i: number) =>
  i % 9_973 === 0
    ? [String(i), `张三${i}`, `备注，第${i}行\n续行`, '430102199001011234']
    : [String(i), `张三${i}`, `正常${i % 7}`, '430102199001011234'];
const line = (cells: readonly unknown[]) =>
  cells.map((c) => (/[,\n"]/.test(String(c)) ? `"${c}"` : String(c))).join(',');

it('reads a file of many chunks row for row, quoted line breaks included', async () => {
  const file = path.join(dir, 'big.csv');
  const lines = ['序号,姓名,备注,证件号码'];
  for (let i = 1; i <= ROWS; i++) lines.push(line(cellsOf(i)));
  const text = `${lines.join('\r\n')}\r\n`;
  writeFileSync(file, text);
  expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 1_048_576);

  let bytes = 0;
  let next = 0;
  const wrong: number[] = [];
  for await (const batch of csvRows(file, 'utf-8', (n) => {
    bytes += n;
  })) {
    for (const row of batch) {
      const want = next === 0 ? '序号,姓名,备注,证件号码' : line(cellsOf(next));
      if (row.rowNo !== next + 1 || line(row.cells) !== want) wrong.push(next + 1);
      next++;
    }
  }
  expect(wrong).toEqual([]);
  expect(next).toBe(ROWS + 1);
  expect(bytes).toBe(Buffer.byteLength(text));
});
