// Reports: the facility's summary dashboard for a chosen period — revenue by day and method,
// top diagnoses, appointments by status, encounters by type, outstanding — each downloadable as CSV.
import { IconChartBar } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const reportsArea: Area = {
  id: 'reports',
  path: 'reports',
  permission: 'reports:read',
  label: 'reports:nav',
  description: 'reports:description',
  icon: IconChartBar,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./ReportsPage.tsx')).ReportsPage }) },
  ],
};
