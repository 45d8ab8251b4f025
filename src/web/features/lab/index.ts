// The laboratory: the worklist of orders by step — collect the sample, enter the results (flagged
// against the test's range), verify another technician's results.
import { IconFlask } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const labArea: Area = {
  id: 'laboratory',
  path: 'lab',
  permission: 'lab:result',
  label: 'laboratory:nav',
  description: 'laboratory:description',
  icon: IconFlask,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./LabWorklistPage.tsx')).LabWorklistPage }) },
  ],
};
