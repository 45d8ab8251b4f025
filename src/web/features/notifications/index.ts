// Notifications: the delivery log (with retry of dead messages), the facility's reminder settings
// and security contact, and every message template previewed in English and Arabic.
import { IconMailForward } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const notificationsArea: Area = {
  // The id is also the i18n namespace: not "notifications", which would read like the permissions' prefix.
  id: 'messaging',
  path: 'notifications',
  permission: 'notifications:read',
  label: 'messaging:nav',
  description: 'messaging:description',
  icon: IconMailForward,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./NotificationsPage.tsx')).NotificationsPage }) },
  ],
};
