// One invoice in a list: number, patient, when, total and what is still due, status. Opens the invoice.
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bdi } from '../../components/Bdi.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { PatientLabel } from './PatientLabel.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { useMoney } from './useMoney.ts';
import type { Invoice } from './types.ts';

export function InvoiceRow({ invoice: inv }: { invoice: Invoice }) {
  const { t } = useTranslation('invoicing');
  const format = useFormat();
  const money = useMoney();
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="invoice-row" data-number={inv.number}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Anchor component={Link} to={`/billing/invoices/${inv.id}`} fw={600}><Bdi ltr>{inv.number}</Bdi></Anchor>
            <StatusBadge status={inv.status} />
          </Group>
          <PatientLabel patientId={inv.patientId} size="sm" />
          <Text size="xs" c="dimmed">{format.dateTime(inv.issuedAt)}</Text>
        </Stack>
        <Stack gap={2} align="flex-end">
          <Text className="nc-money" fw={600}>{money(inv.total, inv.currency)}</Text>
          {inv.status !== 'paid' && inv.status !== 'void' && inv.amountDue !== inv.total && (
            <Text size="sm" c="dimmed" className="nc-money">{t('invoicing:invoice.dueShort', { amount: money(inv.amountDue, inv.currency) })}</Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
