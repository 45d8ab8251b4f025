// Bank-app (Bankak and the like) and mobile-money transfers waiting for the clerk to see them
// arrive: compare the reference with the bank's statement or the phone's message, then confirm.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useCan } from '../../app/session/permissions.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { nameFields } from '../scheduling/names.ts';
import { PatientName } from '../reception/PatientName.tsx';
import { BillingNav } from './BillingNav.tsx';
import { useConfirm, usePendingTransfers } from './queries.ts';
import { useMoney } from './useMoney.ts';
import type { PendingTransfer } from './types.ts';
import './billing.css';

export function TransfersPage() {
  const { t } = useTranslation('invoicing');
  usePageTitle(t('invoicing:transfers.title'));
  const pending = usePendingTransfers();
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('invoicing:transfers.title')}</Title>
      <BillingNav />
      <Text c="dimmed" size="sm">{t('invoicing:transfers.hint')}</Text>
      {pending.isError && <ProblemAlert error={pending.error} />}
      {pending.isSuccess && pending.data.items.length === 0 && <Text c="dimmed" role="status">{t('invoicing:transfers.none')}</Text>}
      <Stack gap="xs" component="ul" className="nc-plain-list">
        {pending.data?.items.map((p) => <TransferItem key={p.id} transfer={p} />)}
      </Stack>
    </Stack>
  );
}

function TransferItem({ transfer: p }: { transfer: PendingTransfer }) {
  const { t } = useTranslation('invoicing');
  const format = useFormat();
  const money = useMoney();
  const canWrite = useCan('billing:write');
  const confirm = useConfirm();
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="transfer" data-reference={p.reference}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs" align="baseline">
            <Text fw={700} className="nc-money">{money(p.amount, p.currency)}</Text>
            <Text>{t(`invoicing:method.${p.method}`)}</Text>
            <Text>{t('invoicing:payments.reference')} <Bdi ltr><Text span fw={600}>{p.reference}</Text></Bdi></Text>
          </Group>
          <Group gap="xs" align="baseline"><PatientName patient={nameFields(p)} size="sm" />{p.mrn && <Text span size="sm" c="dimmed"><Bdi ltr>{p.mrn}</Bdi></Text>}</Group>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/billing/invoices/${p.invoiceId}`} size="sm"><Bdi ltr>{p.invoiceNumber}</Bdi></Anchor> · {format.dateTime(p.receivedAt)}
          </Text>
        </Stack>
        {canWrite && <Button loading={confirm.isPending} onClick={() => confirm.mutate(p.id)}>{t('invoicing:transfers.confirm')}</Button>}
      </Group>
      {confirm.isError && <ProblemAlert error={confirm.error} detail />}
    </Paper>
  );
}
