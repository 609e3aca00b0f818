// Reordering a table's rows by dragging, for tables whose rows carry a 序号 (1..n) and whose
// move is one server call ("row at seq → to"). Native HTML drag and drop: a handle in the first
// column starts the drag, the row under the pointer is where it lands (a line shows above or
// below it). The handle is a button too: focused, ↑/↓ move the row one place, so the order can
// be changed without a mouse. The move buttons of each table stay beside it.
import { HolderOutlined } from '@ant-design/icons';
import type { ColumnType } from 'antd/es/table';
import { type CSSProperties, type DragEvent, type HTMLAttributes, type KeyboardEvent, useState } from 'react';

const LINE = '2px solid #1677ff';

export function useDragRows<T>(opts: {
  seqOf: (row: T) => number;
  count: number;
  /** What the handle is called for a screen reader, e.g. `第3项`. */
  name: (row: T) => string;
  /** Move the row at 序号 `from` to `to` (the rows between shift by one). */
  onMove: (from: number, to: number) => void;
  disabled?: boolean;
}) {
  const [from, setFrom] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const end = () => {
    setFrom(null);
    setOver(null);
  };

  const handle: ColumnType<T> = {
    key: 'drag',
    width: 36,
    align: 'center',
    render: (_, row) => {
      const seq = opts.seqOf(row);
      const key = (e: KeyboardEvent) => {
        const to = e.key === 'ArrowUp' ? seq - 1 : e.key === 'ArrowDown' ? seq + 1 : 0;
        if (to < 1 || to > opts.count) return;
        e.preventDefault();
        opts.onMove(seq, to);
        // Rows are keyed by 序号: the handle at `to` is the moved row's once the table reloads, so
        // the keyboard stays with the row it is moving.
        const target = e.currentTarget
          .closest('tbody')
          ?.querySelector<HTMLElement>(`[data-drag-seq="${to}"]`);
        target?.focus();
      };
      return (
        <button
          type="button"
          tabIndex={opts.disabled ? -1 : 0}
          aria-label={`拖动${opts.name(row)}调整顺序，或按上下方向键移动`}
          title="拖动调整顺序（聚焦后可按 ↑ ↓ 移动）"
          data-testid="drag-handle"
          data-drag-seq={seq}
          draggable={!opts.disabled}
          onKeyDown={key}
          onDragStart={(e: DragEvent) => {
            e.dataTransfer.effectAllowed = 'move';
            // Firefox starts no drag without data.
            e.dataTransfer.setData('text/plain', String(seq));
            setFrom(seq);
          }}
          onDragEnd={end}
          disabled={opts.disabled}
          style={{
            cursor: opts.disabled ? 'not-allowed' : 'grab',
            padding: 4,
            border: 0,
            background: 'none',
          }}
        >
          <HolderOutlined />
        </button>
      );
    },
  };

  /** Props for a row: a drop target while a row is dragged. */
  function rowProps(row: T): HTMLAttributes<HTMLElement> {
    const seq = opts.seqOf(row);
    const style: CSSProperties =
      from !== null && over === seq && from !== seq
        ? from < seq
          ? { boxShadow: 'inset 0 -2px 0 0 #1677ff', borderBottom: LINE }
          : { boxShadow: 'inset 0 2px 0 0 #1677ff', borderTop: LINE }
        : {};
    return {
      style: { ...style, opacity: from === seq ? 0.5 : 1 },
      onDragOver: (e) => {
        if (from === null) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (over !== seq) setOver(seq);
      },
      onDrop: (e) => {
        e.preventDefault();
        const start = from;
        end();
        if (start !== null && start !== seq) opts.onMove(start, seq);
      },
    };
  }

  return { handle, rowProps, from };
}
