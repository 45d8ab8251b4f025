// A screen inside administration that needs its own permission: without it, the same clear
// "not allowed" page as an area the role does not open (the server refuses the requests anyway).
import type { ReactNode } from 'react';
import type { Permission } from '../../api/types.ts';
import { useCan } from '../../app/session/permissions.ts';
import { NotAllowedPage } from '../../app/pages/NotFoundPage.tsx';

export function Allowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <NotAllowedPage />;
}
