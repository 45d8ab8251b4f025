// A clinician's worklist: the waiting queue (start a visit), then the day's encounters by status
// and provider — "mine" by default for a doctor — each leading into its workspace. Walk-ins and
// emergencies start from "New encounter".
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFileSearch, IconHeartbeat, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session/SessionProvider.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { todayIn } from '../reception/age.ts';
import { useCan } from '../../app/session/permissions.ts';
import { EncounterList } from './EncounterList.tsx';
import { QueueList } from './QueueList.tsx';
import { useProviders, useWorklist } from './queries.ts';

type StatusFilter = 'all' | 'in_progress' | 'completed';

export function WorklistPage() {
  const { t } = useTranslation('clinical');
  usePageTitle(t('clinical:worklist.title'));
  const navigate = useNavigate();
  const { me, facility } = useSignedIn();
  const format = useFormat();
  const canOpen = useCan('encounters:write');
  const canTriage = useCan('vitals:write');
  const providers = useProviders(useCan('appointments:read'));
  // A doctor sees their own patients first; a nurse works for everyone.
  const isProvider = facility.role === 'doctor' && Boolean(providers.data?.items.some((p) => p.id === me.id));
  const [date, setDate] = useState(() => todayIn(format.settings.timeZone));
  const [status, setStatus] = useState<StatusFilter>('in_progress');
  const [provider, setProvider] = useState<string | null>(null);
  const providerId = provider ?? (isProvider ? me.id : 'all');
  const worklist = useWorklist({ date, ...(status !== 'all' && { status }), ...(providerId !== 'all' && { providerId }) });
  const items = worklist.data?.pages.flatMap((p) => p.items) ?? [];
  const providerName = (id: string) => providers.data?.items.find((p) => p.id === id)?.name;

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('clinical:worklist.title')}</Title>
        <Group gap="sm">
          {canTriage && <Button component={Link} to="triage" variant="light" leftSection={<IconHeartbeat size={18} aria-hidden />}>{t('clinical:triage.title')}</Button>}
          <Button component={Link} to="patients" variant="default" leftSection={<IconFileSearch size={18} aria-hidden />}>{t('clinical:find.title')}</Button>
          {canOpen && <Button component={Link} to="new" leftSection={<IconPlus size={18} aria-hidden />}>{t('clinical:worklist.new')}</Button>}
        </Group>
      </Group>
      <QueueList title={t('clinical:queue.title')} onStarted={(id) => void navigate(`encounters/${id}`)} />
      <Stack gap="sm" component="section" aria-labelledby="encounters-title">
        <Title order={2} size="h3" id="encounters-title">{t('clinical:worklist.encounters')}</Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput type="date" label={t('clinical:worklist.date')} value={date} onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} w={170} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="status-filter">{t('clinical:worklist.status')}</Text>
            <SegmentedControl aria-labelledby="status-filter" value={status} onChange={(v) => setStatus(v as StatusFilter)}
              data={(['in_progress', 'completed', 'all'] as const).map((s) => ({ value: s, label: t(`clinical:worklist.filter.${s}`) }))} />
          </Stack>
          {providers.data && (
            <Select label={t('clinical:worklist.provider')} value={providerId} onChange={(v) => setProvider(v ?? 'all')} allowDeselect={false} w={240}
              data={[{ value: 'all', label: t('clinical:worklist.allProviders') }, ...providers.data.items.map((p) => ({ value: p.id, label: p.id === me.id ? t('clinical:worklist.me', { name: p.name }) : p.name }))]} />
          )}
        </Group>
        {worklist.isError && <ProblemAlert error={worklist.error} />}
        {worklist.isSuccess && items.length === 0 && <Text size="sm" c="dimmed" role="status">{t('clinical:worklist.empty')}</Text>}
        <EncounterList items={items} providerName={providerName} />
        {worklist.hasNextPage && (
          <Group><Button variant="default" loading={worklist.isFetchingNextPage} onClick={() => void worklist.fetchNextPage()}>{t('clinical:worklist.more')}</Button></Group>
        )}
      </Stack>
    </Stack>
  );
}
