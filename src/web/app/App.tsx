// Providers, outermost first: server state (TanStack Query), the session, language and direction
// (Mantine's DirectionProvider), the Mantine theme, and the router.
import { Suspense, useState } from 'react';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from '../api/problem.ts';
import { Splash } from '../components/Splash.tsx';
import { PreferencesProvider } from './preferences/PreferencesProvider.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';
import { theme } from './theme.ts';

/** The nonce the server put in this page's CSP, for the <style> tags Mantine writes. */
const styleNonce = () => document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';

function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refusal (4xx) will not change by asking again; a network or server error might.
        retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
}

/** `router` is made by main.tsx before the catalogues load, so the first screen's chunks load alongside them. */
export function App({ router }: { router: ReturnType<typeof createBrowserRouter> }) {
  const [queryClient] = useState(newQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} forceColorScheme="light" getStyleNonce={styleNonce}>
        <Suspense fallback={<Splash />}>
          <SessionProvider>
            <PreferencesProvider>
              <RouterProvider router={router} />
            </PreferencesProvider>
          </SessionProvider>
        </Suspense>
      </MantineProvider>
    </QueryClientProvider>
  );
}
