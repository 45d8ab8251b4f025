// In front of every area: the role must hold the area's permission in the active facility (the
// server checks again on every request), and the area's strings are loaded before its screens.
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from './session/SessionProvider.tsx';
import { NotAllowedPage } from './pages/NotFoundPage.tsx';
import { mayOpen, type Area } from './area.ts';

export function AreaGate({ area }: { area: Area }) {
  const { facility } = useSignedIn();
  useTranslation(area.id); // suspends until i18n/<lang>/<area>.json is loaded
  if (!mayOpen(area, facility.permissions)) return <NotAllowedPage />;
  return <Outlet />;
}
