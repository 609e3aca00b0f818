// Real .xlsx files built byte by byte for reader tests: hostile ones (zip bombs, a 400 MB cell
// in a few hundred KB, 200k rows, 20k columns, 100k-deep nesting) and files written the way
// other programs write them. Huge parts are made by repeating one deflate segment: a segment
// compressed from a fresh stream and ended by a full flush refers to nothing before it, so
// copies of it can follow each other, and a 400 MB part costs a few KB to build.
import path from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface Part {
  data: Buffer;
  /** Declared inflated size (a bomb may lie about it). */
  size: number;
  crc: number;
  method: 0 | 8;
}

export function deflated(xml: string | Buffer): Part {
  const raw = typeof xml === 'string' ? Buffer.from(xml) : xml;
  return { data: deflateRawSync(raw, { level: 1 }), size: raw.length, crc: crc32(raw), method: 8 };
}

/** `prefix` + `unit` × `times` + `suffix`, compressed without ever holding the middle. */
function repeated(prefix: string, unit: string, times: number, suffix: string): Part {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const per = Math.max(1, Math.floor(1_048_576 / unit.length));
  const piece = deflateRawSync(Buffer.from(unit.repeat(per)), flush);
  const pieces: Buffer[] = [deflateRawSync(Buffer.from(prefix), flush)];
  for (let n = 0; n < Math.floor(times / per); n++) pieces.push(piece);
  const rest = unit.repeat(times % per) + suffix;
  pieces.push(deflateRawSync(Buffer.from(rest)));
  const size = Buffer.byteLength(prefix) + Buffer.byteLength(unit) * times + Buffer.byteLength(suffix);
  // CRCs are not what these files test; the reader checks sizes and ratios, not checksums.
  return { data: Buffer.concat(pieces), size, crc: 0, method: 8 };
}

function zip(entries: [string, Part][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, p] of entries) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(p.method, 10);
    dir.writeUInt32LE(p.crc, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(p.size, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, n, p.data);
    central.push(dir, n);
    offset += 30 + n.length + p.data.length;
  }
  const dirBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBuf, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A workbook of one sheet. `style: 'other'` writes it as other programs do: `x:` prefixed
 * elements, single quotes, absolute relationship targets and a sheet part not named sheetN.xml.
 */
export function workbook(
  sheet: Part,
  opts: { sharedStrings?: Part; style?: 'excel' | 'other'; sheetName?: string; comment?: boolean } = {},
): Buffer {
  const other = opts.style === 'other';
  const sheetPath = other ? 'xl/worksheets/data_台账.xml' : 'xl/worksheets/sheet1.xml';
  const target = (p: string) => (other ? `/${p}` : p.replace(/^xl\//, ''));
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="${target(sheetPath)}"/>`,
    opts.sharedStrings
      ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="${target('xl/sharedStrings.xml')}"/>`
      : '',
  ].join('');
  const wb = other
    ? `<?xml version='1.0' encoding='UTF-8'?><x:workbook xmlns:x='${NS}' xmlns:r='${REL}'><x:sheets><x:sheet name='${opts.sheetName ?? '台账'}' sheetId='1' r:id='rId1'/></x:sheets></x:workbook>`
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${opts.sheetName ?? '台账'}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const entries: [string, Part][] = [
    [
      '[Content_Types].xml',
      deflated(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/${sheetPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    ],
    [
      '_rels/.rels',
      deflated(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${other ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`,
      ),
    ],
    ['xl/workbook.xml', deflated(wb)],
    [
      'xl/_rels/workbook.xml.rels',
      deflated(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
      ),
    ],
    [sheetPath, sheet],
  ];
  if (opts.sharedStrings) entries.push(['xl/sharedStrings.xml', opts.sharedStrings]);
  if (opts.comment) {
    // A 批注 kept where WPS and online editors put it, not where ExcelJS looks (xl/commentsN.xml).
    entries.push(
      [
        `xl/worksheets/_rels/${path.posix.basename(sheetPath)}.rels`,
        deflated(
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/comments" Target="/xl/comments/comment1.xml"/></Relationships>`,
        ),
      ],
      [
        'xl/comments/comment1.xml',
        deflated(
          `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="${NS}"><authors><author>王某</author></authors><commentList><comment ref="A1" authorId="0"><text><t>附件表序号</t></text></comment></commentList></comments>`,
        ),
      ],
    );
  }
  return zip(entries);
}

export const SHEET_START = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`;
export const SHEET_END = '</sheetData></worksheet>';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const columnName = (i: number): string =>
  (i >= 26 ? columnName(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

/** One row of inline strings and numbers, each cell with its reference as Excel writes it. */
function rowXml(rowNo: number, cells: (string | number)[]): string {
  const cs = cells
    .map((v, i) => {
      const r = `${columnName(i)}${rowNo}`;
      return typeof v === 'number'
        ? `<c r="${r}"><v>${v}</v></c>`
        : `<c r="${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    })
    .join('');
  return `<row r="${rowNo}">${cs}</row>`;
}

const LEDGER_HEADER = ['排查事项序号', '问题描述', '发现日期', '整改方式', '整改时限'];
const ledgerLine = (i: number) => [13, `漏评户 ${i}`, '2019-12-18', '限期整改', '2020-03-31'];

/** A ledger sheet: the header, then `rows` data rows, each row distinct. */
export function ledgerSheet(rows: number): Part {
  const parts = [SHEET_START, rowXml(1, LEDGER_HEADER)];
  for (let i = 1; i <= rows; i++) parts.push(rowXml(i + 1, ledgerLine(i)));
  parts.push(SHEET_END);
  return deflated(parts.join(''));
}

/** A one-row ledger whose header cell carries a 批注 stored outside ExcelJS's naming. */
export function commentedLedger(): Buffer {
  return workbook(
    deflated(`${SHEET_START}${rowXml(1, LEDGER_HEADER)}${rowXml(2, ledgerLine(1))}${SHEET_END}`),
    {
      comment: true,
    },
  );
}

/** A one-row ledger as other programs write it: `x:` prefixes everywhere, absolute targets. */
export function otherProgramLedger(): Buffer {
  const rows = [rowXml(1, LEDGER_HEADER), rowXml(2, ledgerLine(1))]
    .join('')
    .replace(/<(\/?)(row|c|v|is|t)\b/g, '<$1x:$2');
  const sheet = `<?xml version='1.0' encoding='UTF-8'?><x:worksheet xmlns:x='${NS}'><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
  return workbook(deflated(sheet), { style: 'other' });
}

/** The hostile files of the hardening issue, each a real .xlsx. */
export const hostile = {
  /** 2 GB of markup in ~2 MB, its size declared honestly or as 1 MB. */
  zipBomb: (lie: boolean) => {
    const part = repeated(SHEET_START + rowXml(1, LEDGER_HEADER), '<x/>', 512 * 1_048_576, SHEET_END);
    return workbook(lie ? { ...part, size: 1_048_576 } : part);
  },
  /** One cell of `mb` MB (inline string, or the only shared string), size declared honestly. */
  hugeCell: (mb: number, where: 'inline' | 'shared') => {
    const n = mb * 1_048_576;
    if (where === 'inline')
      return workbook(
        repeated(
          `${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>`,
          'a',
          n,
          `</t></is></c></row>${SHEET_END}`,
        ),
      );
    const shared = repeated(
      `<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>`,
      'a',
      n,
      '</t></si></sst>',
    );
    return workbook(deflated(`${SHEET_START}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_END}`), {
      sharedStrings: shared,
    });
  },
  manyRows: (rows: number) => workbook(ledgerSheet(rows)),
  wide: (columns: number) =>
    workbook(
      repeated(
        `${SHEET_START}${rowXml(1, LEDGER_HEADER)}<row r="2">`,
        '<c><v>1</v></c>',
        columns,
        `</row>${SHEET_END}`,
      ),
    ),
  /** A Word file whose document.xml is 2 GB of empty paragraphs in ~2 MB. */
  wordBomb: () =>
    zip([
      [
        'word/document.xml',
        repeated('<w:document xmlns:w="w"><w:body>', '<w:p/>', 340 * 1_048_576, '</w:body></w:document>'),
      ],
    ]),
  nested: (depth: number) =>
    workbook(deflated(`${SHEET_START}${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}${SHEET_END}`)),
  doctype: () =>
    workbook(
      deflated(
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet xmlns="${NS}"><sheetData><row r="1"><c t="inlineStr"><is><t>&lol2;</t></is></c></row>${SHEET_END}`,
      ),
    ),
};
