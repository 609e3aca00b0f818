import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';

const DashboardPage = lazy(() => import('./DashboardPage'));
const ScorecardPage = lazy(() => import('./ScorecardPage'));
const CircularsPage = lazy(() => import('./CircularsPage'));
const CircularPage = lazy(() => import('./CircularPage'));

/** Everything under /supervision: the dashboard, the unit scorecard and the 通报. */
export default function SupervisionRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="scorecard" element={<ScorecardPage />} />
      <Route path="circulars" element={<CircularsPage />} />
      <Route path="circulars/:id" element={<CircularPage />} />
      <Route path="*" element={<Navigate to="/supervision" replace />} />
    </Routes>
  );
}
