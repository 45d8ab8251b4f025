// Prices and payers (billing administration): the facility's price list by category with each
// price's version history, and the payers (the insurance fund, companies) with their coverage per
// category. For facility admins (billing:manage). Every screen is a lazy chunk.
import { IconReceipt2 } from '@tabler/icons-react';
import type { Area } from '../../app/area.ts';

export const pricingArea: Area = {
  id: 'pricing',
  path: 'billing-admin',
  permission: 'billing:manage',
  label: 'pricing:nav',
  description: 'pricing:description',
  icon: IconReceipt2,
  routes: [
    { index: true, lazy: async () => ({ Component: (await import('./PriceListPage.tsx')).PriceListPage }) },
    { path: 'payers', lazy: async () => ({ Component: (await import('./PayersPage.tsx')).PayersPage }) },
  ],
};
