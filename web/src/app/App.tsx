/** Providers and the signed-in/signed-out switch of the web app. */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, Center, Loader } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../lib/api';
import { BrowserRouter } from 'react-router';
import { useSession } from '../features/auth/session';
import { SignInPage } from '../features/auth/SignInPage';
import { AppNotifications } from './AppNotifications';
import { AppRoutes } from './AppRoutes';
import { Shell } from './Shell';
import { cssVariablesResolver, theme } from './theme';

// A 401 anywhere means the session ended (expired, or signed out in another tab): back to sign-in.
const onApiError = (error: Error) => {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(['session'], null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
    },
  },
});

function Routed() {
  const session = useSession();
  if (session.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!session.data) return <SignInPage />;
  return (
    <Shell session={session.data}>
      <AppRoutes />
    </Shell>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <AppNotifications />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routed />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
