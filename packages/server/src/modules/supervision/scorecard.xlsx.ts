// The scorecard as a printable workbook (lib/xlsx-list.ts): one row per unit in rank order, the
// figures behind every rate, the 通报 headings a unit falls under, and the formula underneath.
import { formatChineseDate, PLAN_CAMPAIGN } from '@paicha/core';
import { lineCount } from '../../lib/text-width.js';
import { type ListColumn, listWorkbookBuffer, pagesOf } from '../../lib/xlsx-list.js';
import { periodText, workName } from './circular.text.js';
import { dataQualitySheet, type LatestRun } from './data-quality.xlsx.js';
import { percent } from './scorecard.rules.js';
import type { Scorecard } from './scorecard.service.js';

type Row = Scorecard['units'][number];
const n = (header: string, width: number, value: (r: Row) => string | number): ListColumn<Row> => ({
  header,
  width,
  value,
  align: 'center',
});

/** Widths hold each header on one line (two units a character in 黑体 12 pt, plus padding). */
const COLUMNS: ListColumn<Row>[] = [
  n('名次', 6, (r) => r.rank ?? '—'),
  n('单位', 14, (r) => r.unit.name),
  n('应报送', 8.5, (r) => r.figures.expected),
  n('按时报送', 10, (r) => r.figures.onTime),
  n('逾期报送', 10, (r) => r.figures.late),
  n('逾期未报', 10, (r) => r.figures.missing),
  n('按时报送率', 12, (r) => percent(r.rates.onTimeRate)),
  n('发现问题', 10, (r) => r.figures.found),
  n('已销号', 8.5, (r) => r.figures.closed),
  n('整改销号率', 12, (r) => percent(r.rates.closureRate)),
  n('逾期问题', 10, (r) => r.figures.overdue),
  n('退回次数', 10, (r) => r.figures.returnedProblems + r.figures.returnedReports),
  n('提交次数', 10, (r) => r.figures.submitted),
  n('综合得分', 10, (r) => (r.score === null ? '—' : r.score.toFixed(1))),
  { header: '通报情形', width: 44, value: (r) => groupsText(r) },
];

function groupsText(r: Row): string {
  return r.groups.map((g) => `${g.group}：${g.reason}`).join('\n');
}

/** The formula as the page shows it, one line per component. */
function formulaLines(sc: Scorecard): string[] {
  const w = sc.rules.weights;
  return [
    `综合得分 = 100 ×（${w.onTime}×按时报送率 + ${w.closure}×整改销号率 + ${w.overdue}×（1 − 逾期问题/发现问题）+ ${w.returns}×（1 − 退回次数/提交次数））÷ 权重合计；某项不适用（无到期报送、无问题或无提交）时不计入，权重合计相应减少。`,
    '按时报送率 = 按时报送 ÷ 应报送（期间内到期的月报和节点报送）；整改销号率 = 已销号 ÷ 发现问题（截至统计截止日）；退回次数 = 期间内问题销号申请被退回次数 + 月报及节点材料被退回次数。',
  ];
}

/**
 * A row per unit: small enough to build whole, through the same list writer as the ledger. A second
 * sheet gives each street's data quality in the latest screening run.
 */
export async function scorecardXlsx(sc: Scorecard, latestRun: LatestRun): Promise<Buffer> {
  // Spreadsheets do not grow rows to wrapped text on opening: size them from the 通报情形 text.
  const groupsWidth = COLUMNS[COLUMNS.length - 1]?.width ?? 44;
  return listWorkbookBuffer(
    [
      {
        sheetName: '单位评分排名',
        // The built-in plan's wording; any other campaign (an imported plan) by its own name.
        title: `各单位${sc.campaign.title === PLAN_CAMPAIGN.title ? '问题大排查' : workName(sc.campaign.title)}整改工作评分排名表`,
        leftLine: `统计期间：${periodText(sc.period.from, sc.period.to)}`,
        rightLine: `问题数据截至${formatChineseDate(sc.period.asOf)}　　导出时间：${formatChineseDate(sc.period.today)}`,
        columns: COLUMNS,
        pages: pagesOf(sc.units),
        footer: formulaLines(sc).join('\n'),
        wrapFooter: true,
        rowHeight: (r: Row) => Math.max(22, lineCount(groupsText(r), groupsWidth) * 16 + 6),
      },
      dataQualitySheet(latestRun, sc.period.today),
    ],
    sc.campaign.issuer,
  );
}
