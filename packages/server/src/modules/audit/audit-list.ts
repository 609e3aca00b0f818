// 审计日志 for the office: a page of the filtered log, and the same rows as an .xlsx streamed
// while it is written (lib/xlsx-list.ts). Labels and the readable detail come from core
// (audit-labels.ts), shared with the web page.
import type { Writable } from 'node:stream';
import { auditActionLabel, auditDetailText, auditEntityLabel, formatChineseDate } from '@paicha/core';
import type { AuditEntry, AuditFilter, AuditListQuery, AuditPage } from '@paicha/core/api/audit';
import type { PreparedExport } from '../../http/export-stream.js';
import type { AppContext } from '../../kernel/context.js';
import { type TableSheet, writeTableWorkbook, XLSX_MIME } from '../../lib/xlsx-list.js';
import { type AuditRow, auditRowsBefore, auditRowsPage, countAudit } from './audit-list.repository.js';
import { entityNames } from './audit-names.repository.js';

function parseDetail(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A row is never rewritten (the chain would break), so an unreadable one is shown as written.
    return text;
  }
}

function present(r: AuditRow, names: Map<string, string>): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor:
      r.actorId === null
        ? null
        : {
            id: r.actorId,
            name: r.displayName || r.username || `用户 ${r.actorId}`,
            username: r.username ?? '',
            unit: r.unitName ?? null,
          },
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    entityName: names.get(`${r.entity}:${r.entityId}`) ?? null,
    detail: parseDetail(r.detail),
  };
}

export async function listAudit(ctx: AppContext, q: AuditListQuery): Promise<AuditPage> {
  const [total, rows] = await Promise.all([
    countAudit(ctx.db, q),
    auditRowsPage(ctx.db, q, (q.page - 1) * q.pageSize, q.pageSize),
  ]);
  return { items: await presentPage(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

/** A page's rows as the office reads them: each object named as it is called now. */
async function presentPage(ctx: AppContext, rows: AuditRow[]): Promise<AuditEntry[]> {
  const names = await entityNames(ctx.db, rows);
  return rows.map((r) => present(r, names));
}

/** 2020年1月4日 14:05:09 in China time. */
function chinaDateTime(at: string): string {
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString();
  return `${formatChineseDate(d.slice(0, 10))} ${d.slice(11, 19)}`;
}

const COLUMNS: TableSheet<AuditEntry>['columns'] = [
  { header: '序号', width: 8, value: (r) => r.id },
  { header: '时间', width: 22, value: (r) => chinaDateTime(r.at) },
  { header: '操作人', width: 14, value: (r) => r.actor?.name ?? '系统' },
  { header: '账号', width: 14, value: (r) => r.actor?.username ?? '' },
  { header: '所属单位', width: 18, value: (r) => r.actor?.unit ?? '' },
  { header: '操作', width: 18, value: (r) => auditActionLabel(r.action) },
  { header: '对象', width: 14, value: (r) => auditEntityLabel(r.entity) },
  { header: '对象编号', width: 12, value: (r) => r.entityId ?? '' },
  { header: '对象名称', width: 30, value: (r) => r.entityName ?? '' },
  { header: '详细内容', width: 80, value: (r) => auditDetailText(r.detail) },
];

/** Rows per read: short keyset reads, so other requests are answered between pages. */
const EXPORT_PAGE = 500;

export async function prepareAuditExport(ctx: AppContext, f: AuditFilter): Promise<PreparedExport> {
  async function* pages() {
    let before: number | null = null;
    for (;;) {
      const rows = await auditRowsBefore(ctx.db, f, before, EXPORT_PAGE);
      if (rows.length === 0) return;
      yield await presentPage(ctx, rows);
      before = rows[rows.length - 1]?.id ?? null;
      if (rows.length < EXPORT_PAGE) return;
    }
  }
  return {
    fileName: `审计日志_${ctx.clock.today()}.xlsx`,
    mime: XLSX_MIME,
    write: (out: Writable) =>
      writeTableWorkbook(out, { sheetName: '审计日志', columns: COLUMNS, pages }, 'paicha'),
  };
}
