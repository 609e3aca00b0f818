import { lazy } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import ProblemsPage from './ProblemsPage';

// The form, detail and import pages load on demand: most visits only look at the list.
const NewProblemPage = lazy(() => import('./NewProblemPage'));
const ImportPage = lazy(() => import('./ImportPage'));
const ProblemDetailPage = lazy(() => import('./detail/ProblemDetailPage'));

/** A fresh detail page per problem, so nothing (an open editor, a dialog) carries over to the next. */
function Detail() {
  return <ProblemDetailPage key={useParams().id} />;
}

/** Everything under /problems: 问题台账, 登记问题, 导入台账 and one problem's page. */
export default function ProblemRoutes() {
  return (
    <Routes>
      <Route index element={<ProblemsPage />} />
      <Route path="new" element={<NewProblemPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path=":id" element={<Detail />} />
      <Route path="*" element={<Navigate to="/problems" replace />} />
    </Routes>
  );
}
