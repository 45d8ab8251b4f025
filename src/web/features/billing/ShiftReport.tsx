// What a shift took per method and the cash it should hold; once closed, the counted cash and the
// difference, highlighted when it is not zero.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMoney } from './useMoney.ts';
import type { CashShift, PaymentMethod } from './types.ts';

const METHODS: PaymentMethod[] = ['cash', 'bank_transfer', 'mobile_money', 'card'];

export function ShiftReport({ shift: s }: { shift: CashShift }) {
  const { t } = useTranslation('invoicing');
  const money = useMoney();
  const m = (minor: number) => money(minor, s.currency);
  const closed = s.countedCash !== null && s.difference !== null;
  const diffClass = !closed || s.difference === 0 ? undefined : s.difference! < 0 ? 'nc-difference-short' : 'nc-difference-over';
  return (
    <Table verticalSpacing="xs" aria-label={t('invoicing:shift.byMethod')} data-testid="shift-report">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('invoicing:shift.method')}</Table.Th>
          <Table.Th style={{ textAlign: 'end' }}>{closed ? t('invoicing:shift.expected') : t('invoicing:shift.taken')}</Table.Th>
          {closed && <Table.Th style={{ textAlign: 'end' }}>{t('invoicing:shift.countedColumn')}</Table.Th>}
          {closed && <Table.Th style={{ textAlign: 'end' }}>{t('invoicing:shift.difference')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>{t('invoicing:shift.float')}</Table.Td>
          <Table.Td className="nc-money">{m(s.openingFloat)}</Table.Td>
          {closed && <><Table.Td /><Table.Td /></>}
        </Table.Tr>
        {METHODS.map((method) => (
          <Table.Tr key={method} data-method={method}>
            <Table.Td>{t(`invoicing:method.${method}`)}</Table.Td>
            <Table.Td className="nc-money">{m(s.byMethod[method])}</Table.Td>
            {closed && <><Table.Td className="nc-money">{method === 'cash' ? '' : '—'}</Table.Td><Table.Td /></>}
          </Table.Tr>
        ))}
        <Table.Tr fw={700} data-method="drawer">
          <Table.Td>{t('invoicing:shift.expectedCash')}</Table.Td>
          <Table.Td className="nc-money" data-testid="expected-cash">{m(s.expectedCash)}</Table.Td>
          {closed && <Table.Td className="nc-money" data-testid="counted-cash">{m(s.countedCash!)}</Table.Td>}
          {closed && (
            <Table.Td className={`nc-money ${diffClass ?? ''}`} data-testid="difference">
              {m(s.difference!)}{' '}
              <Text span size="sm" fw={600}>{s.difference === 0 ? t('invoicing:shift.balanced') : s.difference! < 0 ? t('invoicing:shift.short') : t('invoicing:shift.over')}</Text>
            </Table.Td>
          )}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
