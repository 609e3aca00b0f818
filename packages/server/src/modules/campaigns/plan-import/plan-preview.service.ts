// The preview of an uploaded plan: its table's items with every 责任单位 phrase resolved against
// the active units (core resolvePhrase, the rule the built-in plan uses), and the campaign's
// title, 文号, phases and milestones guessed from its text. Nothing is stored.
import { resolvePhrase, splitUnitPhrases, type UnitRef } from '@paicha/core';
import type { PlanPreview } from '@paicha/core/api/campaign-import';
import type { Executor } from '../../../db/transaction.js';
import { listUnits } from '../../units/units.repository.js';
import { readPlanFile } from './plan-file.js';

export async function previewPlan(db: Executor, fileName: string, buf: Buffer): Promise<PlanPreview> {
  const { format, table, text } = await readPlanFile(buf);
  // A deactivated unit takes no part in a new campaign: 各街道 means the streets still active.
  const units: UnitRef[] = (await listUnits(db)).filter((u) => u.active);
  const unresolved: string[] = [];
  const items = table.items.map((item) => {
    const phrases = splitUnitPhrases(item.unitsText).map((p) => resolvePhrase(p, units));
    const warnings = [...item.warnings];
    for (const p of phrases) {
      if (p.kind !== 'unresolved') continue;
      if (!unresolved.includes(p.phrase)) unresolved.push(p.phrase);
      warnings.push(`责任单位“${p.phrase}”没有对应的单位，请选择已有单位或新建`);
    }
    return { ...item, units: phrases, warnings };
  });
  const warnings: string[] = [];
  if (format === 'docx' && text.phases.length === 0)
    warnings.push(
      '没有从方案中读到时间安排（如“（一）动员部署阶段（2019年11月28日—12月13日）”），请填写阶段',
    );
  if (format === 'xlsx') warnings.push('Excel 任务分解表不含方案正文：请填写活动名称、文号、阶段和时间节点');
  if (table.ignoredColumns.length) warnings.push(`以下列不导入：${table.ignoredColumns.join('、')}`);
  const reportTitle =
    table.caption || (text.title ? `${text.title.replace(/工作方案$|方案$/, '')}任务分解月报表` : '');
  return {
    fileName,
    format,
    title: text.title,
    docNumber: text.docNumber,
    reportTitle,
    startDate: text.startDate,
    endDate: text.endDate,
    monthlyDueDay: text.monthlyDueDay,
    monthlyPeriods: text.monthlyPeriods,
    phases: text.phases,
    milestones: text.milestones,
    items,
    unresolved,
    warnings,
  };
}
