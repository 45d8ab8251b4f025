// The billing screens' own navigation: the desk, invoices, transfers to confirm, the cash shift.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCan } from '../../app/session/permissions.ts';

export function BillingNav() {
  const { t } = useTranslation('billing');
  const canWrite = useCan('billing:write');
  const { pathname } = useLocation();
  const links = [
    { to: '/billing', label: t('billing:nav.desk'), exact: true },
    { to: '/billing/invoices', label: t('billing:nav.invoices'), exact: true },
    ...(canWrite ? [{ to: '/billing/invoices/new', label: t('billing:nav.newInvoice'), exact: true }] : []),
    { to: '/billing/transfers', label: t('billing:nav.transfers'), exact: true },
    ...(canWrite ? [{ to: '/billing/shift', label: t('billing:nav.shift'), exact: true }] : []),
  ];
  return (
    <Group component="nav" aria-label={t('billing:nav.label')} gap="xs">
      {links.map((l) => {
        const current = pathname === l.to;
        return <Button key={l.to} component={Link} to={l.to} size="xs" variant={current ? 'filled' : 'default'} aria-current={current ? 'page' : undefined}>{l.label}</Button>;
      })}
    </Group>
  );
}
