import type { PlanPreview, PlanPreviewItem } from '@paicha/core/api/campaign-import';
import { describe, expect, it } from 'vitest';
import { draftFromPreview, draftItems, fromPlanBody, type PlanDraft, planProblems } from './planDraft';
import { categoryChoices, editItems } from './planItems';
import { monthlyProblem, monthRange } from './planMonths';

const unknown = (phrase: string) => ({ phrase, kind: 'unresolved' as const, unitIds: [], suggestions: [] });
const item = (seq: number, sub: string, cell: string, phrase: string): PlanPreviewItem => ({
  row: seq + 3,
  seq,
  category: seq === 1 ? '三保障' : null,
  subCategory: sub,
  subCategoryCell: cell,
  content: `内容${seq}`,
  unitsText: phrase,
  units: [unknown(phrase)],
  warnings: [],
});

const preview: PlanPreview = {
  fileName: '方案.docx',
  format: 'docx',
  title: '2027年排查方案',
  docNumber: '',
  reportTitle: '任务分解月报表',
  startDate: '2027-01-01',
  endDate: '2027-06-30',
  monthlyDueDay: 4,
  monthlyPeriods: ['2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07'],
  phases: [],
  milestones: [],
  items: [
    item(1, '就业帮扶', '就业帮扶', '区人社局'),
    item(2, '就业帮扶', '', '区人力社保局'),
    item(3, '住房安全', '住房安全', '区人社局'),
  ],
  unresolved: ['区人社局', '区人力社保局'],
  warnings: [],
};

const EXISTING = [{ name: '区财政局' }, { name: '中云街道' }];
const RENAMED = '区人力资源和社会保障局';

function decided(): PlanDraft {
  const d = draftFromPreview(preview);
  d.decisions = {
    区人社局: { kind: 'new', unitKind: 'department', name: RENAMED },
    区人力社保局: { kind: 'new', unitKind: 'department', name: ` ${RENAMED} ` },
  };
  return d;
}

describe('the office’s corrections in the from-plan draft', () => {
  it('creates a new unit under its corrected name, one unit for two phrases named alike', () => {
    const body = fromPlanBody(decided());
    expect(body.newUnits).toEqual([{ name: RENAMED, kind: 'department' }]);
    expect(body.items.map((i) => i.newUnitNames)).toEqual([[RENAMED], [RENAMED], [RENAMED]]);
    // The plan's own phrase stays the item's 责任单位 text, as the 月报表 prints it.
    expect(body.items.map((i) => i.unitsText)).toEqual(['区人社局', '区人力社保局', '区人社局']);
    // A decision saved before names could be corrected names the unit as the plan does.
    const old = draftFromPreview(preview);
    old.decisions = {
      区人社局: { kind: 'new', unitKind: 'department' },
      区人力社保局: { kind: 'none' },
    };
    expect(fromPlanBody(old).newUnits).toEqual([{ name: '区人社局', kind: 'department' }]);
  });

  it('refuses an empty name, an existing unit’s name and one name as both kinds', () => {
    const d = decided();
    d.decisions.区人社局 = { kind: 'new', unitKind: 'department', name: ' ' };
    d.decisions.区人力社保局 = { kind: 'new', unitKind: 'department', name: '区财政局' };
    expect(planProblems(d, EXISTING).map((p) => p.message)).toEqual([
      '“区人社局”：新单位名称至少 2 个字',
      '“区人力社保局”：已有名为“区财政局”的单位',
    ]);
    d.decisions.区人社局 = { kind: 'new', unitKind: 'street', name: RENAMED };
    d.decisions.区人力社保局 = { kind: 'new', unitKind: 'department', name: RENAMED };
    expect(planProblems(d, EXISTING).map((p) => p.message)).toEqual([`新单位“${RENAMED}”既作部门又作街道`]);
  });

  it('carries a 类别 set or cleared and retyped texts; a merged 排查项目 renamed on every row of it', () => {
    let d = decided();
    d = editItems(d, [4, 5], { subCategory: '就业帮扶（修订）' });
    d = editItems(d, [4], { category: null });
    d = editItems(d, [5], { category: '三精准', content: '内容2（修订）' });
    expect(preview.items[0]?.category).toBe('三保障');
    const body = fromPlanBody(d);
    expect(body.items.map((i) => [i.category, i.subCategory, i.subCategoryCell, i.content])).toEqual([
      [null, '就业帮扶（修订）', '就业帮扶（修订）', '内容1'],
      ['三精准', '就业帮扶（修订）', '', '内容2（修订）'],
      [null, '住房安全', '住房安全', '内容3'],
    ]);
    d = editItems(d, [6], { content: '  ' });
    expect(draftItems(d)[2]?.content).toBe('  ');
    expect(planProblems(d, EXISTING).map((p) => p.message)).toEqual(['第 3 项的排查项目或排查内容为空']);
    // The plan's own groups are offered first.
    expect(categoryChoices(preview.items, ['三落实', '三精准', '三保障', '其他方面'])).toEqual([
      '三保障',
      '三落实',
      '三精准',
      '其他方面',
    ]);
  });

  it('sends the 月报 months from the first to the last as set, within the campaign', () => {
    const d = decided();
    expect(d.info).toMatchObject({ monthlyFirst: '2027-02', monthlyLast: '2027-07' });
    d.info.monthlyFirst = '2027-03';
    d.info.monthlyLast = '2027-05';
    d.info.monthlyDueDay = 10;
    expect(fromPlanBody(d)).toMatchObject({
      monthlyDueDay: 10,
      monthlyPeriods: ['2027-03', '2027-04', '2027-05'],
    });
    d.info.monthlyFirst = null;
    d.info.monthlyLast = null;
    expect(fromPlanBody(d).monthlyPeriods).toBeUndefined();
    expect(monthRange('2027-11', '2028-02')).toEqual(['2027-11', '2027-12', '2028-01', '2028-02']);
    const span = { startDate: '2027-01-01', endDate: '2027-12-31' };
    expect(monthlyProblem({ ...span, monthlyFirst: '2027-03', monthlyLast: null })).toBe(
      '请同时填写首期和末期月报的月份，或都不填',
    );
    expect(monthlyProblem({ ...span, monthlyFirst: '2027-05', monthlyLast: '2027-03' })).toBe(
      '末期月报不能早于首期月报',
    );
    expect(monthlyProblem({ ...span, monthlyFirst: '2026-12', monthlyLast: '2027-03' })).toBe(
      '首期月报不能早于活动开始的月份',
    );
    expect(monthlyProblem({ ...span, monthlyFirst: '2027-02', monthlyLast: '2028-01' })).toBeNull();
    expect(monthlyProblem({ ...span, monthlyFirst: '2027-02', monthlyLast: '2028-02' })).toBe(
      '末期月报不能晚于活动结束的下一个月',
    );
    d.info.monthlyFirst = '2027-03';
    expect(planProblems(d).map((p) => p.message)).toEqual(['请同时填写首期和末期月报的月份，或都不填']);
  });
});
