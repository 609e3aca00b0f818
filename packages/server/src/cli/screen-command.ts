// paicha screen [--json] [--campaign <id>]: every enabled rule over the current imports; findings
// become ledger problems of the household's street. The CLI is the operator's tool: ID numbers
// are printed in full (contract), and the run is in the audit log. --json streams the run's
// findings out of the database a page at a time, waiting for stdout to drain, so the command's
// memory does not grow with how many the run found.
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { AppError, SOURCE_LABELS } from '@paicha/core';
import { IdParam } from '@paicha/core/api/integers';
import type { ScreeningSummary } from '@paicha/core/api/screening';
import type { Executor } from '../db/transaction.js';
import { runFindingPages } from '../modules/households/findings/run-findings.js';
import { runScreening } from '../modules/households/screening/screening.service.js';
import { openRuntime } from '../runtime.js';

/** Writes to stdout, waiting while its buffer is full (a pipe to a slow reader). */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** The contract's {"findings":[…],"summary":{…}}, one finding per line, page after page. */
async function printJson(db: Executor, summary: ScreeningSummary): Promise<void> {
  await write('{"findings":[');
  let first = true;
  for await (const page of runFindingPages(db, summary.runId)) {
    const lines = page.map((f) =>
      JSON.stringify({
        rule: f.rule,
        // 0: the rule has no item in this campaign (its findings wait out of the ledger).
        checkItem: f.checkItem || null,
        unit: f.unit,
        householdId: f.householdId,
        idNumber: f.idNumber,
        detail: f.detail,
      }),
    );
    await write(`${first ? '\n' : ',\n'}${lines.join(',\n')}`);
    first = false;
  }
  await write(`\n],"summary":${JSON.stringify(summary)}}\n`);
}

export async function screenCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, campaign: { type: 'string' } },
  });
  const parsed = values.campaign === undefined ? undefined : IdParam.safeParse(values.campaign);
  if (parsed && !parsed.success)
    throw new AppError('bad_request', '--campaign 应为工作活动编号（正整数，不超过 2147483647）');
  const campaignId = parsed?.data;
  // The rules run on the run's own connection; this one files and pages findings (database.ts).
  const runtime = await openRuntime({ sqliteCacheMb: 16 });
  try {
    const { summary } = await runScreening(runtime.ctx, null, campaignId);
    if (values.json) {
      await printJson(runtime.ctx.db, summary);
      return 0;
    }
    console.log(
      `比对完成（第${summary.runId}次，用时${(summary.durationMs / 1000).toFixed(1)}秒）：发现问题 ${summary.findings} 条，新增 ${summary.new}，已不再发现 ${summary.resolved}，新登记台账问题 ${summary.problemsCreated}`,
    );
    for (const r of summary.rules)
      console.log(
        `  ${r.unmapped ? '未对应排查事项' : `第${r.checkItem}项`} ${r.id}：${r.skipped ? `未执行（${r.skipped}）` : `${r.findings} 条`}`,
      );
    if (summary.unfiled)
      console.log(
        `  另有 ${summary.unfiled} 条问题所属规则未对应本活动的排查事项，未登记到台账：请在“工作活动”页设置规则对应的排查事项`,
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
