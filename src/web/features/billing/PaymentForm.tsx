// Taking a payment. The amount is typed in major units and converted to minor units exactly. Each
// attempt gets one Idempotency-Key, kept while the amount, method and reference stay the same: a
// double click or a retry after a dropped answer sends the same key, and the server answers with
// the first payment instead of taking a second. A new attempt (after success, or changed values)
// gets a new key. An overpayment comes back as the server's 422 and is shown on the amount.
import { useRef, useState } from 'react';
import { Alert, Button, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AmountInput } from './AmountInput.tsx';
import { amountText, parseAmount } from './money.ts';
import { useTakePayment } from './queries.ts';
import { useMoney } from './useMoney.ts';
import { DESK_METHODS, isTransfer, type Invoice, type Payment, type PaymentMethod } from './types.ts';

export function PaymentForm({ invoice, onTaken }: { invoice: Invoice; onTaken(payment: Payment | null): void }) {
  const { t } = useTranslation('invoicing');
  const money = useMoney();
  const [amount, setAmount] = useState(() => amountText(invoice.amountDue));
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reference?: string }>({});
  const attempt = useRef<{ key: string; signature: string } | null>(null);
  const take = useTakePayment(invoice.id);
  const dropped = take.isError && isApiError(take.error) && (take.error.status === 0 || take.error.status >= 500);

  function submit() {
    const parsed = parseAmount(amount);
    const ref = reference.trim();
    const next: typeof errors = {};
    if (!parsed.ok) next.amount = t(`invoicing:amount.${parsed.problem}`);
    else if (parsed.minor === 0) next.amount = t('invoicing:amount.zero');
    if (isTransfer(method) && ref.length < 3) next.reference = t('invoicing:pay.referenceRequired');
    setErrors(next);
    if (!parsed.ok || next.amount || next.reference) return;
    const body = { amount: parsed.minor, method, ...(isTransfer(method) && { reference: ref }) };
    const signature = JSON.stringify(body);
    if (attempt.current?.signature !== signature) attempt.current = { key: crypto.randomUUID(), signature };
    onTaken(null);
    take.mutate({ key: attempt.current.key, ...body }, {
      onSuccess: (payment) => {
        attempt.current = null; // done: the next payment is a new attempt
        onTaken(payment);
        setAmount(amountText(Math.max(0, invoice.amountDue - (payment.status === 'completed' ? payment.amount : 0))));
        setReference('');
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        const fields = error.fieldErrors();
        if (error.code === 'unprocessable') {
          const due = typeof error.problem.amountDue === 'number' ? error.problem.amountDue : invoice.amountDue;
          setErrors({ amount: t('invoicing:pay.tooMuch', { due: money(due, invoice.currency) }) });
        } else if (fields.amount || fields.reference) {
          setErrors({ amount: fields.amount, reference: fields.reference });
        } else if (error.code === 'conflict' && isTransfer(method)) {
          setErrors({ reference: t('invoicing:pay.referenceUsed') });
        }
      },
    });
  }

  const onField = !take.isError || (isApiError(take.error) && (take.error.code === 'unprocessable' || Object.keys(take.error.fieldErrors()).length > 0 || (take.error.code === 'conflict' && isTransfer(method))));
  const needShift = take.isError && isApiError(take.error) && take.error.code === 'conflict' && method === 'cash';
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
    <Stack gap="sm">
      <SegmentedControl fullWidth value={method} onChange={(v) => setMethod(v as PaymentMethod)} aria-label={t('invoicing:pay.method')}
        data={DESK_METHODS.map((m) => ({ value: m, label: t(`invoicing:method.${m}`) }))} />
      <AmountInput label={t('invoicing:pay.amount')} currency={invoice.currency} value={amount} onChange={(e) => setAmount(e.currentTarget.value)}
        error={errors.amount} description={t('invoicing:pay.due', { due: money(invoice.amountDue, invoice.currency) })} required />
      {isTransfer(method) && (
        <TextInput label={t('invoicing:pay.reference')} description={t('invoicing:pay.referenceHint')} value={reference} onChange={(e) => setReference(e.currentTarget.value)}
          error={errors.reference} required autoComplete="off" />
      )}
      {dropped && (
        <Alert color="orange" variant="light" role="alert" title={t('invoicing:pay.droppedTitle')}>
          <Text size="sm">{t('invoicing:pay.dropped')}</Text>
        </Alert>
      )}
      {needShift && <Alert color="orange" variant="light" role="alert">{t('invoicing:pay.needShift')}</Alert>}
      {take.isError && !dropped && !needShift && !onField && <ProblemAlert error={take.error} detail />}
      <Button type="submit" loading={take.isPending}>{dropped ? t('invoicing:pay.retry') : t('invoicing:pay.submit')}</Button>
    </Stack>
    </form>
  );
}
