import { Tag } from 'antd';
import type { CheckItem } from '../api/types';

/** An item's responsible units; the printed 责任单位 text shows when no unit is assigned yet. */
export function UnitTags({ item }: { item: Pick<CheckItem, 'units' | 'unitsText'> }) {
  if (!item.units.length) {
    return <Tag color="default">未分配（{item.unitsText.replace(/\n/g, '、') || '无'}）</Tag>;
  }
  return (
    <span>
      {item.units.map((u) => (
        <Tag key={u.id} color="geekblue" style={{ marginBottom: 4 }}>
          {u.name}
        </Tag>
      ))}
    </span>
  );
}
