// Synthetic household data for the screening benchmark and the N = 10,000 test: N people in
// households of 1–5 (2.5 on average) across the example streets, projected into the seven
// sources so that they agree everywhere — except in the households where one known problem is
// planted. Streaming: one household at a time, so a million people take no memory but the
// planted list. The expected finding keys use the screening's key format (rule:household or
// rule:person).
import { EXAMPLE_STREETS, idCheckCharacter, type RuleId } from '@paicha/core';

export interface Planted {
  rule: RuleId;
  key: string;
  householdId: string;
  idNumber: string | null;
}

interface Person {
  id: string;
  name: string;
  relation: string;
  child: boolean;
  schoolAge: boolean;
  schoolStatus: string;
  /** 健康状况 as the national system writes it; 健康 when unset. */
  health?: string;
  lowIncome: boolean;
  extreme: boolean;
}

export interface Household {
  index: number;
  id: string;
  township: string;
  village: string;
  category: string;
  exited: boolean;
  income: number;
  members: Person[];
  /** Which sources differ from the truth, set by the planted problem. */
  plant: number;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国'.split('');
const SIZES = [1, 2, 3, 4, 2, 3, 2, 3]; // mean 2.5
const DAY = 86_400_000;

/** Buckets of households (index mod 200) that carry one planted problem each. */
export const PLANTS = {
  incomeBelowLine: 1,
  unsafeHouse: 2,
  noWater: 3,
  twoHeads: 4,
  householdMissingInSunshine: 5,
  personMissingInSunshine: 6,
  sizeMismatch: 7,
  exitMismatch: 8,
  incomeMismatch: 9,
  childOutOfSchool: 10,
  childExemptForHealth: 11, // control: must NOT be found
  noInsurance: 12,
  doubleInsurance: 13,
  dibaoNotInCivil: 14,
  tekunNotInRoll: 15,
  invalidId: 16,
  duplicateId: 17,
  unmatchedTownship: 18,
  extraPersonInSunshine: 19,
  dibaoMismatchSunshine: 20,
} as const;

function date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function idFor(p: number, birth: string, area = '320703'): string {
  const first17 = `${area}${birth.replaceAll('-', '')}${String(p % 1000).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** Someone 阳光扶贫 lists in the household and the roll does not: born before any roll member. */
export function extraPersonId(household: number): string {
  return idFor(household, date(Date.UTC(1925, 0, 1) + Math.floor(household / 1000) * DAY));
}

/** A wrong check character: what a typo in the source system looks like. */
function corrupt(id: string): string {
  const c = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + c;
}

export function* households(people: number, options: { unmatchedTownship?: boolean } = {}) {
  let p = 0;
  for (let h = 0; p < people; h++) {
    const plant = h % 200;
    let size = SIZES[h % SIZES.length] ?? 2;
    if (plant === PLANTS.childOutOfSchool || plant === PLANTS.childExemptForHealth) size = Math.max(size, 3);
    if (plant === PLANTS.twoHeads || plant === PLANTS.duplicateId) size = Math.max(size, 2);
    size = Math.min(size, people - p);
    const streetIndex = h % EXAMPLE_STREETS.length;
    let township: string = EXAMPLE_STREETS[streetIndex] ?? '中云街道';
    // Some exports drop the 街道 suffix: matched to the street all the same.
    if (h % 7 === 3) township = township.replace(/街道$/, '');
    if (options.unmatchedTownship && plant === PLANTS.unmatchedTownship) township = '新坝镇';
    const category = h % 10 === 0 ? 'dibao' : h % 10 === 1 ? 'tekun' : 'general';
    const exited = h % 5 !== 0;
    const income = exited ? 8000 + ((h * 37) % 9000) : 3000 + (h % 2500);
    const members: Person[] = [];
    for (let m = 0; m < size; m++, p++) {
      const child = m >= 2;
      let birth: string;
      let area = '320703';
      // Distinct (birth date, sequence) per person: 7k + 7919s is injective in k below the range.
      const k = Math.floor(p / 1000);
      const mix = k * 7 + (p % 1000) * 7919;
      if (!child) birth = date(Date.UTC(1940, 0, 1) + (mix % 19_000) * DAY);
      else if (m === 2 && (plant === PLANTS.childOutOfSchool || plant === PLANTS.childExemptForHealth)) {
        // k % 3000 days from 2004-01-01: school age on the reference date, and unique per k up
        // to N = 3 M (k % 700 repeated IDs from N = 700,000 on: spurious duplicate-ID findings).
        birth = date(Date.UTC(2004, 0, 1) + (k % 3000) * DAY);
        area = '320704';
      } else birth = date(Date.UTC(2001, 0, 1) + (mix % 6_000) * DAY);
      // 6–15 周岁 on 2019-09-01 ⇔ born 2003-09-02 … 2013-09-01.
      const schoolAge = birth >= '2003-09-02' && birth <= '2013-09-01';
      const name = `${SURNAMES[p % SURNAMES.length]}${GIVEN[(p * 7) % GIVEN.length]}${m >= 2 ? (GIVEN[(p * 3) % GIVEN.length] ?? '') : ''}`;
      members.push({
        id: idFor(p, birth, area),
        name,
        relation: m === 0 ? '户主' : m === 1 ? '配偶' : '子女',
        child,
        schoolAge,
        schoolStatus: schoolAge ? '在校生' : '非在校生',
        lowIncome: category === 'dibao',
        extreme: category === 'tekun',
      });
    }
    yield {
      index: h,
      id: `3207031${String(h).padStart(9, '0')}`,
      township,
      village: `${township.slice(0, 2)}村`,
      category,
      exited,
      income,
      members,
      plant,
    } satisfies Household;
  }
}

/** Applies the household's planted problem to the truth and says which finding it must give. */
export function plant(hh: Household, options: { unmatchedTownship?: boolean } = {}): Planted[] {
  const head = hh.members[0];
  const at = (rule: RuleId, person?: Person): Planted => ({
    rule,
    key: person ? `${rule}:${person.id}` : `${rule}:${hh.id}`,
    householdId: hh.id,
    idNumber: person && !person.id.endsWith('*') ? person.id : null,
  });
  if (!head) return [];
  const P = PLANTS;
  switch (hh.plant) {
    case P.incomeBelowLine:
    case P.unmatchedTownship:
      if (hh.plant === P.unmatchedTownship && !options.unmatchedTownship) return [];
      hh.exited = true;
      hh.income = 4500;
      return [at('income_below_line')];
    case P.unsafeHouse:
      return [at('unsafe_house')];
    case P.noWater:
      return [at('no_safe_water')];
    case P.twoHeads: {
      const second = hh.members[1];
      if (second) second.relation = '户主';
      return [at('household_head_count')];
    }
    case P.householdMissingInSunshine:
    case P.personMissingInSunshine:
    case P.extraPersonInSunshine:
      return [at('record_missing')];
    case P.sizeMismatch:
    case P.exitMismatch:
    case P.incomeMismatch:
    case P.dibaoMismatchSunshine:
      if (hh.plant === P.exitMismatch) hh.exited = true;
      return [at('record_mismatch')];
    case P.childOutOfSchool: {
      const child = hh.members[2];
      if (!child) return [];
      child.schoolStatus = '辍学';
      return [at('school_age_not_enrolled', child)];
    }
    case P.childExemptForHealth: {
      // Exempt (除身体原因不具备学习条件外) in the three ways real files say it: an office's note in
      // 在校生状况, or the national system's own 健康状况 values, alone or combined.
      const child = hh.members[2];
      if (!child) return [];
      const way = hh.index % 3;
      if (way === 0) child.schoolStatus = '因病休学';
      else {
        child.schoolStatus = '非在校生';
        child.health = way === 1 ? '患有大病' : '长期慢性病、残疾';
      }
      return [];
    }
    case P.noInsurance:
      return [at('medical_insurance_missing', head)];
    case P.doubleInsurance:
      return [at('medical_insurance_duplicate', head)];
    case P.dibaoNotInCivil:
      head.lowIncome = true;
      return [at('assistance_mismatch', head)];
    case P.tekunNotInRoll:
      return [at('assistance_mismatch', head)];
    case P.invalidId:
      head.id = corrupt(head.id);
      return [{ ...at('id_invalid', head), idNumber: null }];
    case P.duplicateId: {
      const second = hh.members[1];
      if (second) second.id = head.id;
      return [at('id_duplicate', head)];
    }
    default:
      return [];
  }
}
