// paicha screen [--json] [--campaign <id>]: every enabled rule over the current imports; findings
// become ledger problems of the household's street. The CLI is the operator's tool: ID numbers
// are printed in full (contract), and the run is in the audit log.
import { parseArgs } from 'node:util';
import { AppError, SOURCE_LABELS } from '@paicha/core';
import { IdParam } from '@paicha/core/api/integers';
import { runScreening } from '../modules/households/screening/screening.service.js';
import { listUnits } from '../modules/units/units.repository.js';
import { openRuntime } from '../runtime.js';

export async function screenCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, campaign: { type: 'string' } },
  });
  const parsed = values.campaign === undefined ? undefined : IdParam.safeParse(values.campaign);
  if (parsed && !parsed.success)
    throw new AppError('bad_request', '--campaign 应为工作活动编号（正整数，不超过 2147483647）');
  const campaignId = parsed?.data;
  const runtime = await openRuntime();
  try {
    const { summary, findings } = await runScreening(runtime.ctx, null, campaignId);
    const units = new Map((await listUnits(runtime.ctx.db)).map((u) => [u.id, u.name]));
    const list = findings.map((f) => ({
      rule: f.rule,
      checkItem: summary.rules.find((r) => r.id === f.rule)?.checkItem ?? null,
      unit: f.unitId === null ? null : (units.get(f.unitId) ?? null),
      householdId: f.householdId,
      idNumber: f.idNumber,
      detail: f.detail,
    }));
    if (values.json) {
      console.log(JSON.stringify({ findings: list, summary }));
      return 0;
    }
    console.log(
      `比对完成（第${summary.runId}次，用时${(summary.durationMs / 1000).toFixed(1)}秒）：发现问题 ${summary.findings} 条，新增 ${summary.new}，已不再发现 ${summary.resolved}，新登记台账问题 ${summary.problemsCreated}`,
    );
    for (const r of summary.rules)
      console.log(
        `  第${r.checkItem}项 ${r.id}：${r.skipped ? `未执行（${r.skipped}）` : `${r.findings} 条`}`,
      );
    if (summary.unrouted)
      console.log(`  另有 ${summary.unrouted} 条问题所在乡镇（街道）无法对应到街道，请在“地名对应”中处理`);
    console.log(
      `数据来源：${Object.entries(summary.imports)
        .map(([s, id]) => `${SOURCE_LABELS[s as keyof typeof SOURCE_LABELS]}#${id}`)
        .join('，')}`,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}
