import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAN_CAMPAIGN } from './campaign.js';
import { PLAN_CHECK_ITEMS } from './check-items.js';
import { shiftTemplate } from './shift.js';
import { resolveUnitsText } from './unit-phrases.js';
import { EXAMPLE_STREETS, OFFICE_NAME, PLAN_DEPARTMENTS, type UnitRef } from './units.js';

/** Parses the verbatim copy of the plan's attachment table: one tab-indented cell per line. */
function parseAttachmentTable(): string[][] {
  const text = readFileSync(new URL('./fixtures/attachment-table.txt', import.meta.url), 'utf8');
  const rows: string[][] = [];
  let row: string[] | null = null;
  for (const line of text.split('\n')) {
    if (/^\t\d+$/.test(line)) {
      row = [line.slice(1)];
      rows.push(row);
    } else if (row && line.startsWith('注：')) {
      row = null;
    } else if (row && line.startsWith('\t')) {
      row.push(line.slice(1));
    } else if (row && line.trim() !== '') {
      row[row.length - 1] += `\n${line}`;
    }
  }
  return rows;
}

describe('the plan as data', () => {
  const table = parseAttachmentTable();

  it('has the 37 rows of the attachment table, in 序号 order', () => {
    expect(table).toHaveLength(37);
    expect(PLAN_CHECK_ITEMS.map((i) => i.seq)).toEqual(table.map((r) => Number(r[0])));
  });

  it('keeps every 排查项目 cell, 排查内容 text and 责任单位 cell verbatim', () => {
    table.forEach((row, i) => {
      const item = PLAN_CHECK_ITEMS[i];
      expect(item?.subCategoryCell).toBe(row[1]);
      expect(item?.content).toBe(row[2]);
      expect(item?.unitsText).toBe(row[6]);
      // The report columns 排查情况/整改措施/整改进度 are blank in the template.
      expect(row.slice(3, 6)).toEqual(['', '', '']);
    });
  });

  it('fills merged 排查项目 cells down and groups items as the body does', () => {
    const bySub = (from: number, to: number) => PLAN_CHECK_ITEMS.filter((i) => i.seq >= from && i.seq <= to);
    const expectGroup = (from: number, to: number, sub: string, cat: string) => {
      for (const i of bySub(from, to)) expect([i.seq, i.subCategory, i.category]).toEqual([i.seq, sub, cat]);
    };
    expectGroup(1, 3, '责任落实', '三落实');
    expectGroup(4, 8, '政策落实', '三落实');
    expectGroup(9, 12, '工作落实', '三落实');
    expectGroup(13, 15, '识别精准', '三精准');
    expectGroup(16, 19, '帮扶精准', '三精准');
    expectGroup(20, 21, '退出精准', '三精准');
    expectGroup(22, 24, '义务教育保障', '三保障');
    expectGroup(25, 28, '基本医疗保障', '三保障');
    expectGroup(29, 32, '住房安全保障', '三保障');
    expectGroup(33, 33, '饮水安全保障', '三保障');
    expectGroup(34, 36, '社会保障兜底', '三保障');
    expectGroup(37, 37, '其他方面', '其他方面');
  });

  it('has the four phases and every deadline of the plan', () => {
    expect(PLAN_CAMPAIGN.phases.map((p) => [p.name, p.startDate, p.endDate])).toEqual([
      ['动员部署阶段', '2019-11-28', '2019-12-13'],
      ['问题排查阶段', '2019-12-14', '2019-12-31'],
      ['问题整改阶段', '2020-01-01', '2020-05-31'],
      ['总结提升阶段', '2020-06-01', '2020-06-30'],
    ]);
    expect(PLAN_CAMPAIGN.milestones.map((m) => [m.kind, m.dueDate])).toEqual([
      ['plan', '2019-12-15'],
      ['problem_list', '2019-12-24'],
      ['monthly', '2020-01-04'],
      ['monthly', '2020-02-04'],
      ['monthly', '2020-03-04'],
      ['monthly', '2020-04-04'],
      ['monthly', '2020-05-04'],
      ['monthly', '2020-06-04'],
      ['rectification', '2020-05-31'],
      ['summary', '2020-06-30'],
    ]);
    expect(PLAN_CAMPAIGN.basisDocuments.map((d) => d.docNumber)).toEqual([
      '苏扶办﹝2019﹞60号',
      '连扶组办〔2019〕7号',
    ]);
  });
});

describe('responsible units', () => {
  let id = 0;
  const units: UnitRef[] = [
    { id: ++id, name: OFFICE_NAME, kind: 'office' },
    ...PLAN_DEPARTMENTS.map((name) => ({ id: ++id, name, kind: 'department' as const })),
    ...EXAMPLE_STREETS.map((name) => ({ id: ++id, name, kind: 'street' as const })),
  ];
  const streets = [...EXAMPLE_STREETS];
  const depts = [...PLAN_DEPARTMENTS];
  // The attachment table's 责任单位 column, resolved by hand.
  const expected: Record<number, string[]> = {
    1: streets,
    2: streets,
    3: depts,
    4: streets,
    5: ['区财政局'],
    6: ['区住建局'],
    7: ['区住建局', '区社会事业局'],
    8: [...streets, '资源分局'],
    9: streets,
    10: [...streets, '区人社局'],
    11: ['区财政局', '区社会事业局'],
    12: streets,
    13: streets,
    14: streets,
    15: streets,
    16: [...streets, ...depts],
    17: [...streets, '区社会事业局'],
    18: [...streets, '区人社局'],
    19: streets,
    20: streets,
    21: streets,
  };
  for (const s of [22, 23, 24, 26, 27, 28, 34, 35, 36]) expected[s] = [...streets, '区社会事业局'];
  expected[25] = [...streets, '区人社局'];
  for (const s of [29, 30, 31, 32, 33]) expected[s] = [...streets, '区住建局'];
  expected[37] = [...streets, ...depts];

  it('resolves every 责任单位 cell to real units', () => {
    for (const item of PLAN_CHECK_ITEMS) {
      const { units: got, unknown } = resolveUnitsText(item.unitsText, units);
      expect(unknown, `item ${item.seq}`).toEqual([]);
      expect(got.map((u) => u.name).sort(), `item ${item.seq}`).toEqual(
        [...(expected[item.seq] ?? [])].sort(),
      );
    }
  });

  it('reports a named unit that does not exist instead of dropping it', () => {
    expect(resolveUnitsText('各街道\n区水利局', units).unknown).toEqual(['区水利局']);
  });
});

describe('a new campaign from the template', () => {
  it('shifts every date by the same number of days; monthly reports stay due on the 4th of each month', () => {
    const shifted = shiftTemplate(PLAN_CAMPAIGN, '2026-11-30', '2027年问题大排查');
    expect(shifted.title).toBe('2027年问题大排查');
    expect(shifted.phases[0]?.startDate).toBe('2026-11-30');
    expect(shifted.phases[3]?.endDate).toBe('2027-07-03');
    const monthly = shifted.milestones.filter((m) => m.kind === 'monthly');
    expect(monthly.map((m) => [m.period, m.dueDate, m.title])).toEqual([
      ['2027-01', '2027-01-04', '1月份问题大排查及整改情况月报'],
      ['2027-02', '2027-02-04', '2月份问题大排查及整改情况月报'],
      ['2027-03', '2027-03-04', '3月份问题大排查及整改情况月报'],
      ['2027-04', '2027-04-04', '4月份问题大排查及整改情况月报'],
      ['2027-05', '2027-05-04', '5月份问题大排查及整改情况月报'],
      ['2027-06', '2027-06-04', '6月份问题大排查及整改情况月报'],
    ]);
    expect(shifted.checkItems).toHaveLength(37);
    const rectification = shifted.milestones.find((m) => m.kind === 'rectification');
    expect(rectification?.dueDate).toBe('2027-06-03');
    expect(rectification?.description).toContain('确保6月3日前全部整改到位');
  });
});
