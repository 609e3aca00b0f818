import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import ReportsGridPage from './ReportsGridPage';

const ReportPage = lazy(() => import('./ReportPage'));

/** Everything under /reports: the units × months grid and one unit's report of one month. */
export default function ReportRoutes() {
  return (
    <Routes>
      <Route index element={<ReportsGridPage />} />
      <Route path=":period/:unitId" element={<ReportPage />} />
      <Route path="*" element={<Navigate to="/reports" replace />} />
    </Routes>
  );
}
