import { App } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client';
import { type AppNotification, notificationsApi, notificationsChanged } from '../api/notifications';
import { safeLink } from './NotificationItem';

/** Opening a notification marks it read and goes to the page it is about. */
export function useOpenNotification() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  return useCallback(
    (n: AppNotification) => {
      if (!n.readAt)
        notificationsApi.read([n.id]).then(notificationsChanged, (e) => message.error(errorMessage(e)));
      navigate(safeLink(n.link));
    },
    [navigate, message],
  );
}
