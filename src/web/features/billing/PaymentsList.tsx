// The invoice's payments and refunds, oldest first: a pending transfer can be confirmed, a completed
// payment refunded (with a reason) and its receipt printed.
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session/permissions.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { isApiError } from '../../api/problem.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { AmountInput } from './AmountInput.tsx';
import { ReceiptButton } from './ReceiptButton.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { amountText, parseAmount } from './money.ts';
import { useConfirm, useRefund } from './queries.ts';
import { useMoney } from './useMoney.ts';
import type { Payment } from './types.ts';

export function PaymentsList({ payments }: { payments: Payment[] }) {
  const { t } = useTranslation('invoicing');
  if (payments.length === 0) return <Text c="dimmed">{t('invoicing:payments.none')}</Text>;
  return <Stack gap="xs" component="ul" className="nc-plain-list">{payments.map((p) => <PaymentItem key={p.id} payment={p} />)}</Stack>;
}

function PaymentItem({ payment: p }: { payment: Payment }) {
  const { t } = useTranslation('invoicing');
  const format = useFormat();
  const money = useMoney();
  const canWrite = useCan('billing:write');
  const confirm = useConfirm();
  const [refunding, setRefunding] = useState(false);
  const refundable = canWrite && p.status === 'completed' && p.refundOf === null && p.amount > 0;
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="payment" data-status={p.status}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} className="nc-money">{money(p.amount, p.currency)}</Text>
            <Text>{p.refundOf ? t('invoicing:payments.refund') : t(`invoicing:method.${p.method}`)}</Text>
            <StatusBadge status={p.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {format.dateTime(p.receivedAt)}
            {p.reference && <> · {t('invoicing:payments.reference')} <Bdi ltr>{p.reference}</Bdi></>}
            {p.reason && <> · {p.reason}</>}
          </Text>
        </Stack>
        <Group gap="xs">
          {canWrite && p.status === 'pending' && <Button size="xs" loading={confirm.isPending} onClick={() => confirm.mutate(p.id)}>{t('invoicing:transfers.confirm')}</Button>}
          {refundable && !refunding && <Button size="xs" variant="default" onClick={() => setRefunding(true)}>{t('invoicing:refund.open')}</Button>}
          {p.status === 'completed' && p.amount > 0 && <ReceiptButton paymentId={p.id} />}
        </Group>
      </Group>
      {confirm.isError && <ProblemAlert error={confirm.error} detail />}
      {refunding && <RefundForm payment={p} onDone={() => setRefunding(false)} />}
    </Paper>
  );
}

function RefundForm({ payment: p, onDone }: { payment: Payment; onDone(): void }) {
  const { t } = useTranslation('invoicing');
  const money = useMoney();
  const refund = useRefund(p.id);
  const [amount, setAmount] = useState(amountText(p.amount));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  function submit() {
    const parsed = parseAmount(amount);
    const next: typeof errors = {};
    if (!parsed.ok) next.amount = t(`invoicing:amount.${parsed.problem}`);
    if (reason.trim().length < 3) next.reason = t('invoicing:reasonRequired');
    setErrors(next);
    if (!parsed.ok || next.reason) return;
    refund.mutate({ amount: parsed.minor, reason: reason.trim() }, {
      onSuccess: onDone,
      onError: (error) => {
        if (isApiError(error) && error.code === 'unprocessable') {
          const most = typeof error.problem.refundable === 'number' ? error.problem.refundable : p.amount;
          setErrors({ amount: t('invoicing:refund.tooMuch', { most: money(most, p.currency) }) });
        }
      },
    });
  }
  const onField = isApiError(refund.error) && refund.error.code === 'unprocessable';
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
    <Stack gap="xs" mt="sm">
      <Group align="flex-start" grow>
        <AmountInput label={t('invoicing:refund.amount')} currency={p.currency} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.amount} required />
        <TextInput label={t('invoicing:refund.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} required maxLength={500} />
      </Group>
      {refund.isError && !onField && <ProblemAlert error={refund.error} detail />}
      <Group gap="xs">
        <Button type="submit" size="xs" color="red.8" loading={refund.isPending}>{t('invoicing:refund.submit')}</Button>
        <Button size="xs" variant="default" onClick={onDone}>{t('invoicing:cancel')}</Button>
      </Group>
    </Stack>
    </form>
  );
}
