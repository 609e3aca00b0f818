// The 月报表 as a Word document: A4 landscape, the plan's table with its merged 排查项目 cells,
// the header row repeated on every page, single-line borders, official fonts, page numbers.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  COLUMNS,
  FONTS,
  type MonthlyTable,
  type MonthlyTableRow,
  runs,
  signatureLine,
} from './monthly-table.js';

const A4 = { width: 11906, height: 16838 }; // twips, portrait; docx swaps them for landscape
const MARGIN = 1134; // 2 cm
const TEXT_WIDTH = A4.height - 2 * MARGIN;
/** Column widths in twips (sum = TEXT_WIDTH); 序号 must hold two characters plus cell margins. */
const WIDTHS = [680, 1200, 3700, 2950, 2840, 1700, 1500];
const BODY = 21; // half-points: 10.5 pt (五号)
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};

/** A run in one font for every script, so digits and Latin letters match the Chinese text. */
function run(text: string, font: string, size: number, extra: { bold?: boolean } = {}) {
  return new TextRun({ text, font: { ascii: font, hAnsi: font, eastAsia: font, cs: font }, size, ...extra });
}

function paragraphs(
  text: string,
  align: (typeof AlignmentType)[keyof typeof AlignmentType],
  font: string = FONTS.body,
) {
  return text.split('\n').map((l) => new Paragraph({ alignment: align, children: [run(l, font, BODY)] }));
}

function cell(text: string, col: number, opts: { rowSpan?: number; header?: boolean } = {}) {
  const centered = opts.header || col === 0 || col === 1 || col === 6;
  const align = centered ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new TableCell({
    width: { size: WIDTHS[col] ?? 1000, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 50, bottom: 50, left: 80, right: 80 },
    ...(opts.rowSpan && opts.rowSpan > 1 ? { rowSpan: opts.rowSpan } : {}),
    children: paragraphs(text, align, opts.header ? FONTS.heading : FONTS.body),
  });
}

function bodyRows(t: MonthlyTable): TableRow[] {
  // Where a merged cell starts, how many rows it spans; rows inside a merge get no cell there
  // (docx writes the vertical-merge continuation cells itself).
  const spanAt = (key: (r: MonthlyTableRow) => number) => {
    const m = new Map<number, number>();
    for (const r of runs(t.rows, key)) m.set(r.start, r.end - r.start + 1);
    return m;
  };
  const groups = spanAt((r) => r.groupKey);
  const items = t.consolidated ? spanAt((r) => r.itemKey) : null;
  // Word keeps a row with the next one when asked: keep each 排查项目 group (each item's unit rows
  // in the consolidated table) on one page, so a merged cell is not cut by a page break.
  const blockEnds = new Set(runs(t.rows, (r) => (t.consolidated ? r.itemKey : r.groupKey)).map((b) => b.end));
  return t.rows.map((row, i) => {
    const cells: TableCell[] = [];
    const itemSpan = items ? items.get(i) : 1;
    if (itemSpan) cells.push(cell(String(row.seq), 0, { rowSpan: itemSpan }));
    const groupSpan = groups.get(i);
    if (groupSpan) cells.push(cell(row.groupLabel, 1, { rowSpan: groupSpan }));
    if (itemSpan) cells.push(cell(row.content, 2, { rowSpan: itemSpan }));
    cells.push(cell(row.situation, 3), cell(row.measures, 4), cell(row.progress, 5), cell(row.unitsText, 6));
    return new TableRow({ children: cells, cantSplit: true, keepNext: !blockEnds.has(i) });
  });
}

export async function renderMonthlyDocx(t: MonthlyTable): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: 520, rule: HeightRule.ATLEAST },
    children: COLUMNS.map((name, i) => cell(name, i, { header: true })),
  });
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: WIDTHS,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    rows: [header, ...bodyRows(t)],
  });
  const text = (s: string, size = 24) => run(s, FONTS.body, size);
  const closing = [...(t.summary ? [t.summary] : []), signatureLine(t.signature), t.footer];
  const doc = new Document({
    creator: 'paicha 问题大排查',
    title: t.title,
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
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'],
                    size: 20,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(t.title, FONTS.title, 36)],
          }),
          new Paragraph({
            spacing: { after: 120 },
            tabStops: [
              { type: TabStopType.CENTER, position: Math.round(TEXT_WIDTH / 2) },
              { type: TabStopType.RIGHT, position: TEXT_WIDTH },
            ],
            children: [
              text(`填报单位：${t.unitName}`),
              text(`\t报告期：${t.periodLabel}`),
              text(`\t填报时间：${t.filledDate}`),
            ],
          }),
          table,
          ...closing.map(
            (s, i) =>
              new Paragraph({
                spacing: { before: i === 0 ? 200 : 80 },
                children: [text(s, i === closing.length - 1 ? 22 : 24)],
              }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
