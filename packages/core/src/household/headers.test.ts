import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONAL_HEADER } from '../test/household-data.js';
import { FIELD_IDS, FIELD_LABELS, FIELD_SYNONYMS, type FieldId, SOURCE_REQUIRED } from './fields.js';
import { matchHeader, matchHeaders, moneyScale, normalizeHeader } from './headers.js';
import { HOUSEHOLD_SOURCES } from './sources.js';

describe('normalizeHeader', () => {
  it.each([
    ['证件号码', '证件号码'],
    [' 证件 号码 ', '证件号码'],
    ['* 证件号码\n（18位）：', '证件号码(18位)'],
    ['人均纯收入【元】', '人均纯收入(元)'],
    ['乡（镇）', '乡(镇)'],
    ['※姓名:', '姓名'],
    ['户ＩＤ', '户id'],
    ['\u200B姓\u3000名', '姓名'],
  ])('%j → %j', (raw, key) => {
    expect(normalizeHeader(raw)).toBe(key);
  });
});

describe('matchHeader', () => {
  it('knows every synonym of DESIGN.md, in every source, however it is decorated', () => {
    const decorate = fc.record({
      star: fc.constantFrom('', '*', '* ', '※'),
      colon: fc.constantFrom('', ':', '：'),
      fullWidth: fc.boolean(),
      breakAt: fc.nat(6),
    });
    const synonym = fc.constantFrom(
      ...FIELD_IDS.flatMap((f) => FIELD_SYNONYMS[f].map((s) => [f, s] as const)),
    );
    fc.assert(
      fc.property(synonym, fc.constantFrom(...HOUSEHOLD_SOURCES), decorate, ([field, name], source, d) => {
        let h = d.fullWidth ? name.replace(/\(/g, '（').replace(/\)/g, '）') : name;
        h = `${h.slice(0, d.breakAt)}\n${h.slice(d.breakAt)}`;
        return matchHeader(d.star + h + d.colon, source)?.field === field;
      }),
      { numRuns: 500 },
    );
  });

  it('gives every synonym exactly one field', () => {
    const owner = new Map<string, FieldId>();
    for (const f of FIELD_IDS) {
      for (const s of FIELD_SYNONYMS[f]) {
        const key = normalizeHeader(s);
        expect(owner.get(key) ?? f, s).toBe(f);
        owner.set(key, f);
      }
    }
  });

  it('tells the head apart from the member', () => {
    expect(matchHeader('户主姓名', 'national')?.field).toBe('headName');
    expect(matchHeader('姓名', 'national')?.field).toBe('name');
    expect(matchHeader('户主证件号码', 'housing')?.field).toBe('headIdNumber');
    expect(matchHeader('证件号码', 'housing')?.field).toBe('idNumber');
  });

  it('sets units and remarks in brackets aside', () => {
    expect(matchHeader('人均纯收入（元）', 'national')).toEqual({ field: 'incomePerCapita', unit: '元' });
    expect(matchHeader('年人均纯收入(万元)', 'sunshine')).toEqual({ field: 'incomePerCapita', unit: '万元' });
    expect(matchHeader('身份证号码(18位)', 'civil')).toEqual({ field: 'idNumber', unit: '18位' });
    expect(matchHeader('乡(镇)', 'national')).toEqual({ field: 'township', unit: null });
    expect(moneyScale('万元')).toBe(10000);
    expect(moneyScale('元/年')).toBe(1);
    expect(moneyScale(null)).toBe(1);
  });

  it('reads a bare 状态 by the list it is in', () => {
    expect(matchHeader('状态', 'civil')?.field).toBe('assistanceStatus');
    expect(matchHeader('状态', 'medical')?.field).toBe('insuranceStatus');
    expect(matchHeader('状态', 'education')?.field).toBe('schoolStatus');
    expect(matchHeader('状态', 'national')).toBeNull();
  });
});

describe('matchHeaders', () => {
  it('maps a national export and lists what it does not know', () => {
    const m = matchHeaders(NATIONAL_HEADER, 'national');
    expect(m.ok).toBe(true);
    expect(m.fields.idNumber?.column).toBe(9);
    expect(m.fields.incomePerCapita).toMatchObject({ column: 15, header: '人均纯收入（元）', unit: '元' });
    expect(m.fields.residentInsurance?.column).toBe(18);
    expect(m.unknown).toEqual([
      { column: 0, header: '序号' },
      { column: 22, header: '是否危房户' },
      { column: 24, header: '备注' },
    ]);
    expect(m.duplicates).toEqual([]);
  });

  it('reports missing required fields with their Chinese names', () => {
    const m = matchHeaders(['户编号', '姓名', '身份证号'], 'national');
    expect(m.ok).toBe(false);
    expect(m.missing).toEqual([['relation']]);
    expect(m.missingLabels).toEqual(['与户主关系']);
    const w = matchHeaders(['姓名', '是否通自来水'], 'water');
    expect(w.missingLabels).toEqual(['户编号或户主证件号码或证件号码']);
    expect(matchHeaders(['户码', '是否通自来水'], 'water').ok).toBe(true);
  });

  it('requires what each source declares, and a header naming every field satisfies it', () => {
    for (const source of HOUSEHOLD_SOURCES) {
      const m = matchHeaders(Object.values(FIELD_LABELS), source);
      expect(m.ok, source).toBe(true);
      expect(m.unknown, source).toEqual([]);
      expect(Object.keys(m.fields).length, source).toBe(FIELD_IDS.length);
      expect(SOURCE_REQUIRED[source].length, source).toBeGreaterThan(0);
    }
  });

  it('keeps the first of two columns for one field', () => {
    const m = matchHeaders(['身份证号', '姓名', '证件号码'], 'education');
    expect(m.fields.idNumber?.column).toBe(0);
    expect(m.duplicates).toEqual([{ field: 'idNumber', columns: [0, 2] }]);
  });

  it('applies the answers of the mapping step', () => {
    const m = matchHeaders(['家庭代码', '姓名', '身份证', '本人关系', '帮扶人'], 'national', {
      overrides: { 家庭代码: 'householdId', ' 本人关系 ': 'relation', 帮扶人: null },
    });
    expect(m.ok).toBe(true);
    expect(m.fields.householdId?.column).toBe(0);
    expect(m.fields.relation?.column).toBe(3);
    expect(m.unknown).toEqual([]);
  });
});
