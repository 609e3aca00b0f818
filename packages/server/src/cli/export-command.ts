// paicha export monthly --unit <名称> --period YYYY-MM --out <文件.xlsx|文件.docx> [--campaign <id>]
// paicha export monthly --consolidated --period YYYY-MM --out <文件> — the office's all-units table.
// Without --campaign it is the current campaign, by the same rule as everyone's default view.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '@paicha/core';
import type { ExportFormat } from '@paicha/core/api/exports';
import { IdParam } from '@paicha/core/api/integers';
import type { Config } from '../kernel/config.js';
import type { AppContext } from '../kernel/context.js';
import { resolveCampaignId } from '../modules/campaigns/current-campaign.js';
import { exportMonthly } from '../modules/exports/exports.service.js';
import { listMonthlyMilestones } from '../modules/reports/reports.repository.js';
import { findUnitByName } from '../modules/units/units.repository.js';
import { openRuntime } from '../runtime.js';

export async function exportCommand(args: string[], config?: Config): Promise<number> {
  const [what, ...rest] = args;
  if (what !== 'monthly')
    throw new AppError('bad_request', `未知的 export 子命令：${what ?? '(空)'}，可用：monthly`);
  const { values } = parseArgs({
    args: rest,
    options: {
      unit: { type: 'string' },
      consolidated: { type: 'boolean' },
      period: { type: 'string' },
      out: { type: 'string' },
      campaign: { type: 'string' },
    },
  });
  if (!values.period || !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.period))
    throw new AppError('bad_request', '需要 --period YYYY-MM（例如 2020-01）');
  if (!values.out) throw new AppError('bad_request', '需要 --out <文件.xlsx|文件.docx>');
  if (Boolean(values.unit) === Boolean(values.consolidated))
    throw new AppError('bad_request', '请指定 --unit <单位名称> 或 --consolidated（二选一）');
  const ext = path.extname(values.out).slice(1).toLowerCase();
  if (ext !== 'xlsx' && ext !== 'docx')
    throw new AppError('bad_request', '--out 的扩展名应为 .xlsx 或 .docx');
  const format: ExportFormat = ext;

  const runtime = await openRuntime(config ? { config } : {});
  try {
    const { ctx } = runtime;
    const campaignId = await pickCampaign(ctx, values.period, values.campaign);
    let unitId: number | undefined;
    if (values.unit) {
      const unit = await findUnitByName(ctx.db, values.unit);
      if (!unit) throw new AppError('not_found', `单位“${values.unit}”不存在`);
      unitId = unit.id;
    }
    const file = await exportMonthly(ctx, null, {
      campaignId,
      period: values.period,
      format,
      ...(unitId ? { unitId } : {}),
    });
    await writeFile(values.out, file.body);
    console.log(`已导出：${values.out}（${file.fileName}，${file.body.length} 字节）`);
    return 0;
  } finally {
    await runtime.close();
  }
}

/** The given campaign, or else the current one (running today, else next, else last ended). */
async function pickCampaign(ctx: AppContext, period: string, given?: string) {
  let requested: number | undefined;
  if (given !== undefined) {
    // The same bound as the API's ids: 2^31 and above reached PostgreSQL and failed there.
    const id = IdParam.safeParse(given);
    if (!id.success)
      throw new AppError('bad_request', '--campaign 应为工作活动编号（正整数，不超过 2147483647）');
    requested = id.data;
  }
  const campaignId = await resolveCampaignId(ctx, null, requested);
  if (!(await listMonthlyMilestones(ctx.db, campaignId)).some((m) => m.period === period))
    throw new AppError(
      'not_found',
      requested === undefined
        ? `当前工作活动（编号 ${campaignId}）没有 ${period} 的月报任务，其他活动请用 --campaign <编号> 指定`
        : `工作活动 ${campaignId} 没有 ${period} 的月报任务`,
    );
  return campaignId;
}
