// Notifications: the delivery log (with retry of dead messages), the facility's reminder settings
// and security contact, and every message template previewed in English and Arabic.
import { IconMailForward } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const notificationsArea: Area = {
  id: 'notifications',
  path: 'notifications',
  permission: 'notifications:read',
  label: 'notifications:nav',
  description: 'notifications:description',
  icon: IconMailForward,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./NotificationsPage.tsx')).NotificationsPage }) },
  ],
};
