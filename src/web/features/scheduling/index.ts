// Scheduling: the day of the whole facility or of one provider, booking into free slots, the
// appointment life cycle (check-in, reschedule, cancel, no-show, start, complete), and the waiting
// room board. Every screen is a lazy chunk.
import { IconCalendarTime } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const schedulingArea: Area = {
  id: 'scheduling',
  path: 'scheduling',
  permission: 'appointments:read',
  label: 'scheduling:nav',
  description: 'scheduling:description',
  icon: IconCalendarTime,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./DayPage.tsx')).DayPage }) },
    { path: 'queue', lazy: async () => ({ Component: (await import('./QueuePage.tsx')).QueuePage }) },
  ],
};
