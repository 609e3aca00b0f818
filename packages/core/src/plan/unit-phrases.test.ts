import { describe, expect, it } from 'vitest';
import { PLAN_CHECK_ITEMS } from './check-items.js';
import { resolvePhrase, resolveUnitsText, splitUnitPhrases } from './unit-phrases.js';
import { EXAMPLE_STREETS, OFFICE_NAME, PLAN_DEPARTMENTS, type UnitRef } from './units.js';

const units: UnitRef[] = [
  { id: 1, name: OFFICE_NAME, kind: 'office' },
  ...EXAMPLE_STREETS.map((name, i) => ({ id: 10 + i, name, kind: 'street' as const })),
  ...PLAN_DEPARTMENTS.map((name, i) => ({ id: 20 + i, name, kind: 'department' as const })),
];
const streets = units.filter((u) => u.kind === 'street').map((u) => u.id);
const departments = units.filter((u) => u.kind === 'department').map((u) => u.id);

describe('责任单位 phrases', () => {
  it('splits a cell on lines and the separators plans use', () => {
    expect(splitUnitPhrases('各街道\n区住建局')).toEqual(['各街道', '区住建局']);
    expect(splitUnitPhrases(' 各街道，区财政局、区人社局；资源分局,\r\n')).toEqual([
      '各街道',
      '区财政局',
      '区人社局',
      '资源分局',
    ]);
  });

  it('reads group phrases as every unit of their kind', () => {
    expect(resolvePhrase('各街道', units)).toMatchObject({ kind: 'all_streets', unitIds: streets });
    for (const p of ['区各相关部门', '区相关部门', '各相关部门', '区有关部门'])
      expect(resolvePhrase(p, units)).toMatchObject({ kind: 'all_departments', unitIds: departments });
  });

  it('matches a name exactly, or with/without the district prefix and spaces', () => {
    expect(resolvePhrase('区住建局', units)).toMatchObject({ kind: 'unit', unitIds: [21] });
    expect(resolvePhrase('住建局', units)).toMatchObject({ kind: 'unit', unitIds: [21] });
    expect(resolvePhrase('区 财政局', units)).toMatchObject({ kind: 'unit', unitIds: [20] });
    expect(resolvePhrase('区资源分局', units)).toMatchObject({ kind: 'unit', unitIds: [24] });
  });

  it('leaves an unknown name unresolved with the closest units as suggestions', () => {
    const r = resolvePhrase('区住房建设局', units);
    expect(r).toMatchObject({ kind: 'unresolved', unitIds: [] });
    expect(r.suggestions[0]).toEqual({ unitId: 21, name: '区住建局' });
    expect(resolvePhrase('区水利局', units).suggestions.map((s) => s.name)).not.toContain('中云街道');
  });

  it("resolves every phrase of the 2019 plan's table with the seeded units", () => {
    for (const item of PLAN_CHECK_ITEMS) {
      expect(resolveUnitsText(item.unitsText, units).unknown, `序号 ${item.seq}`).toEqual([]);
      for (const p of splitUnitPhrases(item.unitsText))
        expect(resolvePhrase(p, units).kind).not.toBe('unresolved');
    }
  });
});
