import { Grid, Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import { AppLayout } from '../../components/AppLayout';
import { MobileShell } from './MobileShell';
import { OutboxProvider } from './useOutbox';
import VisitQueuePage from './VisitQueuePage';

const VisitHouseholdPage = lazy(() => import('./VisitHouseholdPage'));

function Household() {
  return <VisitHouseholdPage key={useParams().householdId} />;
}

/** On a phone the slim bar replaces the side menu; on a desktop the usual layout stays. */
function Frame({ children }: { children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  return screens.md ? <AppLayout>{children}</AppLayout> : <MobileShell>{children}</MobileShell>;
}

/** /visit 入户核实: the street's households to check and one household's visit. */
export default function VisitRoutes() {
  return (
    <OutboxProvider>
      <Frame>
        <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
          <Routes>
            <Route index element={<VisitQueuePage />} />
            <Route path="h/:householdId" element={<Household />} />
            <Route path="*" element={<Navigate to="/visit" replace />} />
          </Routes>
        </Suspense>
      </Frame>
    </OutboxProvider>
  );
}
