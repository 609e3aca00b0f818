import type { PlanPreview, PlanPreviewItem } from '@paicha/core/api/campaign-import';
import { describe, expect, it } from 'vitest';
import {
  draftFromPreview,
  fromPlanBody,
  itemUnits,
  planProblems,
  subCategorySpans,
  undecided,
} from './planDraft';

const item = (seq: number, subCategory: string, units: PlanPreviewItem['units']): PlanPreviewItem => ({
  row: seq + 2,
  seq,
  category: null,
  subCategory,
  subCategoryCell: '',
  content: `内容${seq}`,
  unitsText: units.map((u) => u.phrase).join('\n'),
  units,
  warnings: [],
});

const streets = { phrase: '各街道', kind: 'all_streets' as const, unitIds: [5, 6], suggestions: [] };
const housing = { phrase: '区住建局', kind: 'unit' as const, unitIds: [3], suggestions: [] };
const unknown = (phrase: string) => ({ phrase, kind: 'unresolved' as const, unitIds: [], suggestions: [] });

const preview: PlanPreview = {
  fileName: '任务分解表.xlsx',
  format: 'xlsx',
  title: '',
  docNumber: '',
  reportTitle: '任务分解月报表',
  startDate: '2021-01-01',
  endDate: '2021-06-30',
  monthlyDueDay: 4,
  monthlyPeriods: ['2021-02', '2021-03'],
  phases: [{ name: '动员部署', startDate: '2021-01-01', endDate: '2021-01-10', description: '' }],
  milestones: [{ kind: 'summary', title: '工作总结', dueDate: '2021-06-30', description: '' }],
  items: [
    item(1, '政策落实', [streets, housing]),
    item(2, '政策落实', [unknown('区数据局')]),
    item(3, '资金管理', [unknown('区数据局'), unknown('区档案馆')]),
  ],
  unresolved: ['区数据局', '区档案馆'],
  warnings: [],
};

describe('the from-plan draft', () => {
  it('waits for a decision on every unresolved phrase, and refuses an item left without units', () => {
    const d = draftFromPreview(preview);
    d.info.title = '2021年排查';
    expect(undecided(d)).toEqual(['区数据局', '区档案馆']);
    expect(planProblems(d)[0]).toMatchObject({ step: 1 });
    d.decisions = { 区数据局: { kind: 'none' }, 区档案馆: { kind: 'none' } };
    expect(planProblems(d)).toEqual([{ step: 1, message: '第 2、3 项没有责任单位' }]);
    // "对应现有单位" chosen but no unit picked yet is still undecided.
    d.decisions.区档案馆 = { kind: 'units', unitIds: [] };
    expect(undecided(d)).toEqual(['区档案馆']);
    d.decisions.区档案馆 = { kind: 'units', unitIds: [3] };
    expect(planProblems(d)).toEqual([{ step: 1, message: '第 2 项没有责任单位' }]);
  });

  it('sends resolved units, chosen units and units to create, each once', () => {
    const d = draftFromPreview(preview);
    d.info.title = '2021年排查';
    d.decisions = {
      区数据局: { kind: 'new', unitKind: 'department' },
      区档案馆: { kind: 'units', unitIds: [6, 3] },
    };
    expect(planProblems(d)).toEqual([]);
    const body = fromPlanBody(d);
    expect(body.newUnits).toEqual([{ name: '区数据局', kind: 'department' }]);
    expect(body.items.map((it) => [it.unitIds, it.newUnitNames])).toEqual([
      [[3, 5, 6], []],
      [[], ['区数据局']],
      [[3, 6], ['区数据局']],
    ]);
    expect(body).toMatchObject({
      monthlyDueDay: 4,
      monthlyPeriods: ['2021-02', '2021-03'],
      reportTitle: '任务分解月报表',
    });
  });

  it('names what the information step still lacks', () => {
    const d = draftFromPreview({ ...preview, unresolved: [], items: [item(1, '政策落实', [housing])] });
    d.info.endDate = '2020-12-31';
    d.info.phases = [{ name: '', startDate: '2021-01-01', endDate: '2021-01-05', description: '' }];
    expect(planProblems(d).map((p) => p.message)).toEqual([
      '请填写活动名称',
      '结束日期不能早于开始日期',
      '第 1 个阶段的名称或起止日期不完整',
    ]);
  });

  it('merges 排查项目 over runs of the same project, as the plan prints it', () => {
    expect(subCategorySpans(preview.items)).toEqual([2, 0, 1]);
    expect(subCategorySpans([])).toEqual([]);
    expect(itemUnits(preview.items[0] as PlanPreviewItem, {})).toEqual({
      unitIds: [3, 5, 6],
      newUnitNames: [],
    });
  });
});
