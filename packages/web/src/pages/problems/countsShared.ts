import type { CountsRow } from '../../api/problemTypes';
import type { Filters } from './ledgerQuery';

export type CountKey =
  | 'found'
  | 'pending'
  | 'inProgress'
  | 'returned'
  | 'awaitingReview'
  | 'closed'
  | 'overdue';

/**
 * The ledger's counts, and the list filter each number stands for. 整改中 is only the problems in
 * progress: 待整改 (nothing done yet) and 已退回 (sent back at review) are numbers of their own.
 */
export const COUNT_COLUMNS: { key: CountKey; label: string; filter: Filters; color?: string }[] = [
  { key: 'found', label: '发现问题', filter: {} },
  { key: 'pending', label: '待整改', filter: { status: 'pending' }, color: '#d46b08' },
  { key: 'inProgress', label: '整改中', filter: { status: 'rectifying' }, color: '#1677ff' },
  { key: 'returned', label: '已退回', filter: { status: 'returned' }, color: '#c41d7f' },
  { key: 'awaitingReview', label: '待销号', filter: { status: 'awaiting_review' }, color: '#722ed1' },
  { key: 'closed', label: '已销号', filter: { status: 'closed' }, color: '#389e0d' },
  { key: 'overdue', label: '逾期', filter: { overdue: '1' }, color: '#cf1322' },
];

export function sumCounts(rows: CountsRow[]): Record<CountKey, number> {
  const total = {
    found: 0,
    pending: 0,
    inProgress: 0,
    returned: 0,
    awaitingReview: 0,
    closed: 0,
    overdue: 0,
  };
  for (const r of rows) for (const k of Object.keys(total) as CountKey[]) total[k] += r[k];
  return total;
}
