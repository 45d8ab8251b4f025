// What changes an invoice besides payments, each with a reason kept on it: a discount or exemption
// (facility admins approve them: invoicing:manage) and voiding (only while nothing has been paid).
import { useState } from 'react';
import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session/permissions.ts';
import { isApiError } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AmountInput } from './AmountInput.tsx';
import { parseAmount } from './money.ts';
import { useDiscount, useVoid } from './queries.ts';
import { useMoney } from './useMoney.ts';
import type { Invoice } from './types.ts';

export function InvoiceActions({ invoice: inv, hasPayments }: { invoice: Invoice; hasPayments: boolean }) {
  const canDiscount = useCan('billing:manage') && (inv.status === 'issued' || inv.status === 'partially_paid') && inv.discount === 0;
  const canVoid = useCan('billing:write') && inv.status === 'issued' && !hasPayments;
  if (!canDiscount && !canVoid) return null;
  return (
    <Group align="flex-start" gap="lg" wrap="wrap">
      {canDiscount && <DiscountForm invoice={inv} />}
      {canVoid && <VoidForm invoice={inv} />}
    </Group>
  );
}

function DiscountForm({ invoice: inv }: { invoice: Invoice }) {
  const { t } = useTranslation('invoicing');
  const money = useMoney();
  const discount = useDiscount(inv.id);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  function submit() {
    const parsed = parseAmount(amount);
    const next: typeof errors = {};
    if (!parsed.ok) next.amount = t(`invoicing:amount.${parsed.problem}`);
    else if (parsed.minor === 0) next.amount = t('invoicing:amount.zero');
    if (reason.trim().length < 3) next.reason = t('invoicing:reasonRequired');
    setErrors(next);
    if (!parsed.ok || next.amount || next.reason) return;
    discount.mutate({ amount: parsed.minor, reason: reason.trim() }, {
      onSuccess: () => { setAmount(''); setReason(''); },
      onError: (error) => {
        if (isApiError(error) && error.code === 'unprocessable' && typeof error.problem.maxDiscount === 'number') {
          setErrors({ amount: t('invoicing:discount.tooMuch', { most: money(error.problem.maxDiscount, inv.currency) }) });
        }
      },
    });
  }
  const onField = isApiError(discount.error) && discount.error.code === 'unprocessable' && typeof discount.error.problem.maxDiscount === 'number';
  return (
    <Paper withBorder radius="md" p="md" style={{ flex: '1 1 320px' }} component="form" onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate aria-labelledby="discount-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="discount-title">{t('invoicing:discount.title')}</Title>
        <AmountInput label={t('invoicing:discount.amount')} currency={inv.currency} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={errors.amount} required />
        <TextInput label={t('invoicing:discount.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} required maxLength={500} />
        {discount.isError && !onField && <ProblemAlert error={discount.error} detail />}
        <Group><Button type="submit" variant="default" loading={discount.isPending}>{t('invoicing:discount.submit')}</Button></Group>
      </Stack>
    </Paper>
  );
}

function VoidForm({ invoice: inv }: { invoice: Invoice }) {
  const { t } = useTranslation('invoicing');
  const voiding = useVoid(inv.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  function submit() {
    if (reason.trim().length < 3) return setError(t('invoicing:reasonRequired'));
    setError(undefined);
    voiding.mutate(reason.trim());
  }
  return (
    <Paper withBorder radius="md" p="md" style={{ flex: '1 1 320px' }} component="form" onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate aria-labelledby="void-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="void-title">{t('invoicing:void.title')}</Title>
        <TextInput label={t('invoicing:void.reason')} description={t('invoicing:void.hint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} required maxLength={500} />
        {voiding.isError && <ProblemAlert error={voiding.error} detail />}
        <Group><Button type="submit" color="red.8" variant="outline" loading={voiding.isPending}>{t('invoicing:void.submit')}</Button></Group>
      </Stack>
    </Paper>
  );
}
