import { lazy } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import FindingsPage from './FindingsPage';

// The office's pages load on demand: streets only ever open the findings and households.
const ImportPage = lazy(() => import('./ImportPage'));
const RulesPage = lazy(() => import('./RulesPage'));
const PlacesPage = lazy(() => import('./PlacesPage'));
const HouseholdPage = lazy(() => import('./HouseholdPage'));

/** A fresh household page per household, so its unmask toggle never carries over. */
function Household() {
  return <HouseholdPage key={useParams().householdId} />;
}

/** Everything under /households (数据比对): 筛查结果, 数据导入, 筛查规则, 待匹配地名, one household. */
export default function HouseholdRoutes() {
  return (
    <Routes>
      <Route index element={<FindingsPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="rules" element={<RulesPage />} />
      <Route path="places" element={<PlacesPage />} />
      <Route path="h/:householdId" element={<Household />} />
      <Route path="*" element={<Navigate to="/households" replace />} />
    </Routes>
  );
}
