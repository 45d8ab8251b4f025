// One invoice: who, its lines and totals, what is paid and due, its payments (confirm a transfer,
// refund, print the receipt), and the clerk's actions — take a payment, discount, void.
import { useState } from 'react';
import { Alert, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useCan } from '../../app/session/permissions.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { isolate } from '../../i18n/format.ts';
import { BillingNav } from './BillingNav.tsx';
import { InvoiceLines } from './InvoiceLines.tsx';
import { InvoiceActions } from './InvoiceActions.tsx';
import { PatientLabel } from './PatientLabel.tsx';
import { PaymentForm } from './PaymentForm.tsx';
import { PaymentsList } from './PaymentsList.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { useInvoice, usePayments } from './queries.ts';
import { ReceiptButton } from './ReceiptButton.tsx';
import { useMoney } from './useMoney.ts';
import type { Payment } from './types.ts';
import './billing.css';

export function InvoicePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('invoicing');
  const format = useFormat();
  const canWrite = useCan('billing:write');
  const invoice = useInvoice(id);
  const payments = usePayments(id);
  const [taken, setTaken] = useState<Payment | null>(null);
  const inv = invoice.data;
  usePageTitle(inv ? t('invoicing:invoice.title', { number: isolate(inv.number) }) : t('invoicing:invoice.loading'));
  const payable = inv && (inv.status === 'issued' || inv.status === 'partially_paid');
  return (
    <Stack gap="lg" maw={1100}>
      {!inv && <BillingNav />}
      {invoice.isError && <ProblemAlert error={invoice.error} />}
      {!inv && invoice.isPending && <Skeleton height={200} />}
      {inv && (
        <>
          <Stack gap={4}>
            <Group gap="sm" align="center">
              {/* The number kept whole and left to right: a hyphen must not break it across lines, nor reorder it in Arabic. */}
              <Title order={1} className="nc-invoice-title">{t('invoicing:invoice.heading')} <bdi dir="ltr" className="nc-nowrap">{inv.number}</bdi></Title>
              <StatusBadge status={inv.status} />
            </Group>
            <PatientLabel patientId={inv.patientId} size="lg" />
            <Text size="sm" c="dimmed">{t('invoicing:invoice.issuedAt', { time: format.dateTime(inv.issuedAt) })}</Text>
            {inv.status === 'void' && <Text size="sm" c="red.8">{t('invoicing:invoice.voided', { reason: inv.voidReason ?? '' })}</Text>}
          </Stack>
          <BillingNav />
          <Group align="flex-start" gap="lg" wrap="wrap">
            <Paper withBorder radius="md" p="md" style={{ flex: '2 1 420px' }}>
              <InvoiceLines invoice={inv} />
            </Paper>
            {canWrite && payable && (
              <Paper withBorder radius="md" p="md" style={{ flex: '1 1 300px' }} component="section" aria-labelledby="take-payment">
                <Title order={2} size="h4" id="take-payment" mb="sm">{t('invoicing:pay.title')}</Title>
                <PaymentForm invoice={inv} onTaken={setTaken} />
              </Paper>
            )}
          </Group>
          {taken && <TakenNotice payment={taken} />}
          <Stack gap="sm" component="section" aria-labelledby="payments">
            <Title order={2} size="h3" id="payments">{t('invoicing:payments.title')}</Title>
            {payments.isError && <ProblemAlert error={payments.error} />}
            {payments.data && <PaymentsList payments={payments.data} />}
          </Stack>
          {payments.data && <InvoiceActions invoice={inv} hasPayments={payments.data.length > 0} />}
        </>
      )}
    </Stack>
  );
}

/** What the last payment did, kept after the form goes (a paid invoice takes no more), with its receipt. */
function TakenNotice({ payment }: { payment: Payment }) {
  const { t } = useTranslation('invoicing');
  const money = useMoney();
  return (
    <Alert color="teal" variant="light" role="status" data-testid="payment-taken">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t(payment.status === 'pending' ? 'invoicing:pay.pending' : 'invoicing:pay.taken', { amount: money(payment.amount, payment.currency) })}</Text>
        {payment.status === 'completed' && <ReceiptButton paymentId={payment.id} />}
      </Group>
    </Alert>
  );
}
