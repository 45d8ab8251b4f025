// Finding invoices: by patient (the registry's search box), by number, by status, newest first,
// a page at a time through the API's cursor.
import { useState } from 'react';
import { Button, CloseButton, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import type { PatientSummary } from '../../api/types.ts';
import { PatientSearch } from '../reception/PatientSearch.tsx';
import { PatientName } from '../reception/PatientName.tsx';
import { BillingNav } from './BillingNav.tsx';
import { InvoiceRow } from './InvoiceRow.tsx';
import { useInvoiceSearch } from './queries.ts';
import type { InvoiceStatus } from './types.ts';
import './billing.css';

const STATUSES: InvoiceStatus[] = ['issued', 'partially_paid', 'paid', 'void'];

export function InvoiceSearchPage() {
  const { t } = useTranslation('invoicing');
  usePageTitle(t('invoicing:search.title'));
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [status, setStatus] = useState<InvoiceStatus | null>(null);
  const [numberText, setNumberText] = useState('');
  const [number, setNumber] = useState('');
  const search = useInvoiceSearch({ ...(patient && { patientId: patient.id }), ...(status && { status }), ...(number && { number }) });
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('invoicing:search.title')}</Title>
      <BillingNav />
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          {patient ? (
            <Group gap="xs">
              <Text size="sm">{t('invoicing:search.patient')}</Text>
              <PatientName patient={patient} />
              <CloseButton aria-label={t('invoicing:search.clearPatient')} onClick={() => setPatient(null)} />
            </Group>
          ) : <PatientSearch label={t('invoicing:search.patient')} onPick={setPatient} />}
          <Group align="flex-end" gap="sm">
            <Group component="form" gap="xs" align="flex-end" onSubmit={(e) => { e.preventDefault(); setNumber(numberText.trim().toUpperCase()); }}>
              <TextInput label={t('invoicing:search.number')} placeholder={t('invoicing:search.numberExample')} value={numberText} onChange={(e) => setNumberText(e.currentTarget.value)} maxLength={40} />
              <Button type="submit" variant="default">{t('invoicing:search.find')}</Button>
            </Group>
            <Select label={t('invoicing:search.status')} clearable value={status} onChange={(v) => setStatus(v as InvoiceStatus | null)} placeholder={t('invoicing:search.anyStatus')}
              data={STATUSES.map((s) => ({ value: s, label: t(`invoicing:status.${s}`) }))} w={200} />
          </Group>
        </Stack>
      </Paper>
      {search.isError && <ProblemAlert error={search.error} />}
      {search.isSuccess && items.length === 0 && <Text c="dimmed" role="status">{t('invoicing:search.none')}</Text>}
      <Stack gap="xs" component="ul" className="nc-plain-list" aria-label={t('invoicing:search.results')}>
        {items.map((inv) => <InvoiceRow key={inv.id} invoice={inv} />)}
      </Stack>
      {search.hasNextPage && <Group><Button variant="default" loading={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>{t('invoicing:search.more')}</Button></Group>}
    </Stack>
  );
}
