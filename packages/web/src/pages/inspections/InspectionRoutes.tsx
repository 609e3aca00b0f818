import { lazy } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import InspectionsPage from './InspectionsPage';

const InspectionDetailPage = lazy(() => import('./InspectionDetailPage'));
const InspectionProblemPage = lazy(() => import('./InspectionProblemPage'));

function Detail() {
  return <InspectionDetailPage key={useParams().id} />;
}

/** /inspections: 明察暗访 visits; /inspections/:id one visit; /inspections/:id/problem 转为问题. */
export default function InspectionRoutes() {
  return (
    <Routes>
      <Route index element={<InspectionsPage />} />
      <Route path=":id" element={<Detail />} />
      <Route path=":id/problem" element={<InspectionProblemPage />} />
      <Route path="*" element={<Navigate to="/inspections" replace />} />
    </Routes>
  );
}
