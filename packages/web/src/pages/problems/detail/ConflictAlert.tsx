import { Alert, Button } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client';

export function isVersionConflict(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'version_conflict';
}

/**
 * Someone else changed the problem since it was loaded. What the clerk typed stays where it is;
 * loading the latest version only refreshes the version (and what is shown around the form).
 */
export function ConflictAlert({ onReload }: { onReload: () => Promise<unknown> }) {
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  if (reloaded) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="conflict-reloaded"
        message="已载入最新版本"
        description="您填写的内容仍保留，请核对最新情况后再次提交。"
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="version-conflict"
      message="该问题已被他人修改，本次操作未保存"
      description="您填写的内容仍保留在下方，未丢失。请先载入最新版本，核对后再次提交。"
      action={
        <Button
          size="small"
          loading={reloading}
          onClick={async () => {
            setReloading(true);
            await onReload();
            setReloading(false);
            setReloaded(true);
          }}
        >
          载入最新版本
        </Button>
      }
    />
  );
}
