// The 通报 as a Word document laid out as GB/T 9704 lays out an official document: A4 portrait,
// margins 37/35/28/26 mm, title in 方正小标宋 二号, body in 仿宋_GB2312 三号 at a fixed 28 pt line,
// 一、 headings in 黑体, （一） lead-ins in 楷体, signature and date right-aligned, "— 1 —" page
// numbers. Fonts are those of the 月报表 exports (exports/monthly-table.ts).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { FONTS } from '../exports/monthly-table.js';
import { type CircularDocument, oneLine } from './circular.text.js';

const KAI = '楷体_GB2312';
const MM = 56.7; // twips per millimetre
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const TEXT_WIDTH = 11906 - MARGIN.left - MARGIN.right;
const BODY = 32; // half-points: 16 pt (三号)
const EM = 320; // twips per character at 16 pt
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt
const TABLE_SIZE = 21; // 10.5 pt (五号), the usual size of tables in official documents
/**
 * 名次 … 综合得分, summing to TEXT_WIDTH: at 五号 (210 twips a character, 100 of cell margins) a
 * four-character header and a six-character unit name each fit on one line.
 */
const COL_WIDTHS = [600, 1360, 1160, 1011, 840, 840, 1011, 1011, 1011];
const RED = 'C00000';

function run(text: string, font: string = FONTS.body, size = BODY, extra: { color?: string } = {}) {
  return new TextRun({ text, font: { ascii: font, hAnsi: font, eastAsia: font, cs: font }, size, ...extra });
}

/** No extra gap between Chinese and digits ("2020年4月20日", not "2020 年 4 月 20 日"). */
const TIGHT = { autoSpaceEastAsianText: false };

const body = (text: string, opts: { indent?: boolean; font?: string; keepNext?: boolean } = {}) =>
  new Paragraph({
    ...TIGHT,
    spacing: LINE,
    alignment: AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? {} : { firstLine: 2 * EM },
    keepNext: opts.keepNext ?? false,
    children: [run(text, opts.font)],
  });

/** Width in characters: CJK and full-width forms count one, digits and Latin half. */
function charWidth(s: string): number {
  return [...s].reduce((n, c) => n + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
}

function cell(text: string, col: number, header: boolean) {
  return new TableCell({
    width: { size: COL_WIDTHS[col] ?? 900, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 50, right: 50 },
    children: [
      new Paragraph({
        ...TIGHT,
        alignment: AlignmentType.CENTER,
        children: [run(text, header ? FONTS.heading : FONTS.body, TABLE_SIZE)],
      }),
    ],
  });
}

function rankingTable(t: { header: string[]; rows: string[][] }) {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COL_WIDTHS,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.header.map((h, i) => cell(h, i, true)),
      }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}

function signature(issuer: string, date: string): Paragraph[] {
  // Issuer two characters from the right margin; the date centred under it (GB/T 9704 7.3.5.2).
  const diff = (charWidth(issuer) - charWidth(date)) / 2;
  const right = (text: string, chars: number, before = 0) =>
    new Paragraph({
      ...TIGHT,
      spacing: { ...LINE, before },
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(chars * EM) },
      children: [run(text)],
    });
  return [right(issuer, 2 + Math.max(0, -diff), 560 * 2), right(date, 2 + Math.max(0, diff))];
}

const titleFont = {
  font: { ascii: FONTS.title, hAnsi: FONTS.title, eastAsia: FONTS.title, cs: FONTS.title },
  size: 44, // 二号
};

export async function renderCircularDocx(doc: CircularDocument, opts: { draft: boolean }): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  if (doc.docNumber)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 360 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
        children: [run(doc.docNumber)],
      }),
    );
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: doc.docNumber ? 240 : 0, after: 560 },
      // The office breaks a long title where the words allow (a line break in the title).
      children: doc.title
        .split('\n')
        .map((line, i) => new TextRun({ ...titleFont, text: line.trim(), break: i > 0 ? 1 : 0 })),
    }),
    body(doc.recipients, { indent: false }),
    body(doc.intro),
  );
  for (const s of doc.sections) {
    // A heading never ends a page; the sentence introducing the table stays with it.
    children.push(body(s.heading, { font: FONTS.heading, keepNext: true }));
    s.paragraphs.forEach((p, i) => {
      children.push(body(p, { keepNext: !!s.table && i === s.paragraphs.length - 1 }));
    });
    for (const p of s.points ?? [])
      children.push(
        new Paragraph({
          ...TIGHT,
          spacing: LINE,
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 2 * EM },
          children: [run(p.lead, KAI), run(p.text)],
        }),
      );
    if (s.table) {
      children.push(rankingTable(s.table));
      children.push(new Paragraph({ spacing: { before: 120 }, children: [] }));
    }
  }
  children.push(...signature(doc.issuer, doc.dateText));

  const document = new Document({
    creator: doc.issuer,
    title: oneLine(doc.title),
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONTS.body, eastAsia: FONTS.body, hAnsi: FONTS.body }, size: BODY },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { ...MARGIN, header: 851, footer: 992 } },
        },
        headers: opts.draft
          ? {
              default: new Header({
                children: [
                  new Paragraph({
                    alignment: AlignmentType.RIGHT,
                    children: [run('草稿（未签发）', FONTS.heading, 24, { color: RED })],
                  }),
                ],
              }),
            }
          : {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' },
                    size: 28,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
