// The lines as issued and the totals: subtotal, the discount with its reason, total, paid, due.
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { useMoney } from './useMoney.ts';
import type { Invoice } from './types.ts';

export function InvoiceLines({ invoice: inv }: { invoice: Invoice }) {
  const { t } = useTranslation('invoicing');
  const format = useFormat();
  const money = useMoney();
  const m = (minor: number) => money(minor, inv.currency);
  const total = (label: string, value: string, strong = false, testId?: string) => (
    <Table.Tr>
      <Table.Th colSpan={3} scope="row" fw={strong ? 700 : 500} style={{ textAlign: 'end' }}>{label}</Table.Th>
      <Table.Td className="nc-money" fw={strong ? 700 : 400} data-testid={testId}>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="xs">
      <Table striped={false} verticalSpacing="xs" aria-label={t('invoicing:invoice.lines')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoicing:invoice.description')}</Table.Th>
            <Table.Th style={{ textAlign: 'end' }}>{t('invoicing:invoice.quantity')}</Table.Th>
            <Table.Th style={{ textAlign: 'end' }}>{t('invoicing:invoice.unitPrice')}</Table.Th>
            <Table.Th style={{ textAlign: 'end' }}>{t('invoicing:invoice.lineTotal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inv.lines.map((l) => (
            <Table.Tr key={l.position}>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td className="nc-money">{format.number(l.quantity)}</Table.Td>
              <Table.Td className="nc-money">{m(l.unitPrice)}</Table.Td>
              <Table.Td className="nc-money">{m(l.lineTotal)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot className="nc-totals">
          {inv.discount > 0 && total(t('invoicing:invoice.subtotal'), m(inv.subtotal))}
          {inv.discount > 0 && total(t('invoicing:invoice.discount'), m(-inv.discount))}
          {total(t('invoicing:invoice.total'), m(inv.total), true, 'invoice-total')}
          {total(t('invoicing:invoice.paid'), m(inv.amountPaid), false, 'invoice-paid')}
          {total(t('invoicing:invoice.due'), m(inv.amountDue), true, 'invoice-due')}
        </Table.Tfoot>
      </Table>
      {inv.discountReason && <Text size="sm" c="dimmed">{t('invoicing:invoice.discountReason', { reason: inv.discountReason })}</Text>}
    </Stack>
  );
}
