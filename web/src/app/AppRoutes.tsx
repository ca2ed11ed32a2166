/** The pages of the signed-in app; each loads its code on first visit. */
import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { ContactPage } from '../features/contacts/ContactPage';
import { MyDayPage } from '../features/my-day/MyDayPage';

const DuplicatesPage = lazy(() => import('../features/identity/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })));
const TasksPage = lazy(() => import('../features/tasks/TasksPage').then((m) => ({ default: m.TasksPage })));
const CompaniesPage = lazy(() => import('../features/companies/CompaniesPage').then((m) => ({ default: m.CompaniesPage })));
const CompanyPage = lazy(() => import('../features/companies/CompanyPage').then((m) => ({ default: m.CompanyPage })));
const InboxPage = lazy(() => import('../features/inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const ListeningRoutes = lazy(() => import('../features/listening/ListeningRoutes').then((m) => ({ default: m.ListeningRoutes })));
const ChannelPage = lazy(() => import('../features/channels/ChannelPage').then((m) => ({ default: m.ChannelPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

export function AppRoutes() {
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader aria-label="Loading page" />
        </Center>
      }
    >
      <Routes>
        <Route path="/" element={<Navigate to="/my-day" replace />} />
        <Route path="/my-day" element={<MyDayPage />} />
        <Route path="/tasks" element={<TasksPage />} />
        <Route path="/contacts" element={<ContactsPage />} />
        <Route path="/contacts/duplicates" element={<DuplicatesPage />} />
        <Route path="/contacts/:id" element={<ContactPage />} />
        <Route path="/companies" element={<CompaniesPage />} />
        <Route path="/companies/:id" element={<CompanyPage />} />
        <Route path="/inbox/:conversationId?" element={<InboxPage />} />
        <Route path="/listening/*" element={<ListeningRoutes />} />
        <Route path="/settings/channels/:id" element={<ChannelPage />} />
        <Route path="/settings" element={<Navigate to="/settings/members" replace />} />
        <Route path="/settings/:tab" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="/my-day" replace />} />
      </Routes>
    </Suspense>
  );
}
