// The four rules that merge several rows into one finding (record_missing, record_mismatch,
// id_invalid, id_duplicate) over hand-made edge cases on both databases: a 17-digit ID, the same
// 15-digit ID in both lists (no finding), an ID repeated in the roll and in 阳光扶贫, an invalid ID in
// three lists, two 阳光扶贫 people of a household the roll lacks, a household with differences
// in both its own fields and a member's. Each finding's words and data are pinned; and with
// thousands of findings each rule hands them over a page at a time (the run never holds them all).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultRuleParams, type HouseholdSource, idCheckCharacter } from '@paicha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import type { Found } from '../findings/types.js';
import { runImport } from '../import/import.service.js';
import { currentImports } from '../import/imports.repository.js';
import { ScreeningSql } from './screening.repository.js';
import { RULES, type RuleFn } from './screening-rules.repository.js';

const id = (seq: number) => {
  const first17 = `32070319800101${String(seq).padStart(3, '0')}`;
  return `${first17}${idCheckCharacter(first17)}`;
};
const a = id(1);
const badCheck = `${a.slice(0, 17)}${a[17] === '0' ? '1' : '0'}`;
const NATIONAL = [
  '户编号,姓名,证件号码,与户主关系,乡(镇),行政村,家庭人口数,贫困户属性,脱贫属性,人均纯收入,是否享受低保',
  `H1,甲,${a},户主,中云街道,东村,3,一般贫困户,已脱贫,8000,否`,
  `H1,乙,${id(2)},之子,中云街道,东村,3,一般贫困户,已脱贫,8000,否`,
  `H1,丙,${id(3)},之女,中云街道,东村,3,一般贫困户,已脱贫,8000,否`,
  `H2,丁,${id(4)},户主,中云街道,西村,2,一般贫困户,已脱贫,8000,否`,
  'H2,戊,32070319800101005,之子,中云街道,西村,2,一般贫困户,已脱贫,8000,否',
  'H3,己,320703800101123,户主,猴嘴街道,南村,1,一般贫困户,已脱贫,8000,否',
  `H4,庚,${id(7)},户主,猴嘴街道,南村,2,一般贫困户,已脱贫,8000,否`,
  `H4,辛,${id(7)},之子,猴嘴街道,南村,2,一般贫困户,已脱贫,8000,否`,
  `H5,壬,${badCheck},户主,猴嘴街道,北村,1,一般贫困户,已脱贫,8000,否`,
  `H6,癸,${id(10)},户主,猴嘴街道,北村,1,一般贫困户,已脱贫,8000,否`,
];
const SUNSHINE = [
  '乡镇(街道),村(社区),户编号,成员姓名,身份证号码,与户主关系,家庭人口,户类型,脱贫状态,年人均收入,是否享受低保',
  `中云街道,东村,H1,甲,${a},户主,4,一般贫困户,已脱贫,8000,否`,
  `中云街道,东村,H1,乙,${id(2)},之子,4,一般贫困户,已脱贫,8000,是`,
  `中云街道,东村,H1,子,${id(11)},之女,4,一般贫困户,已脱贫,8000,否`,
  `中云街道,西村,H2,丁,${id(4)},户主,2,一般贫困户,已脱贫,8000,否`,
  '猴嘴街道,南村,H3,己,320703800101123,户主,1,一般贫困户,已脱贫,8000,否',
  `猴嘴街道,南村,H4,庚,${id(7)},户主,2,一般贫困户,已脱贫,8000,否`,
  `猴嘴街道,南村,H4,辛,${id(7)},之子,2,一般贫困户,未脱贫,8000,否`,
  `猴嘴街道,北村,H5,壬,${badCheck},户主,1,一般贫困户,已脱贫,8000,否`,
  `猴嘴街道,北村,H9,丑,${id(12)},户主,1,一般贫困户,已脱贫,8000,否`,
  `猴嘴街道,北村,H9,寅,${id(13)},户主,1,一般贫困户,已脱贫,8000,否`,
];
const MEDICAL = ['参保人姓名,参保人身份证号,险种,参保状态', `壬,${badCheck},城乡居民基本医疗保险,正常`];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'paicha-merge-'));
  writeFileSync(path.join(dir, 'national.csv'), `${NATIONAL.join('\n')}\n`);
  writeFileSync(path.join(dir, 'sunshine.csv'), `${SUNSHINE.join('\n')}\n`);
  writeFileSync(path.join(dir, 'medical.csv'), `${MEDICAL.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MERGING = ['record_missing', 'record_mismatch', 'id_invalid', 'id_duplicate'] as const;

const EXPECTED = {
  record_missing: [
    {
      key: 'record_missing:H1',
      householdId: 'H1',
      idNumber: null,
      township: '中云街道',
      village: '东村',
      detail:
        '成员*（3207**********0031）在全国扶贫开发信息系统中有、在阳光扶贫监管系统中无；成员*（3207**********0111）在阳光扶贫监管系统中有、在全国扶贫开发信息系统中无',
      data: {
        differences: 2,
        people: [
          ['丙', '320703198001010031'],
          ['子', '320703198001010111'],
        ],
      },
    },
    {
      key: 'record_missing:H2',
      householdId: 'H2',
      idNumber: null,
      township: '中云街道',
      village: '西村',
      detail: '成员*（3207*********1005）在全国扶贫开发信息系统中有、在阳光扶贫监管系统中无',
      data: { differences: 1, people: [['戊', '32070319800101005']] },
    },
    {
      key: 'record_missing:H6',
      householdId: 'H6',
      idNumber: null,
      township: '猴嘴街道',
      village: '北村',
      detail: '该户（1人）在全国扶贫开发信息系统中有、在阳光扶贫监管系统中无',
      data: { differences: 1 },
    },
    {
      key: 'record_missing:H9',
      householdId: 'H9',
      idNumber: null,
      township: '猴嘴街道',
      village: '北村',
      detail:
        '人员*（3207**********012X）（户编号H9，该户不在全国扶贫开发信息系统中）在阳光扶贫监管系统中有、在全国扶贫开发信息系统中无；人员*（3207**********0138）（户编号H9，该户不在全国扶贫开发信息系统中）在阳光扶贫监管系统中有、在全国扶贫开发信息系统中无',
      data: {
        differences: 2,
        people: [
          ['丑', '32070319800101012X'],
          ['寅', '320703198001010138'],
        ],
      },
    },
  ],
  record_mismatch: [
    {
      key: 'record_mismatch:H1',
      householdId: 'H1',
      idNumber: null,
      township: '中云街道',
      village: '东村',
      detail:
        '家庭人口数：全国扶贫开发信息系统为3，阳光扶贫监管系统为4；成员*（3207**********0023）是否享受低保：全国扶贫开发信息系统为否，阳光扶贫监管系统为是',
      data: { differences: 2, people: [['乙', '320703198001010023']] },
    },
    {
      key: 'record_mismatch:H4',
      householdId: 'H4',
      idNumber: null,
      township: '猴嘴街道',
      village: '南村',
      detail: '脱贫状态：全国扶贫开发信息系统为已脱贫，阳光扶贫监管系统为未脱贫',
      data: { differences: 1 },
    },
  ],
  id_invalid: [
    {
      key: 'id_invalid:320703198001010010',
      householdId: 'H5',
      idNumber: null,
      township: '猴嘴街道',
      village: '北村',
      detail:
        '*（3207**********0010）的证件号码无效：校验位错误（全国扶贫开发信息系统、阳光扶贫监管系统、医疗保险参保）',
      data: {
        reason: 'checksum',
        sources: ['national', 'sunshine', 'medical'],
        people: [['壬', '320703198001010010']],
      },
    },
    {
      key: 'id_invalid:32070319800101005',
      householdId: 'H2',
      idNumber: null,
      township: '中云街道',
      village: '西村',
      detail:
        '*（3207*********1005）的证件号码无效：证件号码位数错误（应为18位，或15位旧号码、20位残疾人证号）（全国扶贫开发信息系统）',
      data: { reason: 'length', sources: ['national'], people: [['戊', '32070319800101005']] },
    },
  ],
  id_duplicate: [
    {
      key: 'id_duplicate:320703198001010074',
      householdId: 'H4',
      idNumber: '320703198001010074',
      township: '猴嘴街道',
      village: '南村',
      detail:
        '*（3207**********0074）的证件号码重复出现4次：全国扶贫开发信息系统第8行（户编号H4）、全国扶贫开发信息系统第9行（户编号H4）、阳光扶贫监管系统第7行（户编号H4）、阳光扶贫监管系统第8行（户编号H4）',
      data: { households: ['H4'], people: [['庚', '320703198001010074']] },
    },
  ],
};

/** A household of two members under one ID whose check character is wrong, and its pair in 阳光扶贫. */
function manyDifferences(households: number, inSunshine: number): { national: string; sunshine: string } {
  const national = [NATIONAL[0]];
  const sunshine = [SUNSHINE[0]];
  for (let i = 0; i < households; i++) {
    const first17 = `32070319${50 + Math.floor(i / 1000)}0101${String(i % 1000).padStart(3, '0')}`;
    const bad = `${first17}${idCheckCharacter(first17) === '0' ? '1' : '0'}`;
    const hh = `B${String(i).padStart(4, '0')}`;
    for (const relation of ['户主', '之子'])
      national.push(`${hh},某,${bad},${relation},中云街道,东村,2,一般贫困户,已脱贫,8000,否`);
    if (i < inSunshine) sunshine.push(`中云街道,东村,${hh},某,${bad},户主,3,一般贫困户,已脱贫,8000,否`);
  }
  return { national: `${national.join('\n')}\n`, sunshine: `${sunshine.join('\n')}\n` };
}

describe.each(DIALECTS)('merging rules on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    for (const source of ['national', 'sunshine', 'medical'] as HouseholdSource[])
      await load(source, path.join(dir, `${source}.csv`));
  });
  afterAll(async () => t?.close());

  async function load(source: HouseholdSource, file: string): Promise<void> {
    const r = await runImport(t.ctx, {
      source,
      path: file,
      fileName: `${source}.csv`,
      format: 'csv',
      actorId: null,
    });
    expect(r.status, JSON.stringify(r.errors.slice(0, 3))).toBe('committed');
  }

  /** Each rule's findings and the pages it handed them over in. */
  async function screen(): Promise<Record<string, { found: Found[]; pages: number[] }>> {
    const imports = await currentImports(t.ctx.db);
    const out: Record<string, { found: Found[]; pages: number[] }> = {};
    await t.ctx.db.transaction().execute(async (trx) => {
      const q = new ScreeningSql(trx, imports, dialect);
      await q.prepareHouseholds();
      for (const rule of MERGING) {
        const got = { found: [] as Found[], pages: [] as number[] };
        await (RULES[rule].run as RuleFn)(q, defaultRuleParams(rule), async (page) => {
          got.found.push(...page);
          got.pages.push(page.length);
        });
        got.found.sort((x, y) => x.key.localeCompare(y.key));
        out[rule] = got;
      }
      await q.dropTemp();
    });
    return out;
  }

  it('merges each household’s or ID’s rows into one finding, worded as before', async () => {
    const got = await screen();
    for (const rule of MERGING)
      expect(
        got[rule]?.found.map((f) => ({
          key: f.key,
          householdId: f.householdId,
          idNumber: f.idNumber,
          township: f.township,
          village: f.village,
          detail: f.detail,
          data: f.data,
        })),
      ).toEqual(EXPECTED[rule]);
  });

  it('hands thousands of merged findings over a page at a time', async () => {
    const files = manyDifferences(2500, 1200);
    for (const source of ['national', 'sunshine'] as const) {
      writeFileSync(path.join(dir, `many-${dialect}-${source}.csv`), files[source]);
      await load(source, path.join(dir, `many-${dialect}-${source}.csv`));
    }
    const got = await screen();
    // 1,300 households absent from 阳光扶贫, 1,200 whose size differs, 2,500 invalid and repeated
    // IDs (and the medical list's invalid one).
    const want = { record_missing: 1300, record_mismatch: 1200, id_invalid: 2501, id_duplicate: 2500 };
    for (const rule of MERGING) {
      const { found, pages } = got[rule] ?? { found: [], pages: [] };
      expect(new Set(found.map((f) => f.key)).size, rule).toBe(want[rule]);
      expect(Math.max(...pages), rule).toBeLessThanOrEqual(1000);
      expect(pages.filter((n) => n > 0).length, rule).toBeGreaterThan(1);
    }
    expect(got.id_duplicate?.found[0]?.detail).toMatch(
      /重复出现2次：全国扶贫开发信息系统第(\d+)行（户编号B0000）、全国扶贫开发信息系统第\d+行（户编号B0000）$/,
    );
  });
});
