import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN_CHECK_ITEMS } from '../plan/check-items.js';
import { defaultRuleParams, isRuleId, parseRuleParams, RULE_IDS, type RuleId } from './rule-params.js';
import { describeRuleParams, SCREENING_RULES, screeningRule } from './rules.js';

const itemText = (seq: number) => PLAN_CHECK_ITEMS.find((i) => i.seq === seq)?.content ?? '';

describe('rule catalogue', () => {
  it('has one entry per rule id, ids stable and unique', () => {
    expect(SCREENING_RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    expect(RULE_IDS).toEqual([
      'income_below_line',
      'school_age_not_enrolled',
      'medical_insurance_missing',
      'medical_insurance_duplicate',
      'unsafe_house',
      'no_safe_water',
      'assistance_mismatch',
      'id_invalid',
      'id_duplicate',
      'household_head_count',
      'record_missing',
      'record_mismatch',
    ]);
  });

  it('files each rule under the check item of the plan that asks for it', () => {
    const items = Object.fromEntries(SCREENING_RULES.map((r) => [r.id, r.checkItem]));
    expect(items).toEqual({
      income_below_line: 20,
      school_age_not_enrolled: 22,
      medical_insurance_missing: 25,
      medical_insurance_duplicate: 25,
      unsafe_house: 32,
      no_safe_water: 33,
      assistance_mismatch: 35,
      id_invalid: 15,
      id_duplicate: 15,
      household_head_count: 15,
      record_missing: 15,
      record_mismatch: 15,
    });
    expect(itemText(20)).toContain('6000元');
    expect(itemText(22)).toContain('失学辍学');
    expect(itemText(25)).toContain('基本医疗保险');
    expect(itemText(32)).toContain('C级或D级危房');
    expect(itemText(33)).toContain('自来水');
    expect(itemText(35)).toContain('低保制度与扶贫开发政策衔接');
    expect(itemText(15)).toContain('账账相符');
  });

  it('describes every rule in Chinese and reads the roll first', () => {
    for (const r of SCREENING_RULES) {
      expect(r.title, r.id).toMatch(/[\u4e00-\u9fff]/);
      expect(r.description.length, r.id).toBeGreaterThan(10);
      expect(r.sources[0], r.id).toBe('national');
      expect(screeningRule(r.id)).toBe(r);
    }
    expect(isRuleId('income_below_line')).toBe(true);
    expect(isRuleId('toString')).toBe(false);
  });
});

describe('rule parameters', () => {
  it('default to the plan values', () => {
    expect(defaultRuleParams('income_below_line')).toEqual({ incomeLine: 6000 });
    expect(defaultRuleParams('school_age_not_enrolled')).toMatchObject({
      schoolAgeMin: 6,
      schoolAgeMax: 15,
      referenceDate: '2019-09-01',
    });
    expect(defaultRuleParams('unsafe_house')).toEqual({ grades: ['C', 'D'], exitedOnly: false });
    expect(defaultRuleParams('record_missing')).toEqual({ against: ['sunshine'] });
    expect(defaultRuleParams('record_mismatch').incomeTolerance).toBe(1);
    expect(defaultRuleParams('id_invalid')).toEqual({});
  });

  it('hand out fresh defaults, so editing one never changes another', () => {
    const a = defaultRuleParams('unsafe_house');
    a.grades.push('B');
    expect(defaultRuleParams('unsafe_house').grades).toEqual(['C', 'D']);
  });

  it('accept the office edits and fill in the rest', () => {
    expect(parseRuleParams('income_below_line', { incomeLine: 6500 })).toEqual({
      ok: true,
      params: { incomeLine: 6500 },
    });
    const r = parseRuleParams('school_age_not_enrolled', { schoolAgeMax: 16, referenceDate: '2020-09-01' });
    expect(r.ok && r.params).toMatchObject({
      schoolAgeMin: 6,
      schoolAgeMax: 16,
      referenceDate: '2020-09-01',
    });
    expect(parseRuleParams('no_safe_water', undefined)).toEqual({ ok: true, params: {} });
  });

  it.each([
    ['income_below_line', { incomeLine: -1 }],
    ['income_below_line', { incomeLine: '6000' }],
    ['income_below_line', { incomeLin: 6000 }],
    ['school_age_not_enrolled', { schoolAgeMin: 16, schoolAgeMax: 15 }],
    ['school_age_not_enrolled', { referenceDate: '2019-02-30' }],
    ['school_age_not_enrolled', { schoolAgeMin: 6.5 }],
    ['unsafe_house', { grades: ['E'] }],
    ['unsafe_house', { grades: [] }],
    ['record_missing', { against: ['national'] }],
    ['record_mismatch', { fields: ['name'] }],
    ['id_invalid', { anything: 1 }],
  ] as [RuleId, unknown][])('refuse %s %j', (id, input) => {
    const r = parseRuleParams(id, input);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.length).toBeGreaterThan(0);
  });

  it('round-trip: whatever they accept, they accept again unchanged', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RULE_IDS),
        fc.record(
          { incomeLine: fc.integer({ min: 1, max: 100_000 }), schoolAgeMax: fc.integer({ min: 6, max: 18 }) },
          {
            requiredKeys: [],
          },
        ),
        (id, edit) => {
          const r = parseRuleParams(id, edit);
          if (!r.ok) return true;
          const again = parseRuleParams(id, r.params);
          return again.ok && JSON.stringify(again.params) === JSON.stringify(r.params);
        },
      ),
    );
  });

  it('read out in a line of Chinese', () => {
    expect(describeRuleParams('income_below_line', defaultRuleParams('income_below_line'))).toBe(
      '脱贫标准：年人均纯收入6000元',
    );
    expect(
      describeRuleParams('school_age_not_enrolled', defaultRuleParams('school_age_not_enrolled')),
    ).toContain('6至15周岁（以2019-09-01计）');
    expect(describeRuleParams('unsafe_house', defaultRuleParams('unsafe_house'))).toBe(
      '鉴定等级：C、D级；范围：全部建档立卡户',
    );
    expect(describeRuleParams('record_missing', defaultRuleParams('record_missing'))).toBe(
      '比对系统：阳光扶贫监管系统',
    );
    for (const id of RULE_IDS)
      expect(describeRuleParams(id, defaultRuleParams(id)).length).toBeGreaterThan(0);
  });
});
