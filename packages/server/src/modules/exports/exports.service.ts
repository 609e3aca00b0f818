// One entry point for the 月报表 files, shared by the HTTP routes and `paicha export monthly`.
import type { ExportFormat } from '@paicha/core/api/exports';
import type { Actor, AppContext } from '../../kernel/context.js';
import { consolidatedMonthlyTable, unitMonthlyTable } from './monthly-data.js';
import { renderMonthlyDocx } from './monthly-docx.js';
import { exportFileName, type MonthlyTable } from './monthly-table.js';
import { renderMonthlyXlsx } from './monthly-xlsx.js';

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface ExportedFile {
  fileName: string;
  mime: string;
  body: Buffer;
}

async function renderMonthly(table: MonthlyTable, format: ExportFormat): Promise<ExportedFile> {
  const sheet = table.consolidated ? `汇总 ${table.periodLabel}` : `${table.unitName} ${table.periodLabel}`;
  const body = format === 'xlsx' ? await renderMonthlyXlsx(table, sheet) : await renderMonthlyDocx(table);
  return { fileName: exportFileName(table, format), mime: MIME[format], body };
}

/**
 * A unit's 月报表 (`unitId`) or the office's consolidated one. `actor` null is the CLI, which
 * runs with the operator's rights on the data directory; otherwise access is checked as usual.
 */
export async function exportMonthly(
  ctx: AppContext,
  actor: Actor | null,
  opts: { campaignId: number; period: string; unitId?: number; format: ExportFormat },
): Promise<ExportedFile> {
  const table =
    opts.unitId === undefined
      ? await consolidatedMonthlyTable(ctx, opts.campaignId, opts.period)
      : await unitMonthlyTable(ctx, actor, {
          campaignId: opts.campaignId,
          period: opts.period,
          unitId: opts.unitId,
        });
  return renderMonthly(table, opts.format);
}
