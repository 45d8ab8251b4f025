// The clerk's cash shift: open it with the float in the drawer, watch what it has taken per method,
// close it with the cash counted. The close report puts expected against counted and highlights
// the difference (a shortfall in red, a surplus in orange).
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { AmountInput } from './AmountInput.tsx';
import { BillingNav } from './BillingNav.tsx';
import { ShiftReport } from './ShiftReport.tsx';
import { parseAmount } from './money.ts';
import { useCloseShift, useCurrentShift, useOpenShift } from './queries.ts';
import type { CashShift } from './types.ts';
import './billing.css';

const CURRENCY = 'SDG';

export function ShiftPage() {
  const { t } = useTranslation('invoicing');
  usePageTitle(t('invoicing:shift.title'));
  const current = useCurrentShift();
  const [closed, setClosed] = useState<CashShift | null>(null);
  return (
    <Stack gap="lg" maw={880}>
      <Title order={1}>{t('invoicing:shift.title')}</Title>
      <BillingNav />
      {current.isError && <ProblemAlert error={current.error} />}
      {closed && (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="close-report" data-testid="close-report">
          <Title order={2} size="h3" id="close-report" mb="sm">{t('invoicing:shift.report')}</Title>
          <ShiftReport shift={closed} />
        </Paper>
      )}
      {current.data && <OpenShiftPanel shift={current.data} onClosed={setClosed} />}
      {current.data === null && <OpenForm onOpened={() => setClosed(null)} />}
    </Stack>
  );
}

function amountField(text: string, t: (key: string) => string): { minor?: number; error?: string } {
  const parsed = parseAmount(text);
  return parsed.ok ? { minor: parsed.minor } : { error: t(`invoicing:amount.${parsed.problem}`) };
}

function OpenForm({ onOpened }: { onOpened(): void }) {
  const { t } = useTranslation('invoicing');
  const open = useOpenShift();
  const [float, setFloat] = useState('');
  const [error, setError] = useState<string>();
  function submit() {
    const { minor, error: problem } = amountField(float, t);
    setError(problem);
    if (minor !== undefined) open.mutate(minor, { onSuccess: onOpened });
  }
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack gap="sm" maw={360}>
          <Text>{t('invoicing:shift.noneOpen')}</Text>
          <AmountInput label={t('invoicing:shift.openingFloat')} description={t('invoicing:shift.openingFloatHint')} currency={CURRENCY} value={float} onChange={(e) => setFloat(e.currentTarget.value)} error={error} required />
          {open.isError && <ProblemAlert error={open.error} detail />}
          <Group><Button type="submit" loading={open.isPending}>{t('invoicing:shift.open')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}

function OpenShiftPanel({ shift, onClosed }: { shift: CashShift; onClosed(s: CashShift): void }) {
  const { t } = useTranslation('invoicing');
  const format = useFormat();
  const close = useCloseShift();
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  function submit() {
    const { minor, error: problem } = amountField(counted, t);
    setError(problem);
    if (minor !== undefined) close.mutate({ id: shift.id, countedCash: minor, note: note.trim() || undefined }, { onSuccess: onClosed });
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="current-shift" data-testid="current-shift">
      <Stack gap="md">
        <Title order={2} size="h3" id="current-shift">{t('invoicing:shift.current', { time: format.dateTime(shift.openedAt) })}</Title>
        <ShiftReport shift={shift} />
        <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
          <Stack gap="sm" maw={420}>
            <Title order={3} size="h4">{t('invoicing:shift.closeTitle')}</Title>
            <AmountInput label={t('invoicing:shift.counted')} description={t('invoicing:shift.countedHint')} currency={shift.currency} value={counted} onChange={(e) => setCounted(e.currentTarget.value)} error={error} required />
            <TextInput label={t('invoicing:shift.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
            {close.isError && <ProblemAlert error={close.error} detail />}
            <Group><Button type="submit" color="red.8" loading={close.isPending}>{t('invoicing:shift.close')}</Button></Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
