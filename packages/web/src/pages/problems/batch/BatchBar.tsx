import { Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Problem } from '../../../api/problemTypes';
import type { SessionUser } from '../../../api/types';
import { BatchModal } from './BatchModal';
import { BATCH_LABELS, type BatchKind, batchBlockedBy, batchKindsFor } from './batchRules';

interface Props {
  user: SessionUser;
  selected: Problem[];
  onClear: () => void;
  onDrop: (ids: number[]) => void;
  /** The batch went through: the list reloads. */
  onDone: () => void;
}

/** “已选 N 项” and the batch steps the user may take on them; a step that cannot apply says why. */
export function BatchBar({ user, selected, onClear, onDrop, onDone }: Props) {
  const [open, setOpen] = useState<BatchKind>();
  if (selected.length === 0) return null;
  return (
    <div
      data-testid="batch-bar"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        padding: '8px 12px',
        marginBottom: 12,
        background: '#e6f4ff',
        border: '1px solid #91caff',
        borderRadius: 6,
      }}
    >
      <Typography.Text strong data-testid="batch-count" data-count={selected.length}>
        已选 {selected.length} 项
      </Typography.Text>
      <Space wrap>
        {batchKindsFor(user).map((kind) => {
          const blocked = batchBlockedBy(kind, user, selected);
          return (
            <Tooltip key={kind} title={blocked}>
              <Button
                type={kind === 'close' || kind === 'progress' ? 'primary' : 'default'}
                danger={kind === 'return'}
                disabled={blocked !== null}
                onClick={() => setOpen(kind)}
                data-testid={`batch-${kind}`}
              >
                {BATCH_LABELS[kind]}
              </Button>
            </Tooltip>
          );
        })}
        <Button type="link" onClick={onClear} data-testid="batch-clear">
          取消选择
        </Button>
      </Space>
      {open && (
        <BatchModal
          kind={open}
          problems={selected}
          onClose={() => setOpen(undefined)}
          onDrop={onDrop}
          onDone={() => {
            setOpen(undefined);
            onDone();
          }}
        />
      )}
    </div>
  );
}
