// The billing desk: the clerk's work for the day. Today's encounters without an invoice (one click
// issues it from what was ordered, at price-list prices), the open invoices waiting for payment,
// and the cash shift at a glance.
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useCan } from '../../app/session/permissions.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { nameFields } from '../scheduling/names.ts';
import { PatientName } from '../reception/PatientName.tsx';
import { Bdi } from '../../components/Bdi.tsx';
import { BillingNav } from './BillingNav.tsx';
import { InvoiceRow } from './InvoiceRow.tsx';
import { ShiftSummary } from './ShiftSummary.tsx';
import { useInvoiceEncounter, useOpenInvoices, useUninvoiced } from './queries.ts';
import type { UninvoicedEncounter } from './types.ts';
import './billing.css';

export function DeskPage() {
  const { t } = useTranslation('invoicing');
  usePageTitle(t('invoicing:desk.title'));
  const canWrite = useCan('billing:write');
  const uninvoiced = useUninvoiced();
  const open = useOpenInvoices();
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('invoicing:desk.title')}</Title>
      <BillingNav />
      {canWrite && <ShiftSummary />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm" component="section" aria-labelledby="to-invoice">
          <Title order={2} size="h3" id="to-invoice">{t('invoicing:desk.toInvoice')}</Title>
          {uninvoiced.isError && <ProblemAlert error={uninvoiced.error} />}
          {uninvoiced.isSuccess && uninvoiced.data.items.length === 0 && <Text c="dimmed" role="status">{t('invoicing:desk.nothingToInvoice')}</Text>}
          <Stack gap="xs" component="ul" className="nc-plain-list">
            {uninvoiced.data?.items.map((e) => <EncounterToInvoice key={e.encounterId} encounter={e} canWrite={canWrite} />)}
          </Stack>
          {uninvoiced.data?.more && <Text size="sm" c="dimmed">{t('invoicing:desk.more')}</Text>}
        </Stack>
        <Stack gap="sm" component="section" aria-labelledby="open-invoices">
          <Title order={2} size="h3" id="open-invoices">{t('invoicing:desk.open')}</Title>
          {open.isError && <ProblemAlert error={open.error} />}
          {open.isSuccess && open.data.length === 0 && <Text c="dimmed" role="status">{t('invoicing:desk.noneOpen')}</Text>}
          <Stack gap="xs" component="ul" className="nc-plain-list">
            {open.data?.map((inv) => <InvoiceRow key={inv.id} invoice={inv} />)}
          </Stack>
          <Anchor component={Link} to="/billing/invoices" size="sm">{t('invoicing:desk.searchAll')}</Anchor>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function EncounterToInvoice({ encounter: e, canWrite }: { encounter: UninvoicedEncounter; canWrite: boolean }) {
  const { t } = useTranslation('invoicing');
  const format = useFormat();
  const navigate = useNavigate();
  const create = useInvoiceEncounter();
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="uninvoiced">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs" align="baseline"><PatientName patient={nameFields(e)} />{e.mrn && <Text span size="sm" c="dimmed"><Bdi ltr>{e.mrn}</Bdi></Text>}</Group>
          <Text size="sm" c="dimmed">{t('invoicing:desk.started', { time: format.time(e.startedAt), type: t(`invoicing:encounterType.${e.type}`, { defaultValue: e.type }) })}</Text>
        </Stack>
        {canWrite && (
          <Button size="xs" loading={create.isPending} onClick={() => create.mutate(e.encounterId, { onSuccess: (inv) => void navigate(`/billing/invoices/${inv.id}`) })}>
            {t('invoicing:desk.createInvoice')}
          </Button>
        )}
      </Group>
      {create.isError && <Stack mt="xs"><ProblemAlert error={create.error} title={t('invoicing:desk.cannotInvoice')} detail /></Stack>}
    </Paper>
  );
}

