import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAdmin } from '../../components/RequireAdmin';
import NotificationsPage from './NotificationsPage';

const ReminderSettingsPage = lazy(() => import('./ReminderSettingsPage'));

/** /notifications: the own unit's notices and the office's 已发通知; /notifications/settings: 提醒设置. */
export default function NotificationRoutes() {
  return (
    <Routes>
      <Route index element={<NotificationsPage />} />
      <Route
        path="settings"
        element={
          <RequireAdmin>
            <ReminderSettingsPage />
          </RequireAdmin>
        }
      />
      <Route path="*" element={<Navigate to="/notifications" replace />} />
    </Routes>
  );
}
