// What the phase and milestone editors share: a row's 删除 button that asks first, the 新增 button
// under the table, and the dialog's save through the structure's `run`.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { StructureEdit } from '@paicha/core/api/campaign-structure';
import { Button, Popconfirm } from 'antd';
import type { Structure } from './useStructure';

/** A row's 删除: asks “删除{what}？” first; `label` names the row to a screen reader. */
export function RemoveButton(props: { what: string; label: string; onConfirm: () => unknown }) {
  return (
    <Popconfirm
      title={`删除${props.what}？`}
      okText="删除"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      onConfirm={props.onConfirm}
    >
      <Button size="small" danger icon={<DeleteOutlined />} aria-label={props.label} />
    </Popconfirm>
  );
}

export function AddButton(props: { children: string; onClick: () => void }) {
  return (
    <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={props.onClick}>
      {props.children}
    </Button>
  );
}

/**
 * A dialog's save: `run` has already said how it went (a toast either way), and a refusal throws
 * so that FormModal keeps the dialog open with everything typed (its own message silenced by
 * `explain={() => null}`).
 */
export async function saveEdit(
  structure: Structure,
  done: string,
  send: (edit: StructureEdit) => Promise<unknown>,
): Promise<void> {
  if ((await structure.run(done, send)) === undefined) throw new Error('not saved');
}
