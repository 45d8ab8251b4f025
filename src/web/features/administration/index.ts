// Administration: the facility's staff and their roles, its details and departments, which roles
// must use two-factor sign-in, and working hours with their exceptions. Offered to a role holding
// any of the permissions below; each screen checks its own (Allowed.tsx). Every screen is a lazy chunk.
import { IconSettings } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const administrationArea: Area = {
  id: 'administration',
  path: 'administration',
  permission: ['users:manage', 'facilities:manage', 'schedules:manage', 'facilities:create'],
  label: 'administration:nav',
  description: 'administration:description',
  icon: IconSettings,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./AdminHome.tsx')).AdminHome }) },
    { path: 'staff', lazy: async () => ({ Component: (await import('./StaffListPage.tsx')).StaffListPage }) },
    { path: 'staff/new', lazy: async () => ({ Component: (await import('./StaffCreatePage.tsx')).StaffCreatePage }) },
    { path: 'staff/:id', lazy: async () => ({ Component: (await import('./StaffPage.tsx')).StaffPage }) },
    { path: 'facility', lazy: async () => ({ Component: (await import('./FacilityPage.tsx')).FacilityPage }) },
    { path: 'security', lazy: async () => ({ Component: (await import('./MfaPolicyPage.tsx')).MfaPolicyPage }) },
    { path: 'hours', lazy: async () => ({ Component: (await import('./HoursPage.tsx')).HoursPage }) },
  ],
};
