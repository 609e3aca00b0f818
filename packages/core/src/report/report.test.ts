import { describe, expect, it } from 'vitest';
import { LEDGER_TEXT_LISTED, type LedgerProblem, ledgerTexts } from './ledger-texts.js';
import { phoneProblem } from './phone.js';
import { REPORT_RULES, type RuleRow, validateReport } from './rules.js';
import { claimOf, NO_PROBLEM_TEXT, readChineseNumber, statedProblemCount } from './text.js';

const row = (over: Partial<RuleRow> & { found?: number } = {}): RuleRow => ({
  seq: over.seq ?? 13,
  situation: over.situation ?? '',
  measures: over.measures ?? '',
  progress: over.progress ?? '',
  assigned: over.assigned ?? true,
  counts: { found: over.found ?? 0 },
});
const rulesOf = (r: RuleRow) => validateReport([r]).map((v) => v.rule);

describe('what a 排查情况 claims', () => {
  it('reads “nothing found” in its usual wordings', () => {
    for (const t of [
      NO_PROBLEM_TEXT,
      '经排查，未发现问题',
      '暂未发现相关问题。',
      '没有发现此类问题',
      '无',
      '／',
      '发现问题0个',
    ])
      expect(claimOf(t), t).toBe('none');
  });

  it('reads problems found, with or without a number, even beside “其余未发现问题”', () => {
    expect(claimOf('经排查，发现问题3个，已整改2个')).toBe('problems');
    expect(claimOf('排查发现部分农户存在住房安全问题')).toBe('problems');
    expect(claimOf('发现问题十二条；其余村未发现问题')).toBe('problems');
    expect(claimOf('已组织各村开展排查')).toBe('other');
    expect(claimOf('  \n ')).toBe('blank');
  });

  it('reads the number of problems stated, in digits or Chinese numerals', () => {
    expect(statedProblemCount('共发现问题 10 个')).toBe(10);
    expect(statedProblemCount('排查出5个问题')).toBe(5);
    expect(statedProblemCount('共发现各类问题十二条')).toBe(12);
    expect(statedProblemCount('发现问题３处')).toBe(3);
    expect(statedProblemCount('经排查，未发现问题')).toBeNull();
    expect(readChineseNumber('二十')).toBe(20);
    expect(readChineseNumber('一百零五')).toBe(105);
    expect(readChineseNumber('若干')).toBeNull();
  });
});

describe('the 月报表 validation rules', () => {
  it('are declared once with a Chinese name and instruction each', () => {
    expect(new Set(REPORT_RULES.map((r) => r.id)).size).toBe(REPORT_RULES.length);
    for (const r of REPORT_RULES) expect(r.name && r.instruction && r.message).toBeTruthy();
  });

  it('refuses an empty row and leaves a row kept only for the record alone', () => {
    expect(validateReport([row({ seq: 4 })])).toEqual([
      { seq: 4, rule: 'situation_blank', severity: 'error', message: '排查情况未填写' },
    ]);
    expect(validateReport([row({ assigned: false })])).toEqual([]);
  });

  it('flags “未发现问题” while the ledger has problems for the unit and item', () => {
    const v = validateReport([
      row({ situation: '经排查，未发现问题', measures: '无', progress: '无', found: 10 }),
    ]);
    expect(v.map((x) => x.rule)).toEqual(['none_but_ledger', 'rectification_blank']);
    expect(v[0]).toMatchObject({
      severity: 'warning',
      message: '排查情况写“未发现问题”，但台账中本单位此项有10个问题',
    });
    expect(rulesOf(row({ situation: '经排查，未发现问题', found: 0 }))).toEqual([]);
  });

  it('flags problems written while the ledger has none, and a count that differs', () => {
    expect(rulesOf(row({ situation: '发现问题3个', measures: '整改', progress: '完成', found: 0 }))).toEqual([
      'problems_but_ledger_empty',
    ]);
    const v = validateReport([
      row({ situation: '发现问题3个', measures: '整改', progress: '完成', found: 4 }),
    ]);
    expect(v).toEqual([
      { seq: 13, rule: 'count_differs', severity: 'warning', message: '排查情况写发现3个问题，台账中为4个' },
    ]);
    expect(rulesOf(row({ situation: '发现问题4个', measures: '整改', progress: '完成', found: 4 }))).toEqual(
      [],
    );
    // A description without a number is checked against the ledger only for existence.
    expect(rulesOf(row({ situation: '存在危房问题', measures: '整改', progress: '完成', found: 2 }))).toEqual(
      [],
    );
  });

  it('asks for 整改措施 and 整改进度 where the ledger has problems', () => {
    expect(rulesOf(row({ situation: '发现问题2个', measures: '加固', found: 2 }))).toEqual([
      'rectification_blank',
    ]);
    expect(rulesOf(row({ situation: '已开展排查', found: 0 }))).toEqual([]);
  });
});

describe('texts written from the ledger', () => {
  const problem = (i: number, over: Partial<LedgerProblem> = {}): LedgerProblem => ({
    description: `问题描述${i}`,
    measures: `措施${i}`,
    status: 'rectifying',
    mode: '限期整改',
    deadline: '2020-03-31',
    ...over,
  });
  const figures = { found: 2, rectifying: 1, awaitingReview: 1, rectified: 1, closed: 0, overdue: 1 };

  it('names the problems, their measures and the progress, and passes the rules', () => {
    const t = ledgerTexts(
      figures,
      [problem(1), problem(2, { mode: '立行立改', deadline: null })],
      '2020-02-03',
    );
    expect(t).toEqual({
      situation: '经排查，发现问题2个：1.问题描述1；2.问题描述2。',
      measures: '1.措施1（限2020年3月31日前整改到位）；2.措施2（立行立改）。',
      progress: '截至2020年2月3日，已整改1个（已销号0个、待销号1个），正在整改1个，其中逾期1个。',
    });
    expect(validateReport([{ ...row({ found: 2 }), ...t }])).toEqual([]);
  });

  it('names the first few and points to the ledger for the rest; no measures recorded, none invented', () => {
    const many = Array.from({ length: LEDGER_TEXT_LISTED }, (_, i) => problem(i + 1, { measures: '' }));
    const t = ledgerTexts({ ...figures, found: 25 }, many, '2020-02-03');
    expect(t.situation).toMatch(/^经排查，发现问题25个：1\.问题描述1；.*10\.问题描述10等（详见问题台账）。$/);
    expect(statedProblemCount(t.situation)).toBe(25);
    expect(t.measures).toBe('');
  });

  it('writes a measure shared by several problems once, with their numbers', () => {
    const same = { measures: '逐户核实，当场整改', mode: '立行立改' as const, deadline: null };
    const t = ledgerTexts(
      { ...figures, found: 3 },
      [problem(1, same), problem(2), problem(3, same)],
      '2020-02-03',
    );
    expect(t.measures).toBe('1、3.逐户核实，当场整改（立行立改）；2.措施2（限2020年3月31日前整改到位）。');
  });
});

describe('联系电话', () => {
  it('takes a mobile or a landline with its area code', () => {
    for (const p of [
      '13812345678',
      '+86 138 1234 5678',
      '0518-85882331',
      '0512-12345678',
      '(0518)85882331',
      '010-12345678',
      '0518-85882331-802',
      '',
    ])
      expect(phoneProblem(p), p).toBeNull();
  });

  it('refuses anything else with a message saying what is expected', () => {
    expect(phoneProblem('abc')).toBe(
      '联系电话格式不正确，请填写11位手机号，或带区号的固定电话（如 0518-85882331）',
    );
    expect(phoneProblem('85882331')).toBe('固定电话请加区号，例如 0518-85882331');
    expect(phoneProblem('1381234567')).toBe('手机号应为1开头的11位数字');
    expect(phoneProblem('23812345678')).not.toBeNull();
    expect(phoneProblem('0518-0123456')).not.toBeNull();
  });
});
