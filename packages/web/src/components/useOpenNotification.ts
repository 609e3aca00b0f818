import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { type AppNotification, notificationsApi, notificationsChanged } from '../api/notifications';
import { useAction } from '../hooks/useAction';
import { safeLink } from './NotificationItem';

/** Opening a notification marks it read and goes to the page it is about. */
export function useOpenNotification() {
  const navigate = useNavigate();
  const markRead = useAction(async (id: number) => {
    await notificationsApi.read([id]);
    notificationsChanged();
  });
  const { run } = markRead;
  return useCallback(
    (n: AppNotification) => {
      if (!n.readAt) void run(n.id);
      navigate(safeLink(n.link));
    },
    [navigate, run],
  );
}
