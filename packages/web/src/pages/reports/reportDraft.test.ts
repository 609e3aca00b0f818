import { describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../api/reports';
import { changedRows, draftOf, inputOf, withCell, withMeta } from './reportDraft';

const row = (seq: number, situation: string) => ({ seq, situation, measures: '', progress: '' });

/** The fields the draft reads; the rest of a report does not matter here. */
const report = (rows: ReturnType<typeof row>[], fillerName = '张三') =>
  ({ fillerName, reviewerName: '', phone: '', rows }) as unknown as MonthlyReport;

describe('the monthly report draft', () => {
  const base = report([row(1, '无'), row(2, '排查中')]);

  it('sends only what the clerk changed, at the given version', () => {
    const typed = withMeta(withCell(draftOf(base), 2, 'situation', '已整改'), 'phone', '0518-1');
    expect(inputOf(typed, draftOf(base), 7)).toEqual({
      version: 7,
      phone: '0518-1',
      rows: [{ seq: 2, situation: '已整改', measures: '', progress: '' }],
    });
  });

  it('sends nothing but the version when nothing changed', () => {
    expect(inputOf(draftOf(base), draftOf(base), 3)).toEqual({ version: 3, rows: [] });
  });

  it('names the rows a newer version changed against the clerk’s base', () => {
    const latest = report([row(1, '无'), row(2, '另一人改过'), row(3, '新增')], '李四');
    expect([...changedRows(base, latest)]).toEqual([2, 3]);
  });

  it('leaves the draft it started from untouched', () => {
    const d = draftOf(base);
    withCell(d, 1, 'measures', '整改措施');
    expect(d.rows[1]?.measures).toBe('');
  });
});
