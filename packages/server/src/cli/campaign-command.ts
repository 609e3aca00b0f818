// paicha campaign import <plan.docx|table.xlsx> --title T: the plan import without the browser.
// The file is previewed as the page previews it; --map and --create-unit take the decisions the
// page asks for. Exit 2 (nothing created) while a 责任单位 phrase is left unresolved, listing each
// with the items naming it and the closest units; exit 0 prints the created campaign.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, resolvePhrase, type UnitRef } from '@paicha/core';
import { FromPlanBody, type PlanPreview } from '@paicha/core/api/campaign-import';
import type { Config } from '../kernel/config.js';
import { createCampaignFromPlan } from '../modules/campaigns/plan-import/from-plan.service.js';
import { MAX_PLAN_BYTES } from '../modules/campaigns/plan-import/plan-file.js';
import { previewPlan } from '../modules/campaigns/plan-import/plan-preview.service.js';
import { listUnits } from '../modules/units/units.repository.js';
import { openRuntime } from '../runtime.js';
import { CAMPAIGN_USAGE } from './usage.js';

const OPTIONS = {
  title: { type: 'string' },
  'doc-number': { type: 'string' },
  'report-title': { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  'due-day': { type: 'string' },
  map: { type: 'string', multiple: true },
  'create-unit': { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

export async function campaignCommand(args: string[], config?: Config): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'import') {
    console.error(`用法：\n${CAMPAIGN_USAGE}`);
    return 1;
  }
  const { values: v, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true });
  const [file] = positionals;
  if (!file || positionals.length > 1)
    throw new AppError(
      'bad_request',
      '需要一个方案文件：paicha campaign import <方案.docx|任务分解表.xlsx> --title 名称',
    );
  if (!v.title) throw new AppError('bad_request', '请用 --title 指定活动名称');
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size === undefined) throw new AppError('bad_request', `找不到文件：${file}`);
  if (size > MAX_PLAN_BYTES)
    throw new AppError('payload_too_large', `文件超过 ${MAX_PLAN_BYTES / 1_048_576} MB，已拒绝`);
  const newUnits = (v['create-unit'] ?? []).map(parseNewUnit);
  const runtime = await openRuntime(config ? { config } : {});
  try {
    const preview = await previewPlan(runtime.ctx.db, path.basename(file), readFileSync(file));
    const units = (await listUnits(runtime.ctx.db)).filter((u) => u.active);
    const maps = parseMaps(v.map ?? [], units, newUnits);
    const { items, open } = decide(preview, newUnits, maps);
    if (open.length) {
      if (v.json) console.log(JSON.stringify({ status: 'unresolved', unresolved: open }));
      else {
        console.error(
          '以下责任单位没有对应的单位，未创建（用 --map "短语=单位名称" 或 --create-unit "名称:department|street"）：',
        );
        for (const o of open)
          console.error(
            `  ${o.phrase}（第${o.seqs.join('、')}项）${o.suggestions.length ? `  可能是：${o.suggestions.join('、')}` : ''}`,
          );
      }
      return 2;
    }
    const startDate = v.start ?? preview.startDate;
    const endDate = v.end ?? preview.endDate;
    if (!startDate || !endDate)
      throw new AppError(
        'bad_request',
        '方案中没有读到起止日期，请用 --start YYYY-MM-DD --end YYYY-MM-DD 指定',
      );
    const parsed = FromPlanBody.safeParse({
      title: v.title,
      docNumber: v['doc-number'] ?? preview.docNumber,
      reportTitle: v['report-title'] ?? (preview.reportTitle || `${v.title}任务分解月报表`),
      startDate,
      endDate,
      monthlyDueDay: v['due-day'] ? Number(v['due-day']) : (preview.monthlyDueDay ?? 4),
      monthlyPeriods: preview.monthlyPeriods.filter(
        (p) => p >= startDate.slice(0, 7) && p <= endDate.slice(0, 7),
      ),
      phases: preview.phases.length
        ? preview.phases
        : [{ name: '排查整改阶段', startDate, endDate, description: '' }],
      milestones: preview.milestones,
      items,
      newUnits,
    });
    if (!parsed.success)
      throw new AppError(
        'validation_failed',
        parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；'),
      );
    const created = await createCampaignFromPlan(runtime.ctx, null, parsed.data);
    if (v.json) console.log(JSON.stringify({ status: 'created', campaign: created }));
    else
      console.log(
        `已创建工作活动 #${created.id}“${created.title}”：${created.itemCount} 项排查事项${created.unitsCreated.length ? `；新建单位：${created.unitsCreated.map((u) => u.name).join('、')}` : ''}`,
      );
    return 0;
  } catch (err) {
    if (v.json && err instanceof AppError) {
      console.log(JSON.stringify({ status: 'refused', error: err.toBody().error }));
      return err.status >= 500 ? 1 : 2;
    }
    throw err;
  } finally {
    await runtime.close();
  }
}

type NewUnit = { name: string; kind: 'department' | 'street' };

/** "区水利局:department" */
function parseNewUnit(arg: string): NewUnit {
  const at = arg.lastIndexOf(':');
  const name = (at > 0 ? arg.slice(0, at) : arg).trim();
  const kind = at > 0 ? arg.slice(at + 1).trim() : 'department';
  if (name.length < 2 || (kind !== 'department' && kind !== 'street'))
    throw new AppError('bad_request', `--create-unit 应为“名称:department”或“名称:street”：${arg}`);
  return { name, kind };
}

/** "短语=单位名称": an existing active unit or one of --create-unit. */
function parseMaps(list: string[], units: readonly UnitRef[], newUnits: readonly NewUnit[]) {
  const out = new Map<string, { unitId?: number; newName?: string }>();
  for (const m of list) {
    const at = m.lastIndexOf('=');
    if (at <= 0) throw new AppError('bad_request', `--map 应为“短语=单位名称”：${m}`);
    const [phrase, name] = [m.slice(0, at).trim(), m.slice(at + 1).trim()];
    const unit = units.find((u) => u.name === name);
    if (unit) out.set(phrase, { unitId: unit.id });
    else if (newUnits.some((u) => u.name === name)) out.set(phrase, { newName: name });
    else throw new AppError('bad_request', `--map：没有名为“${name}”的单位（可用 --create-unit 新建）`);
  }
  return out;
}

/** Each item's units from its phrases and the decisions; the phrases still open. */
function decide(
  preview: PlanPreview,
  newUnits: readonly NewUnit[],
  maps: Map<string, { unitId?: number; newName?: string }>,
) {
  const fresh = newUnits.map((u, i) => ({ id: -1 - i, name: u.name, kind: u.kind }));
  const open = new Map<string, { phrase: string; seqs: number[]; suggestions: string[] }>();
  const items = preview.items.map((item) => {
    const unitIds = new Set<number>();
    const newUnitNames = new Set<string>();
    for (const p of item.units) {
      for (const id of p.unitIds) unitIds.add(id);
      if (p.kind !== 'unresolved') continue;
      const mapped = maps.get(p.phrase);
      const created = resolvePhrase(p.phrase, fresh);
      if (mapped?.unitId) unitIds.add(mapped.unitId);
      else if (mapped?.newName) newUnitNames.add(mapped.newName);
      else if (created.kind === 'unit')
        newUnitNames.add(newUnits[-1 - (created.unitIds[0] as number)]?.name as string);
      else {
        const o = open.get(p.phrase) ?? {
          phrase: p.phrase,
          seqs: [],
          suggestions: p.suggestions.map((s) => s.name),
        };
        o.seqs.push(item.seq);
        open.set(p.phrase, o);
      }
    }
    const { row: _, units: __, warnings: ___, ...rest } = item;
    return { ...rest, unitIds: [...unitIds], newUnitNames: [...newUnitNames] };
  });
  return { items, open: [...open.values()] };
}
