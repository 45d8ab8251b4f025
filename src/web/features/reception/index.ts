// Reception: find a patient, register one, look at and edit a record, merge two registrations of
// the same person. Every screen is a lazy chunk, loaded when first opened.
import { IconUsers } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const receptionArea: Area = {
  id: 'reception',
  path: 'reception',
  permission: 'patients:read',
  label: 'reception:nav',
  description: 'reception:description',
  icon: IconUsers,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./SearchPage.tsx')).SearchPage }) },
    { path: 'register', lazy: async () => ({ Component: (await import('./RegisterPage.tsx')).RegisterPage }) },
    { path: 'patients/:id', lazy: async () => ({ Component: (await import('./PatientPage.tsx')).PatientPage }) },
    { path: 'patients/:id/edit', lazy: async () => ({ Component: (await import('./EditPatientPage.tsx')).EditPatientPage }) },
    { path: 'patients/:id/merge', lazy: async () => ({ Component: (await import('./MergePage.tsx')).MergePage }) },
  ],
};
