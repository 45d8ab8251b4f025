// Billing: the clerk's desk (today's encounters to invoice, open invoices), invoices (search, a
// manual invoice, one invoice with its payments, discount and void), transfers to confirm, and the
// cash shift. Every screen is a lazy chunk.
import { IconReceipt2 } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const billingArea: Area = {
  id: 'invoicing',
  path: 'billing',
  permission: 'billing:read',
  label: 'invoicing:nav.area',
  description: 'invoicing:description',
  icon: IconReceipt2,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./DeskPage.tsx')).DeskPage }) },
    { path: 'invoices', lazy: async () => ({ Component: (await import('./InvoiceSearchPage.tsx')).InvoiceSearchPage }) },
    { path: 'invoices/new', lazy: async () => ({ Component: (await import('./NewInvoicePage.tsx')).NewInvoicePage }) },
    { path: 'invoices/:id', lazy: async () => ({ Component: (await import('./InvoicePage.tsx')).InvoicePage }) },
    { path: 'transfers', lazy: async () => ({ Component: (await import('./TransfersPage.tsx')).TransfersPage }) },
    { path: 'shift', lazy: async () => ({ Component: (await import('./ShiftPage.tsx')).ShiftPage }) },
  ],
};
