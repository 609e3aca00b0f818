import { describe, expect, it } from 'vitest';
import {
  isHouseholdHead,
  parseAssistanceType,
  parseExitStatus,
  parseHouseholdCategory,
  parseInsuranceType,
  parseSex,
} from './enums.js';
import type { Parsed } from './parsed.js';

const value = <T>(r: Parsed<T>): T | 'error' => (r.ok ? r.value : 'error');

describe('coded fields', () => {
  it.each([
    ['已脱贫', 'exited'],
    ['已脱贫（享受政策）', 'exited'],
    ['稳定脱贫', 'exited'],
    ['是', 'exited'],
    ['未脱贫', 'not_exited'],
    ['否', 'not_exited'],
    ['返贫', 'returned'],
    ['', null],
    ['脱贫中', 'error'],
  ])('exit status %j → %s', (raw, expected) => {
    expect(value(parseExitStatus(raw))).toBe(expected);
  });

  it.each([
    ['一般贫困户', 'general'],
    ['一般低收入农户', 'general'],
    ['低保贫困户', 'dibao'],
    ['低保低收入农户', 'dibao'],
    ['特困供养贫困户', 'tekun'],
    ['五保贫困户', 'tekun'],
    ['', null],
    ['其他', 'error'],
  ])('household category %j → %s', (raw, expected) => {
    expect(value(parseHouseholdCategory(raw))).toBe(expected);
  });

  it.each([
    ['农村低保', 'dibao'],
    ['最低生活保障', 'dibao'],
    ['特困人员供养', 'tekun'],
    ['五保', 'tekun'],
    ['临时救助', 'error'],
  ])('assistance type %j → %s', (raw, expected) => {
    expect(value(parseAssistanceType(raw))).toBe(expected);
  });

  it.each([
    ['城乡居民基本医疗保险', 'resident'],
    ['新农合', 'resident'],
    ['城镇居民医保', 'resident'],
    ['城镇职工基本医疗保险', 'employee'],
    ['职工医保', 'employee'],
    ['城乡居民大病保险', 'serious_illness'],
    ['商业保险', 'error'],
  ])('insurance type %j → %s', (raw, expected) => {
    expect(value(parseInsuranceType(raw))).toBe(expected);
  });

  it.each([
    ['男', 'male'],
    ['女性', 'female'],
    ['M', 'male'],
    ['2', 'female'],
    ['', null],
    ['未知', 'error'],
  ])('sex %j → %s', (raw, expected) => {
    expect(value(parseSex(raw))).toBe(expected);
  });

  it('recognises the household head however the relation is written', () => {
    for (const r of ['户主', ' 户主 ', '本人', '本人（户主）', '02']) expect(isHouseholdHead(r)).toBe(true);
    for (const r of ['配偶', '之子', '长女', '', '户主之妻']) expect(isHouseholdHead(r)).toBe(false);
  });
});
