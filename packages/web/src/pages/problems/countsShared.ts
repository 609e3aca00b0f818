import type { CountsRow } from '../../api/problemTypes';
import type { Filters } from './ledgerQuery';

export type CountKey = 'found' | 'rectifying' | 'awaitingReview' | 'closed' | 'overdue';

/** The five numbers of the ledger's counts, and the list filter each number stands for. */
export const COUNT_COLUMNS: { key: CountKey; label: string; filter: Filters; color?: string }[] = [
  { key: 'found', label: '发现问题', filter: {} },
  { key: 'rectifying', label: '整改中', filter: { status: 'pending,rectifying,returned' }, color: '#1677ff' },
  { key: 'awaitingReview', label: '待销号', filter: { status: 'awaiting_review' }, color: '#722ed1' },
  { key: 'closed', label: '已销号', filter: { status: 'closed' }, color: '#389e0d' },
  { key: 'overdue', label: '逾期', filter: { overdue: '1' }, color: '#cf1322' },
];

export function sumCounts(rows: CountsRow[]): Record<CountKey, number> {
  const total = { found: 0, rectifying: 0, awaitingReview: 0, closed: 0, overdue: 0 };
  for (const r of rows) for (const k of Object.keys(total) as CountKey[]) total[k] += r[k];
  return total;
}
