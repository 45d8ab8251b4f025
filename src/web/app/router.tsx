// The app's routes: sign-in outside the session, everything else inside it, each area's screens
// loaded only when first opened (one chunk per lazy route).
import { createBrowserRouter, Outlet } from 'react-router';
import { AREAS } from './areas.ts';
import { AreaGate } from './AreaGate.tsx';
import { RouteError } from './RouteError.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RequireSession } from './session/RequireSession.tsx';
import { Splash } from '../components/Splash.tsx';

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Outlet />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <Splash />,
      children: [
        { path: 'sign-in', lazy: async () => ({ Component: (await import('../features/auth/SignInPage.tsx')).SignInPage }) },
        { path: 'forgot-password', lazy: async () => ({ Component: (await import('../features/auth/ForgotPasswordPage.tsx')).ForgotPasswordPage }) },
        { path: 'reset-password', lazy: async () => ({ Component: (await import('../features/auth/ResetPasswordPage.tsx')).ResetPasswordPage }) },
        {
          element: <RequireSession />,
          children: [{
            // Errors below render inside the shell, with the navigation still there.
            errorElement: <RouteError />,
            children: [
              { index: true, lazy: async () => ({ Component: (await import('../features/home/HomePage.tsx')).HomePage }) },
              ...AREAS.map((area) => ({ path: area.path, element: <AreaGate area={area} />, children: area.routes })),
              { path: '*', element: <NotFoundPage /> },
            ],
          }],
        },
      ],
    },
  ]);
}
