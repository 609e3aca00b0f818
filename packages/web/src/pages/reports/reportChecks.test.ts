import { describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../api/reports';
import { checksOf, lateNotice, ledgerFill, noProblemFill } from './reportChecks';

const texts = (situation: string, measures = '', progress = '') => ({ situation, measures, progress });
const counts = (found: number) => ({
  found,
  rectifying: 0,
  awaitingReview: 0,
  rectified: 0,
  closed: 0,
  overdue: 0,
});
const view = {
  validation: [],
  rows: [
    { seq: 1, assigned: true, counts: counts(0), ...texts('') },
    { seq: 13, assigned: true, counts: counts(3), ...texts('经排查，未发现问题') },
    { seq: 20, assigned: false, counts: counts(0), ...texts('') },
  ],
} as unknown as MonthlyReport;

describe('the monthly report checks on the page', () => {
  it('checks what is typed while editing, and shows the server’s answer otherwise', () => {
    const typed = { 1: texts('经排查，未发现问题。'), 13: texts('发现问题3个', '整改', '整改中') };
    expect(checksOf(view, typed, true)).toEqual([]);
    expect(checksOf(view, {}, true).map((v) => `${v.seq}:${v.rule}`)).toEqual([
      '1:situation_blank',
      '13:none_but_ledger',
      '13:rectification_blank',
    ]);
    expect(checksOf(view, typed, false)).toBe(view.validation);
  });

  it('says a first submission after the deadline is late, by how many days, with the deadline as a Chinese date', () => {
    expect(lateNotice({ dueDate: '2020-01-04', today: '2020-01-07', firstSubmittedAt: null })).toBe(
      '已超过报送截止日期（2020年1月4日）3天，现在报送将记为逾期报送。',
    );
    expect(lateNotice({ dueDate: '2020-01-04', today: '2020-01-04', firstSubmittedAt: null })).toBeNull();
    expect(
      lateNotice({ dueDate: '2020-01-04', today: '2020-01-09', firstSubmittedAt: '2020-01-03T01:00:00Z' }),
    ).toBeNull();
  });

  it('fills empty cells from the ledger at once and asks before overwriting a typed one', () => {
    const ledger = [
      { seq: 8, ...texts('发现问题2个：1.甲；2.乙。', '1.措施', '截至…') },
      { seq: 13, ...texts('发现问题3个：…', '', '截至…') },
    ];
    const { safe, overwrites } = ledgerFill(
      { 8: texts(''), 13: texts('经排查，未发现问题', '已布置整改') },
      ledger,
    );
    expect(safe).toEqual([
      { seq: 8, texts: texts('发现问题2个：1.甲；2.乙。', '1.措施', '截至…') },
      { seq: 13, texts: texts('经排查，未发现问题', '已布置整改', '截至…') },
    ]);
    // The ledger has no measures for 13: the typed ones stay even when overwriting.
    expect(overwrites).toEqual([{ seq: 13, texts: texts('发现问题3个：…', '已布置整改', '截至…') }]);
  });

  it('fills 未发现问题 only into empty rows of assigned items the ledger has no problems for', () => {
    expect(noProblemFill(view, {})).toEqual([{ seq: 1, texts: texts('经排查，未发现问题。') }]);
    expect(noProblemFill(view, { 1: texts('已组织排查') })).toEqual([]);
  });
});
