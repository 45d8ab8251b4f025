// The clerk's cash shift in one line on the desk: open since when and the cash expected in the
// drawer, or a reminder that cash needs an open shift, with the way to the shift screen.
import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/useFormat.ts';
import { useCurrentShift } from './queries.ts';
import { useMoney } from './useMoney.ts';

export function ShiftSummary() {
  const { t } = useTranslation('invoicing');
  const format = useFormat();
  const money = useMoney();
  const shift = useCurrentShift();
  if (shift.isPending || shift.isError) return null;
  const s = shift.data;
  return (
    <Alert color={s ? 'teal' : 'orange'} variant="light" icon={<IconCash aria-hidden />} p="sm" data-testid="shift-summary">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {s ? t('invoicing:shift.openSince', { time: format.time(s.openedAt), expected: money(s.expectedCash, s.currency) }) : t('invoicing:shift.noneOpen')}
        </Text>
        <Anchor component={Link} to="/billing/shift" size="sm">{s ? t('invoicing:shift.manage') : t('invoicing:shift.openIt')}</Anchor>
      </Group>
    </Alert>
  );
}
