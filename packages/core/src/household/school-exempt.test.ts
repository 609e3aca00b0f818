// The plan's 除身体原因不具备学习条件外 against the national system's real 健康状况 values
// (健康 / 长期慢性病 / 患有大病 / 残疾, combinable), DOMAIN.md item 22.
import { describe, expect, it } from 'vitest';
import { defaultRuleParams, isSchoolExempt, parseRuleParams } from './index.js';

const defaults = defaultRuleParams('school_age_not_enrolled');

describe('isSchoolExempt', () => {
  it.each([
    ['非在校生；患有大病', true],
    ['非在校生；残疾', true],
    ['非在校生；长期慢性病、残疾', true],
    ['非在校生；患有大病,残疾', true],
    ['因病休学；健康', true],
    ['送教上门', true],
    ['非在校生；健康', false],
    ['非在校生；长期慢性病', false],
    ['辍学', false],
    ['', false],
  ])('by default: %s → %s', (text, exempt) => {
    expect(isSchoolExempt(text, defaults)).toBe(exempt);
  });

  it('lets the office switch the health values off and keep or clear the words', () => {
    const off = { ...defaults, seriousHealthExempt: false };
    expect(isSchoolExempt('非在校生；患有大病', off)).toBe(false);
    expect(isSchoolExempt('因病休学', off)).toBe(true);
    expect(isSchoolExempt('因病休学', { ...off, exemptKeywords: [] })).toBe(false);
    expect(isSchoolExempt('非在校生；残疾', { ...defaults, exemptKeywords: [] })).toBe(true);
  });

  it('defaults to exempting them, also for parameters saved before the switch existed', () => {
    expect(defaults.seriousHealthExempt).toBe(true);
    const saved = parseRuleParams('school_age_not_enrolled', { exemptKeywords: ['因病'] });
    expect(saved.ok && saved.params.seriousHealthExempt).toBe(true);
  });
});
