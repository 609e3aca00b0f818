// Bulk import of a unit's existing Excel ledger. Headers are matched by name; every bad cell is
// reported with row, column and reason; nothing is stored when any row is bad unless the clerk
// explicitly asks to import only the valid rows. All stored rows go in one transaction.
import { setImmediate } from 'node:timers/promises';
import {
  AppError,
  actsOnAnyUnit,
  FORM_SOURCES,
  isReservedSource,
  parseCellDate,
  RESERVED_SOURCE_MESSAGE,
} from '@paicha/core';
import { type ImportMode, type ImportReport, ProblemFields } from '@paicha/core/api/problems';
import ExcelJS from 'exceljs';
import { assertMay } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { loadCalendar } from '../calendar/deadlines.js';
import { listCheckItems, listItemUnits } from '../campaigns/campaigns.repository.js';
import { problemsImported, withNotices, writeNotices } from '../notifications/notices.js';
import { readLedgerSettings } from '../settings/ledger-settings.js';
import { listUnits } from '../units/units.repository.js';
import { insertEvents } from './problem-events.repository.js';
import { HEADER_BY_FIELD, IMPORT_COLUMNS } from './problems.import-format.js';
import { readLedgerRows } from './problems.import-read.js';
import { insertProblems } from './problems.repository.js';
import { campaignLimits, checkDeadline, withImmediateDeadline } from './problems.rules.js';

type ImportError = ImportReport['errors'][number];

const text = (v: unknown) =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();

export async function importProblems(
  ctx: AppContext,
  actor: Actor,
  opts: { campaignId: number; buffer: Buffer; mode: ImportMode },
): Promise<ImportReport> {
  assertMay(actor, 'problem.record');
  const office = actsOnAnyUnit(actor.role, 'problem.record');
  const rows = await readLedgerRows(opts.buffer);
  if (rows.length === 0) throw new AppError('unprocessable', '文件中没有数据行');

  const today = ctx.clock.today();
  const limits = await campaignLimits(ctx.db, opts.campaignId);
  // A 立行立改 row without 整改时限 gets the office's 立行立改期限 from today, as on the form.
  const [ledgerSettings, calendar] = await Promise.all([readLedgerSettings(ctx.db), loadCalendar(ctx.db)]);
  const dueOf = (f: Pick<ProblemFields, 'mode' | 'deadline' | 'deadlineReason'>) =>
    withImmediateDeadline(f, today, ledgerSettings, limits, calendar);
  const units = await listUnits(ctx.db);
  const items = await listCheckItems(ctx.db, opts.campaignId);
  if (items.length === 0) throw new AppError('not_found', '工作活动不存在');
  const links = await listItemUnits(ctx.db, opts.campaignId);

  const errors: ImportError[] = [];
  const valid: {
    rowNumber: number;
    unitId: number;
    itemId: number;
    fields: ReturnType<typeof ProblemFields.parse>;
  }[] = [];
  for (const [n, { rowNumber, raw }] of rows.entries()) {
    // Checking 5,000 rows takes a second or more: other requests get a turn every 25.
    if (n > 0 && n % 25 === 0) await setImmediate();
    const rowErrors: ImportError[] = [];
    const fail = (field: string, message: string) =>
      rowErrors.push({
        row: rowNumber,
        column: HEADER_BY_FIELD[field] ?? field,
        value: text(raw[field]),
        message,
      });
    const date = (field: string) => {
      const p = parseCellDate(raw[field]);
      if (!p.ok) fail(field, p.message);
      return p.ok ? p.value : null;
    };
    let unitId = actor.unitId;
    const unitName = text(raw.unit);
    if (office) {
      const u = units.find((x) => x.name === unitName && x.kind !== 'office');
      if (!u) fail('unit', unitName ? `单位“${unitName}”不存在` : '办公室导入须填写责任单位');
      else unitId = u.id;
    } else if (unitName && unitName !== actor.unitName)
      fail('unit', `只能导入本单位（${actor.unitName}）的问题`);

    const candidate = {
      checkItem: Number(text(raw.checkItem)),
      source: text(raw.source) || '自查',
      description: text(raw.description),
      foundDate: date('foundDate'),
      place: text(raw.place),
      householdRef: text(raw.householdRef) || null,
      cause: text(raw.cause),
      measures: text(raw.measures),
      responsibleLeader: text(raw.responsibleLeader),
      responsiblePerson: text(raw.responsiblePerson),
      mode: text(raw.mode),
      deadline: date('deadline'),
      deadlineReason: text(raw.deadlineReason),
    };
    if (isReservedSource(candidate.source)) fail('source', RESERVED_SOURCE_MESSAGE);
    const parsed = ProblemFields.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (rowErrors.some((e) => e.column === HEADER_BY_FIELD[field])) continue;
        fail(
          field,
          field === 'source'
            ? `问题来源应为：${FORM_SOURCES.join('、')}`
            : field === 'mode'
              ? '整改方式应为“立行立改”或“限期整改”'
              : field === 'checkItem'
                ? '应填写 1–37 的事项序号'
                : issue.message,
        );
      }
    }
    // The item and deadline checks run even when other cells failed, so a clerk sees every
    // problem of a row in one report instead of finding them in rounds.
    const itemFailed = rowErrors.some((e) => e.column === HEADER_BY_FIELD.checkItem);
    const item = items.find((i) => i.seq === candidate.checkItem);
    if (!itemFailed && !item) fail('checkItem', `排查事项第${candidate.checkItem}项不存在`);
    if (item && !office && !links.some((l) => l.checkItemId === item.id && l.id === unitId)) {
      fail('checkItem', `第${candidate.checkItem}项不是本单位承担的排查事项`);
    }
    const modeOk = candidate.mode === '立行立改' || candidate.mode === '限期整改';
    if (modeOk && candidate.foundDate) {
      const mode = candidate.mode as '立行立改' | '限期整改';
      const due = dueOf({ mode, deadline: candidate.deadline, deadlineReason: candidate.deadlineReason });
      const deadlineErrors = checkDeadline(
        { ...candidate, ...due, mode, foundDate: candidate.foundDate },
        limits,
        today,
      );
      for (const [field, message] of Object.entries(deadlineErrors)) {
        if (!rowErrors.some((e) => e.column === HEADER_BY_FIELD[field])) fail(field, message);
      }
    }
    if (rowErrors.length === 0 && parsed.success && item)
      valid.push({ rowNumber, unitId, itemId: item.id, fields: parsed.data });
    errors.push(...rowErrors);
  }

  const rejected = rows.length - valid.length;
  const store = opts.mode === 'valid' || (opts.mode === 'all' && rejected === 0);
  let imported = 0;
  if (store && valid.length > 0) {
    const at = ctx.clock.now().toISOString();
    await withNotices(ctx, async (trx) => {
      const ids = await insertProblems(
        trx,
        valid.map(({ unitId, itemId, fields: f }) => ({
          ...dueColumns(dueOf(f)),
          campaign_id: opts.campaignId,
          check_item_id: itemId,
          unit_id: unitId,
          source: f.source,
          description: f.description,
          found_date: f.foundDate,
          place: f.place,
          household_ref: f.householdRef,
          cause: f.cause,
          measures: f.measures,
          responsible_leader: f.responsibleLeader,
          responsible_person: f.responsiblePerson,
          mode: f.mode,
          status: 'pending' as const,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
        })),
      );
      await insertEvents(
        trx,
        ids.map((id, i) => ({
          problemId: id,
          at,
          eventDate: today,
          actorId: actor.userId,
          kind: 'imported',
          fromStatus: null,
          toStatus: 'pending' as const,
          text: `从Excel台账导入（第${valid[i]?.rowNumber}行）`,
        })),
      );
      await appendAudit(trx, ctx.dialect, {
        actorId: actor.userId,
        action: 'problem.import',
        entity: 'campaign',
        entityId: opts.campaignId,
        detail: { rows: rows.length, imported: ids.length, mode: opts.mode },
        at,
      });
      imported = ids.length;
      // The office filing problems for units hands them over: one notice per receiving unit.
      const byUnit = new Map<number, number[]>();
      for (const [i, id] of ids.entries()) {
        const unitId = valid[i]?.unitId;
        if (!office || unitId === undefined || unitId === actor.unitId) continue;
        const list = byUnit.get(unitId);
        if (list) list.push(id);
        else byUnit.set(unitId, [id]);
      }
      await writeNotices(
        trx,
        ctx,
        actor,
        [...byUnit].map(([unitId, problemIds]) => problemsImported(ctx, actor, unitId, problemIds)),
      );
    });
  }
  return { rows: rows.length, accepted: valid.length, rejected, imported, errors };
}

/** The downloadable template: the columns with a note row explaining each. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问题台账');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((cell, col) => {
    const c = IMPORT_COLUMNS[col - 1];
    if (c?.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    if (c?.note) cell.note = c.note;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 16 },
    { header: '是否必填', width: 10 },
    { header: '说明', width: 60 },
  ];
  for (const c of IMPORT_COLUMNS) help.addRow([c.header, c.required ? '必填' : '', c.note]);
  help.addRow([]);
  help.addRow([
    '说明',
    '',
    '表头按名称识别，列的顺序可以不同；表头上方可以有标题行。有任何一行不合格时不会导入，可修改后重新上传，或选择“仅导入合格行”。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function dueColumns(due: { deadline: string | null; deadlineReason: string }) {
  return { deadline: due.deadline, deadline_reason: due.deadlineReason };
}
