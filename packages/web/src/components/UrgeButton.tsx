import { BellOutlined } from '@ant-design/icons';
import { isAdmin } from '@paicha/core';
import { Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useUser } from '../auth/AuthContext';
import { type UrgeDefaults, UrgeModal } from './UrgeModal';

interface Props extends UrgeDefaults {
  /** The unit(s) to remind. */
  units: { id: number; name: string }[];
  label?: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
  testId?: string;
}

/** A 催办 button for the office (nothing for anyone else), opening the prefilled 催办 dialog. */
export function UrgeButton({
  units,
  label = '催办',
  size,
  type,
  testId = 'urge-button',
  ...defaults
}: Props) {
  const user = useUser();
  const [open, setOpen] = useState(false);
  if (!isAdmin(user.role)) return null;
  return (
    <>
      <Button
        size={size}
        type={type}
        icon={<BellOutlined />}
        onClick={(e) => {
          // Inside table cells that are links themselves.
          e.preventDefault();
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid={testId}
      >
        {label}
      </Button>
      {open && (
        // React bubbles events out of the dialog's portal to this button's parents (links, rows).
        // biome-ignore lint/a11y/noStaticElementInteractions: only stops propagation.
        // biome-ignore lint/a11y/useKeyWithClickEvents: only stops propagation.
        <span onClick={(e) => e.stopPropagation()}>
          <UrgeModal units={units} defaults={defaults} onClose={() => setOpen(false)} />
        </span>
      )}
    </>
  );
}
