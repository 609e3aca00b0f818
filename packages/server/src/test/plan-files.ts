// Real plan files for the plan import: the 2019 plan (shared/seed) written as a Word .docx the
// way offices type it — body text, then 附件 and the table's caption, then the 任务分解表 with a
// 填报单位 row spanning the table (w:gridSpan), 排查项目 cells merged downwards (w:vMerge) where
// the printed table leaves them blank, and one 责任单位 per line (w:br) — and .xlsx tables.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';

/**
 * The plan's text: shared/seed beside the repository (../shared from the repo root, as CI lays
 * it; from a worktree further down, the nearest shared/ above), else the repository's own copy
 * (core's plan fixtures: the body and the attachment table, which together are that file —
 * plan-import/seed-copy.test.ts holds them to it wherever shared/ is present).
 */
export function seedText(): { text: string; from: 'shared' | 'fixtures' } {
  const shared = sharedSeedFile();
  if (shared) return { text: readFileSync(shared, 'utf8'), from: 'shared' };
  const fixture = (name: string) =>
    readFileSync(new URL(`../../../core/src/plan/fixtures/${name}`, import.meta.url), 'utf8');
  return { text: fixture('plan-body.txt') + fixture('attachment-table.txt'), from: 'fixtures' };
}

export function sharedSeedFile(): string | null {
  let dir = fileURLToPath(new URL('../../../../..', import.meta.url));
  for (;;) {
    const file = path.join(dir, 'shared/seed/000_9fdb949ab7107076.txt');
    if (existsSync(file)) return file;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export interface SeedPlan {
  /** The body's paragraphs up to the attachment. */
  body: string[];
  caption: string;
  header: string[];
  /** 序号, 排查项目, 排查内容, 排查情况, 整改措施, 整改进度, 责任单位 as printed. */
  rows: string[][];
}

/** The plan as the seed prints it: body text, then the attachment's table one cell a line. */
export function seedPlan(): SeedPlan {
  const lines = seedText().text.split('\n');
  const at = lines.findIndex((l) => l.trim() === '附件');
  const body = lines.slice(0, at).filter((l) => l.trim());
  const rest = lines.slice(at + 1);
  const caption = rest.find((l) => l.trim())?.trim() ?? '';
  const header: string[] = [];
  const rows: string[][] = [];
  let row: string[] | null = null;
  for (const line of rest) {
    if (/^\t\d+$/.test(line)) {
      row = [line.slice(1)];
      rows.push(row);
    } else if (!row && line.startsWith('\t')) header.push(line.slice(1));
    else if (row && line.startsWith('注：')) row = null;
    else if (row && line.startsWith('\t')) row.push(line.slice(1));
    else if (row && line.trim() !== '') row[row.length - 1] += `\n${line}`;
  }
  return { body, caption, header, rows };
}

const lines = (text: string) =>
  text.split('\n').map((t, i) => new TextRun({ text: t, ...(i > 0 ? { break: 1 } : {}) }));

/** The plan as a .docx: 排查项目 left blank in the print is merged with the cell above. */
export async function planDocx(plan: SeedPlan, opts: { docNumber?: string } = {}): Promise<Buffer> {
  const width = plan.header.length;
  const cell = (text: string, merge?: 'restart' | 'continue', span?: number) =>
    new TableCell({
      children: [new Paragraph({ children: lines(text) })],
      ...(merge
        ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
        : {}),
      ...(span ? { columnSpan: span } : {}),
    });
  const subCol = plan.header.indexOf('排查项目');
  const rows = plan.rows.map(
    (r, i) =>
      new TableRow({
        children: r.map((text, c) => {
          if (c !== subCol) return cell(text);
          if (!text.trim()) return cell('', 'continue');
          return cell(text, plan.rows[i + 1]?.[c]?.trim() ? undefined : 'restart');
        }),
      }),
  );
  const [title, ...body] = plan.body;
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph(title ?? ''),
          ...(opts.docNumber ? [new Paragraph(opts.docNumber)] : []),
          ...body.map((p) => new Paragraph(p)),
          new Paragraph('附件'),
          new Paragraph(plan.caption),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                children: [cell('填报单位：          填报时间：   年  月  日', undefined, width)],
              }),
              new TableRow({ children: plan.header.map((h) => cell(h)) }),
              ...rows,
            ],
          }),
          new Paragraph('注：此表于每月4日前上报区领导小组办公室。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A 任务分解表 as .xlsx: caption rows, the header in the given order, the rows; `merge` merges
 * each blank 排查项目 cell with the cells above it, as Excel users do.
 */
export async function tableXlsx(
  caption: string,
  header: string[],
  rows: string[][],
  opts: { merge?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表');
  ws.addRow([caption]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(['填报单位：', '', '', '填报时间：']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const sub = header.indexOf('排查项目') + 1;
  if (opts.merge && sub > 0) {
    let start = 0;
    rows.forEach((r, i) => {
      const excelRow = i + 4;
      if (r[sub - 1]?.trim()) start = excelRow;
      const nextBlank = rows[i + 1] !== undefined && !rows[i + 1]?.[sub - 1]?.trim();
      if (!nextBlank && start && excelRow > start) ws.mergeCells(start, sub, excelRow, sub);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Posts a plan file to the preview as the wizard does (multipart field `file`). Takes the app, not
 * the harness: e2e reads this file too, without the server's request types.
 */
export function postPlan(t: { app: FastifyInstance }, cookie: string, name: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return t.app.inject({
    method: 'POST',
    url: '/api/campaigns/plan-preview',
    headers: { cookie },
    payload: form,
  });
}
