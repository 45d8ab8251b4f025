// The billing screens' own navigation: the desk, invoices, transfers to confirm, the cash shift.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCan } from '../../app/session/permissions.ts';

export function BillingNav() {
  const { t } = useTranslation('invoicing');
  const canWrite = useCan('billing:write');
  const { pathname } = useLocation();
  const links = [
    { to: '/billing', label: t('invoicing:nav.desk'), exact: true },
    { to: '/billing/invoices', label: t('invoicing:nav.invoices'), exact: true },
    ...(canWrite ? [{ to: '/billing/invoices/new', label: t('invoicing:nav.newInvoice'), exact: true }] : []),
    { to: '/billing/transfers', label: t('invoicing:nav.transfers'), exact: true },
    ...(canWrite ? [{ to: '/billing/shift', label: t('invoicing:nav.shift'), exact: true }] : []),
  ];
  return (
    <Group component="nav" aria-label={t('invoicing:nav.label')} gap="xs">
      {links.map((l) => {
        const current = pathname === l.to;
        return <Button key={l.to} component={Link} to={l.to} size="xs" variant={current ? 'filled' : 'default'} aria-current={current ? 'page' : undefined}>{l.label}</Button>;
      })}
    </Group>
  );
}
