// Clinical care: the clinician's worklist and the queue, the encounter workspace (vitals,
// diagnoses, notes, complete, amendments), the nurse's triage screen, a walk-in or emergency
// encounter, and the patient chart. Every screen is a lazy chunk, loaded when first opened.
import { IconStethoscope } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const clinicalArea: Area = {
  id: 'clinical',
  path: 'clinical',
  permission: 'clinical:read',
  label: 'clinical:nav',
  description: 'clinical:description',
  icon: IconStethoscope,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./WorklistPage.tsx')).WorklistPage }) },
    { path: 'triage', lazy: async () => ({ Component: (await import('./TriagePage.tsx')).TriagePage }) },
    { path: 'new', lazy: async () => ({ Component: (await import('./NewEncounterPage.tsx')).NewEncounterPage }) },
    { path: 'encounters/:id', lazy: async () => ({ Component: (await import('./EncounterPage.tsx')).EncounterPage }) },
    { path: 'patients', lazy: async () => ({ Component: (await import('./FindChartPage.tsx')).FindChartPage }) },
    { path: 'patients/:id', lazy: async () => ({ Component: (await import('./ChartPage.tsx')).ChartPage }) },
  ],
};
