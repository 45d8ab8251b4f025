// What a shift took per method and the cash it should hold; once closed, the counted cash and the
// difference, highlighted when it is not zero.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMoney } from './useMoney.ts';
import type { CashShift, PaymentMethod } from './types.ts';

const METHODS: PaymentMethod[] = ['cash', 'bank_transfer', 'mobile_money', 'card'];

export function ShiftReport({ shift: s }: { shift: CashShift }) {
  const { t } = useTranslation('billing');
  const money = useMoney();
  const m = (minor: number) => money(minor, s.currency);
  const closed = s.countedCash !== null && s.difference !== null;
  const diffClass = !closed || s.difference === 0 ? undefined : s.difference! < 0 ? 'nc-difference-short' : 'nc-difference-over';
  return (
    <Table verticalSpacing="xs" aria-label={t('billing:shift.byMethod')} data-testid="shift-report">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('billing:shift.method')}</Table.Th>
          <Table.Th style={{ textAlign: 'end' }}>{closed ? t('billing:shift.expected') : t('billing:shift.taken')}</Table.Th>
          {closed && <Table.Th style={{ textAlign: 'end' }}>{t('billing:shift.countedColumn')}</Table.Th>}
          {closed && <Table.Th style={{ textAlign: 'end' }}>{t('billing:shift.difference')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>{t('billing:shift.float')}</Table.Td>
          <Table.Td className="nc-money">{m(s.openingFloat)}</Table.Td>
          {closed && <><Table.Td /><Table.Td /></>}
        </Table.Tr>
        {METHODS.map((method) => (
          <Table.Tr key={method} data-method={method}>
            <Table.Td>{t(`billing:method.${method}`)}</Table.Td>
            <Table.Td className="nc-money">{m(s.byMethod[method])}</Table.Td>
            {closed && <><Table.Td className="nc-money">{method === 'cash' ? '' : '—'}</Table.Td><Table.Td /></>}
          </Table.Tr>
        ))}
        <Table.Tr fw={700} data-method="drawer">
          <Table.Td>{t('billing:shift.expectedCash')}</Table.Td>
          <Table.Td className="nc-money" data-testid="expected-cash">{m(s.expectedCash)}</Table.Td>
          {closed && <Table.Td className="nc-money" data-testid="counted-cash">{m(s.countedCash!)}</Table.Td>}
          {closed && (
            <Table.Td className={`nc-money ${diffClass ?? ''}`} data-testid="difference">
              {m(s.difference!)}{' '}
              <Text span size="sm" fw={600}>{s.difference === 0 ? t('billing:shift.balanced') : s.difference! < 0 ? t('billing:shift.short') : t('billing:shift.over')}</Text>
            </Table.Td>
          )}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
