// The pharmacy: the queue of prescriptions to dispense, oldest first, with partial dispensing.
import { IconPill } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const pharmacyArea: Area = {
  id: 'pharmacy',
  path: 'pharmacy',
  permission: 'prescriptions:dispense',
  label: 'pharmacy:nav',
  description: 'pharmacy:description',
  icon: IconPill,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./DispensingPage.tsx')).DispensingPage }) },
  ],
};
