// Compliance: the audit log — who did what, to which patient, when and from where — with filters,
// paging and each event's details. Reading it is itself audited by the server.
import { IconShieldCheck } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const complianceArea: Area = {
  id: 'compliance',
  path: 'compliance',
  permission: 'audit:read',
  label: 'compliance:nav',
  description: 'compliance:description',
  icon: IconShieldCheck,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./AuditLogPage.tsx')).AuditLogPage }) },
  ],
};
