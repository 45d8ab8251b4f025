// The account area: open to everyone signed in, reached from Home and the user menu.
import { IconUserCircle } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const accountArea: Area = {
  id: 'account',
  path: 'account',
  permission: null,
  label: 'account:nav',
  description: 'account:description',
  icon: IconUserCircle,
  nav: false,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./AccountPage.tsx')).AccountPage }) },
  ],
};
