// An .xlsx opened for reading rows, every part read through the guarded zip (zip.ts) and the
// limited tokenizer (xml-scan.ts). The parts are found the way the format says (package rels →
// workbook → its rels), not by fixed names, so files saved by WPS or other programs read too.
// Shared strings and styles are read before any sheet: random access to the zip makes the order
// of its entries irrelevant, and a sheet then streams in one pass.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { AppError } from '@paicha/core';
import { sheetRows, unescapeOoxml } from './sheet-rows.js';
import { attr, readAttrs, type XmlHandler, XmlScanner } from './xml-scan.js';
import {
  type ByteSource,
  bufferSource,
  fileSource,
  type InflateBudget,
  inflateEntry,
  NOT_XLSX,
  readDirectory,
  type ZipEntry,
} from './zip.js';

export type { CellValue, XlsxLimits, XlsxRow } from './types.js';

import type { XlsxLimits, XlsxRow } from './types.js';

export const EXCEL_LIMITS = { maxCellChars: 32_767, maxColumns: 16_384, maxRows: 1_048_576 } as const;

export interface ReadOptions {
  /** Numbers in date-formatted cells become Dates (needs styles.xml); otherwise serials stay numbers. */
  dates: boolean;
}

export interface Book {
  sheets: { name: string }[];
  /** Rows of one sheet in file order, a batch per inflated chunk; blank rows included. */
  rows(sheet: number): AsyncGenerator<XlsxRow[]>;
  /** Compressed bytes read so far, for progress against the file size. */
  bytesRead(): number;
  close(): Promise<void>;
}

export async function openXlsxBuffer(buf: Buffer, limits: XlsxLimits, opts: ReadOptions): Promise<Book> {
  return openBook(bufferSource(buf), async () => undefined, limits, opts);
}

export async function openXlsxFile(file: string, limits: XlsxLimits, opts: ReadOptions): Promise<Book> {
  const fh = await open(file, 'r');
  try {
    return await openBook(fileSource(fh, (await fh.stat()).size), () => fh.close(), limits, opts);
  } catch (err) {
    await fh.close();
    throw err;
  }
}

async function openBook(
  src: ByteSource,
  close: () => Promise<void>,
  limits: XlsxLimits,
  opts: ReadOptions,
): Promise<Book> {
  const entries = await readDirectory(src);
  const budget: InflateBudget = {
    remaining: limits.maxInflatedBytes,
    maxRatio: limits.maxRatio,
    ratioFloor: limits.ratioFloor,
    compressedRead: 0,
  };
  const entry = (name: string): ZipEntry | undefined => entries.get(name);
  // Each part's declared size is checked against the budget before it is inflated (zip.ts).
  const parse = async (e: ZipEntry, handler: XmlHandler) => {
    for await (const _ of inflateAndScan(e, handler));
  };

  const rootRels = await rels(entry('_rels/.rels'), '', parse);
  const wbPath =
    rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ??
    (entry('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  const wbEntry = wbPath ? entry(wbPath) : undefined;
  if (!wbPath || !wbEntry) throw new AppError('unprocessable', NOT_XLSX);
  const wbRels = await rels(entry(relsPathOf(wbPath)), path.posix.dirname(wbPath), parse);

  const sheetRefs: { name: string; rel: string }[] = [];
  let date1904 = false;
  await parse(wbEntry, {
    open(name, tag, at) {
      if (name === 'sheet') {
        const a = readAttrs(tag, at);
        sheetRefs.push({ name: attr(a, 'name') ?? '', rel: attr(a, 'id') ?? '' });
      } else if (name === 'workbookPr') {
        const v = attr(readAttrs(tag, at), 'date1904');
        date1904 = v === '1' || v === 'true';
      }
    },
    close() {},
    text() {},
  });
  const sheets = sheetRefs
    .map((s) => ({ name: s.name, entry: entry(wbRels.find((r) => r.id === s.rel)?.target ?? '') }))
    .filter((s): s is { name: string; entry: ZipEntry } => s.entry !== undefined);
  if (sheets.length === 0) throw new AppError('unprocessable', NOT_XLSX);

  const partOf = (type: string) => {
    const target = wbRels.find((r) => r.type.endsWith(type))?.target;
    return target ? entry(target) : undefined;
  };
  const shared = await sharedStrings(partOf('/sharedStrings'), parse, limits);
  const dateStyles = opts.dates ? await dateStyleIds(partOf('/styles'), parse) : new Set<number>();

  return {
    sheets: sheets.map((s) => ({ name: s.name })),
    rows(sheet) {
      const s = sheets[sheet];
      if (!s) throw new RangeError(`no sheet ${sheet}`);
      return sheetRows(
        (handler) => inflateAndScan(s.entry, handler),
        { shared, dateStyles, date1904 },
        limits,
      );
    },
    bytesRead: () => budget.compressedRead,
    close,
  };

  // Rows are handed out per inflated chunk, so this is the one part read as a generator.
  async function* inflateAndScan(e: ZipEntry, handler: XmlHandler): AsyncGenerator<void> {
    const scanner = new XmlScanner(
      handler,
      { maxDepth: limits.maxDepth, maxText: limits.maxCellChars * 6 + 64, maxTag: 65_536 },
      () => tooLong(limits),
    );
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of inflateEntry(src, e, budget, limits.maxInflatedBytes)) {
      scanner.write(decoder.decode(chunk, { stream: true }));
      yield;
      // Chunks already inflated arrive as resolved promises, which never let the event loop
      // run: without a macrotask turn here a whole sheet parsed as one block.
      await setImmediate();
    }
    scanner.write(decoder.decode());
    scanner.end();
    yield;
  }
}

type Parse = (e: ZipEntry, handler: XmlHandler) => Promise<void>;

const tooLong = (limits: XlsxLimits) =>
  new AppError(
    'unprocessable',
    `文件中有单元格超过 ${limits.maxCellChars} 个字符（Excel 单元格的上限），已拒绝`,
  );
function relsPathOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

async function rels(e: ZipEntry | undefined, base: string, parse: Parse) {
  const out: { id: string; type: string; target: string }[] = [];
  if (!e) return out;
  await parse(e, {
    open(name, tag, at) {
      if (name !== 'Relationship') return;
      const a = readAttrs(tag, at);
      if (attr(a, 'TargetMode') === 'External') return;
      const target = attr(a, 'Target') ?? '';
      out.push({
        id: attr(a, 'Id') ?? '',
        type: attr(a, 'Type') ?? '',
        target: target.startsWith('/')
          ? target.slice(1)
          : path.posix.normalize(path.posix.join(base, target)).replace(/^\.\//, ''),
      });
    },
    close() {},
    text() {},
  });
  return out;
}

async function sharedStrings(e: ZipEntry | undefined, parse: Parse, limits: XlsxLimits) {
  const out: string[] = [];
  if (!e) return out;
  let parts: string[] = [];
  let len = 0;
  let inT = false;
  let phonetic = 0;
  let held = 0;
  await parse(e, {
    open(name) {
      if (name === 't') inT = phonetic === 0;
      else if (name === 'rPh') phonetic++;
      else if (name === 'si') {
        parts = [];
        len = 0;
      }
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        const text = unescapeOoxml(parts.join(''));
        held += text.length + 16;
        if (held > limits.maxSharedChars)
          throw new AppError(
            'payload_too_large',
            `文件中的文字超过 ${Math.round(limits.maxSharedChars / 10_000)} 万字，已拒绝（请拆分后上传）`,
          );
        out.push(text);
      }
    },
    text(v) {
      if (!inT) return;
      len += v.length;
      if (len > limits.maxCellChars) throw tooLong(limits);
      parts.push(v);
    },
  });
  return out;
}

/** Style indexes (cellXfs) whose number format shows a date, built-in or custom. */
async function dateStyleIds(e: ZipEntry | undefined, parse: Parse): Promise<Set<number>> {
  const out = new Set<number>();
  if (!e) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  await parse(e, {
    open(name, tag, at) {
      if (name === 'numFmt') {
        const a = readAttrs(tag, at);
        custom.set(Number(attr(a, 'numFmtId')), attr(a, 'formatCode') ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(readAttrs(tag, at), 'numFmtId') ?? 0);
        if (isDateFormat(id, custom.get(id))) out.add(xf);
        xf++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return out;
}

function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined)
    return (
      (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)
    );
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}
