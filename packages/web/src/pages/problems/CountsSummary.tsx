import { Card, Flex, Statistic } from 'antd';
import type { CountsRow } from '../../api/problemTypes';
import { COUNT_COLUMNS, sumCounts } from './countsShared';
import type { Filters } from './ledgerQuery';

interface Props {
  rows: CountsRow[] | undefined;
  /** Whose problems these are: 全区 or the unit's name. */
  scope: string;
  onPick: (filter: Filters) => void;
}

/** The counts above the ledger; clicking a number filters the list to those problems. */
export function CountsSummary({ rows, scope, onPick }: Props) {
  const total = rows ? sumCounts(rows) : undefined;
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="counts-summary">
      {COUNT_COLUMNS.map((c) => (
        <Card
          key={c.key}
          size="small"
          hoverable
          style={{ flex: '1 1 110px', minWidth: 110, cursor: 'pointer' }}
          onClick={() => onPick(c.filter)}
          data-testid={`count-${c.key}`}
        >
          <Statistic
            title={c.key === 'found' ? `${scope}发现问题` : c.label}
            value={total ? total[c.key] : '—'}
            valueStyle={{ color: total?.[c.key] ? c.color : undefined, fontSize: 24 }}
            suffix={total ? '个' : undefined}
          />
        </Card>
      ))}
    </Flex>
  );
}
