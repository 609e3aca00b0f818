import type { HTMLAttributes } from 'react';
import type { CheckItem } from '../api/types';

/** antd's onRow type has no room for data-* keys, hence the cast in one place. */
export function testIdRow(testId: string, extra: Record<string, string | number> = {}) {
  return { 'data-testid': testId, ...extra } as HTMLAttributes<HTMLElement>;
}

/** Browser tests count `check-item-row` rows and read the 序号 from `data-seq`. */
export function checkItemRowProps(item: CheckItem): HTMLAttributes<HTMLElement> {
  return testIdRow('check-item-row', { 'data-seq': item.seq });
}
