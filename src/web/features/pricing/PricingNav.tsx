// The two screens of the area side by side: the price list and the payers.
import { Link, useLocation } from 'react-router';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PricingNav() {
  const { t } = useTranslation('pricing');
  const { pathname } = useLocation();
  const onPayers = pathname.endsWith('/payers');
  return (
    <Group gap="xs" component="nav" aria-label={t('pricing:nav')}>
      <Button component={Link} to="/billing-admin" variant={onPayers ? 'default' : 'filled'} aria-current={onPayers ? undefined : 'page'}>{t('pricing:prices.title')}</Button>
      <Button component={Link} to="/billing-admin/payers" variant={onPayers ? 'filled' : 'default'} aria-current={onPayers ? 'page' : undefined}>{t('pricing:payers.title')}</Button>
    </Group>
  );
}
