// The gate in front of every signed-in screen. Signed out: to sign-in, remembering where the user
// was. Signed in: first what the server insists on (a new password, two-step sign-in), then the
// facility to act in, then the app — with the lock screen watching for inactivity.
import { lazy, Suspense } from 'react';
import { Navigate, useLocation, type Location } from 'react-router';
import { Splash } from '../../components/Splash.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LockProvider } from '../lock/LockProvider.tsx';
import { useSession } from './SessionProvider.tsx';

const Shell = lazy(() => import('../shell/Shell.tsx').then((m) => ({ default: m.Shell })));
const ForcedPasswordChange = lazy(() => import('../../features/auth/ForcedPasswordChange.tsx').then((m) => ({ default: m.ForcedPasswordChange })));
const ForcedMfaSetup = lazy(() => import('../../features/auth/ForcedMfaSetup.tsx').then((m) => ({ default: m.ForcedMfaSetup })));
const FacilityPicker = lazy(() => import('../../features/auth/FacilityPicker.tsx').then((m) => ({ default: m.FacilityPicker })));

export function signInPath(location: Pick<Location, 'pathname' | 'search'>): string {
  const here = location.pathname + location.search;
  return here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
}

export function RequireSession() {
  const { status, ended, me, meError, facility } = useSession();
  const location = useLocation();
  // After "Sign out" the next person starts at Home; after an expired session, back to this page.
  if (status === 'signed-out') return <Navigate to={ended === 'signed-out' ? '/sign-in' : signInPath(location)} replace />;
  if (status === 'starting' || (!me && !meError)) return <Splash />;
  if (!me) return <div style={{ padding: 16 }}><ProblemAlert error={meError} /></div>;

  const screen = me.mustChangePassword ? <ForcedPasswordChange />
    : me.mfaEnrollmentRequired ? <ForcedMfaSetup />
      : !facility ? <FacilityPicker />
        : <Shell />;
  return (
    <LockProvider>
      <Suspense fallback={<Splash />}>{screen}</Suspense>
    </LockProvider>
  );
}
