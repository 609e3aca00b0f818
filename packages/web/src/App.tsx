import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { CampaignProvider } from './campaign/CampaignContext';
import { AppLayout } from './components/AppLayout';
import { RequireAdmin } from './components/RequireAdmin';
import { LoginPage } from './pages/login/LoginPage';

// Pages load on demand so the login page does not wait for the admin screens.
const WorkbenchPage = lazy(() => import('./pages/workbench/WorkbenchPage'));
const OverviewPage = lazy(() => import('./pages/overview/OverviewPage'));
const MyTasksPage = lazy(() => import('./pages/tasks/MyTasksPage'));
const UnitsPage = lazy(() => import('./pages/admin/units/UnitsPage'));
const UsersPage = lazy(() => import('./pages/admin/users/UsersPage'));
const CampaignsPage = lazy(() => import('./pages/admin/campaigns/CampaignsPage'));
const FromPlanPage = lazy(() => import('./pages/admin/campaigns/from-plan/FromPlanPage'));
const AuditLogPage = lazy(() => import('./pages/admin/audit/AuditLogPage'));
const CalendarPage = lazy(() => import('./pages/admin/calendar/CalendarPage'));
const ProblemRoutes = lazy(() => import('./pages/problems/ProblemRoutes'));
const ReportRoutes = lazy(() => import('./pages/reports/ReportRoutes'));
const SubmissionRoutes = lazy(() => import('./pages/submissions/SubmissionRoutes'));
const SupervisionRoutes = lazy(() => import('./pages/supervision/SupervisionRoutes'));
const NotificationRoutes = lazy(() => import('./pages/notifications/NotificationRoutes'));
const InspectionRoutes = lazy(() => import('./pages/inspections/InspectionRoutes'));
const SourceRoutes = lazy(() => import('./pages/sources/SourceRoutes'));
const HouseholdRoutes = lazy(() => import('./pages/households/HouseholdRoutes'));
const VisitRoutes = lazy(() => import('./pages/visit/VisitRoutes'));

function FullPageSpin() {
  return (
    <div style={{ display: 'flex', height: '100%', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

function RequireLogin({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <FullPageSpin />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

/** 入户核实 brings its own frame: on a phone, no side menu (pages/visit/VisitRoutes). */
function Visits() {
  return (
    <RequireLogin>
      <CampaignProvider>
        <Suspense fallback={<FullPageSpin />}>
          <VisitRoutes />
        </Suspense>
      </CampaignProvider>
    </RequireLogin>
  );
}

function Authenticated() {
  return (
    <RequireLogin>
      <CampaignProvider>
        <AppLayout>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
            <Routes>
              <Route index element={<WorkbenchPage />} />
              <Route path="overview" element={<OverviewPage />} />
              <Route path="tasks" element={<MyTasksPage />} />
              <Route path="problems/*" element={<ProblemRoutes />} />
              <Route path="reports/*" element={<ReportRoutes />} />
              <Route path="submissions/*" element={<SubmissionRoutes />} />
              <Route path="supervision/*" element={<SupervisionRoutes />} />
              <Route path="notifications/*" element={<NotificationRoutes />} />
              <Route path="inspections/*" element={<InspectionRoutes />} />
              <Route path="sources/*" element={<SourceRoutes />} />
              <Route path="households/*" element={<HouseholdRoutes />} />
              <Route path="admin/*" element={<AdminRoutes />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </AppLayout>
      </CampaignProvider>
    </RequireLogin>
  );
}

function AdminRoutes() {
  return (
    <RequireAdmin>
      <Routes>
        <Route path="units" element={<UnitsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/from-plan" element={<FromPlanPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </RequireAdmin>
  );
}

export function App() {
  return (
    <AuthProvider>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/visit/*" element={<Visits />} />
        <Route path="/*" element={<Authenticated />} />
      </Routes>
    </AuthProvider>
  );
}
