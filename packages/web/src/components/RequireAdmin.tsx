import { isAdmin } from '@paicha/core';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useUser } from '../auth/AuthContext';

/** Admin pages behind a typed-in URL: the server would refuse anyway, this says so plainly. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const user = useUser();
  if (!isAdmin(user.role)) {
    return <Result status="403" title="无权访问" subTitle="此页面仅限领导小组办公室管理员使用。" />;
  }
  return <>{children}</>;
}
