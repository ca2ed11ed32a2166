/** The listening area: a sub-navigation over the mention stream, the saved queries, the dashboard and the alerts. */
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AlertsPage } from './AlertsPage';
import { DashboardPage } from './DashboardPage';
import { ListeningNav } from './ListeningNav';
import { MentionStreamPage } from './MentionStreamPage';
import { QueriesPage } from './QueriesPage';
import { QueryBuilderPage } from './QueryBuilderPage';
import { useListeningLiveUpdates } from './use-listening-live-updates';

/** Links to the stream's old address (bookmarks, shared filtered views) open the stream with their filters. */
function MentionStreamMoved() {
  const { search, hash } = useLocation();
  return <Navigate to={{ pathname: '/listening', search, hash }} replace />;
}

export function ListeningRoutes() {
  useListeningLiveUpdates();
  return (
    <>
      <ListeningNav />
      <Routes>
        <Route index element={<MentionStreamPage />} />
        <Route path="queries" element={<QueriesPage />} />
        <Route path="queries/new" element={<QueryBuilderPage />} />
        <Route path="queries/:id" element={<QueryBuilderPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="alerts" element={<AlertsPage />} />
        <Route path="mentions" element={<MentionStreamMoved />} />
        <Route path="*" element={<Navigate to="/listening" replace />} />
      </Routes>
    </>
  );
}
