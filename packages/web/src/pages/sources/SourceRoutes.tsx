import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import OtherSourcesPage from './OtherSourcesPage';

const NewSourceProblemPage = lazy(() => import('./NewSourceProblemPage'));

/** /sources: 其他来源问题 (summary, links into the ledger); /sources/new: the office enters one. */
export default function SourceRoutes() {
  return (
    <Routes>
      <Route index element={<OtherSourcesPage />} />
      <Route path="new" element={<NewSourceProblemPage />} />
      <Route path="*" element={<Navigate to="/sources" replace />} />
    </Routes>
  );
}
