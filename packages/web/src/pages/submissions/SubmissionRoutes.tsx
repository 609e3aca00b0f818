import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import SubmissionsPage from './SubmissionsPage';

const SubmissionPage = lazy(() => import('./SubmissionPage'));

/** Everything under /submissions: the grid and one unit's submission for one milestone. */
export default function SubmissionRoutes() {
  return (
    <Routes>
      <Route index element={<SubmissionsPage />} />
      <Route path=":milestoneId/:unitId" element={<SubmissionPage />} />
      <Route path="*" element={<Navigate to="/submissions" replace />} />
    </Routes>
  );
}
