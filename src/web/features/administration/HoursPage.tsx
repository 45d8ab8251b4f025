// Working hours: the facility's week (used by providers without their own) or one provider's, and
// a provider's exceptions — a closure or holiday (a day off) or different hours on one date.
import { useState } from 'react';
import { Badge, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { useSignedIn } from '../../app/session/SessionProvider.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Allowed } from './Allowed.tsx';
import { ExceptionsSection } from './ExceptionsSection.tsx';
import { useProviders, useWorkingHours } from './queries.ts';
import { WeekEditor } from './WeekEditor.tsx';
import type { Week } from './hours-form.ts';

export function HoursPage() {
  return <Allowed permission="schedules:manage"><Hours /></Allowed>;
}

function Hours() {
  const { t } = useTranslation('administration');
  usePageTitle(t('administration:hours.title'));
  const { facility } = useSignedIn();
  const providers = useProviders();
  const [providerId, setProviderId] = useState('');
  const hours = useWorkingHours(providerId);
  const queryClient = useQueryClient();

  const save = async (body: { slotMinutes: number; days: Week }) => {
    const next = await call(providerId
      ? api.PUT('/api/v1/providers/{id}/working-hours', { params: { path: { id: providerId } }, body })
      : api.PUT('/api/v1/facility/working-hours', { body }));
    queryClient.setQueryData(['admin', 'hours', providerId], next);
    // Providers without their own hours follow the facility's.
    if (!providerId) await queryClient.invalidateQueries({ queryKey: ['admin', 'hours'] });
  };

  return (
    <Stack maw={880} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('administration:hours.title')}</Title>
        <Text c="dimmed">{t('administration:hours.intro', { facility: facility.facilityName })}</Text>
      </Stack>
      {providers.isError && <ProblemAlert error={providers.error} />}
      <Select
        label={t('administration:hours.whose')} allowDeselect={false} searchable maw={420} value={providerId} onChange={(v) => setProviderId(v ?? '')}
        data={[{ value: '', label: t('administration:hours.facility') }, ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${t(`common:roles.${p.role}`, { defaultValue: p.role })}` }))]}
      />
      <Paper withBorder p="lg">
        <Stack>
          <Group gap="sm">
            <Title order={2} size="h3">{t('administration:hours.week')}</Title>
            {hours.data && <Badge variant="light" color="gray">{t(`administration:hours.source.${hours.data.source}`)}</Badge>}
          </Group>
          {hours.data && <Text size="sm" c="dimmed">{t('administration:hours.zone', { zone: hours.data.timeZone })}</Text>}
          {hours.isPending && <Loader aria-label={t('common:loading')} />}
          {hours.isError && <ProblemAlert error={hours.error} />}
          {hours.data && <WeekEditor key={providerId} hours={hours.data} onSave={save} />}
        </Stack>
      </Paper>
      {providerId ? <ExceptionsSection providerId={providerId} /> : <Text c="dimmed">{t('administration:exceptions.pickProvider')}</Text>}
    </Stack>
  );
}
