// The waiting room as a board that refreshes itself (queries.ts REFRESH_MS): today's expected
// patients, to check in as they arrive, and those waiting in arrival order with how long they have
// waited, for the clinician to call in. A walk-in is booked into the provider's next free slot and
// checked in at once — the API's own two steps.
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarTime, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Splash } from '../../components/Splash.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { PatientName } from '../reception/PatientName.tsx';
import { useCan } from '../../app/session/permissions.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { todayIn } from './day.ts';
import { nameFields } from './names.ts';
import { REFRESH_MS, useDay, useProviders, useQueue, useTransition } from './queries.ts';
import { useScheduleText } from './useScheduleText.ts';
import { WalkInDrawer } from './WalkInDrawer.tsx';
import './scheduling.css';

export function QueuePage() {
  const { t } = useTranslation('scheduling');
  usePageTitle(t('scheduling:queue.title'));
  const text = useScheduleText();
  const today = todayIn(text.format.settings.timeZone);
  const [providerId, setProviderId] = useState<string | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const providers = useProviders();
  const queue = useQueue(providerId);
  const expected = useDay(today, providerId, { status: ['scheduled'], refresh: 'board' });
  const transition = useTransition();
  const canWrite = useCan('appointments:write');
  const canAttend = useCan('appointments:attend');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={1}>{t('scheduling:queue.title')}</Title>
          <Text c="dimmed">{text.day(today)}</Text>
        </Stack>
        <Group gap="sm">
          {canWrite && <Button onClick={() => setWalkIn(true)} leftSection={<IconUserPlus size={18} aria-hidden />}>{t('scheduling:walkIn.open')}</Button>}
          <Button component={Link} to="/scheduling" variant="default" leftSection={<IconCalendarTime size={18} aria-hidden />}>{t('scheduling:queue.toDay')}</Button>
        </Group>
      </Group>
      <Group gap="md" align="flex-end">
        <NativeSelect label={t('scheduling:day.provider')} value={providerId ?? ''} w={240} onChange={(e) => setProviderId(e.currentTarget.value || null)}
          data={[{ value: '', label: t('scheduling:day.allProviders') }, ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]} />
        {queue.dataUpdatedAt > 0 && (
          <Text size="sm" c="dimmed" data-testid="queue-updated">
            {t('scheduling:queue.updated', { time: text.format.time(queue.dataUpdatedAt), seconds: REFRESH_MS / 1000 })}
          </Text>
        )}
      </Group>
      {transition.isError && <ProblemAlert error={transition.error} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="queue-waiting">
          <Title order={2} size="h4" id="queue-waiting" mb="sm">{t('scheduling:queue.waiting')}</Title>
          {queue.isPending ? <Splash /> : queue.isError ? <ProblemAlert error={queue.error} /> : queue.data.items.length === 0
            ? <Text size="sm" c="dimmed">{t('scheduling:queue.nobodyWaiting')}</Text>
            : (
              <ol className="nc-board-list" data-testid="queue-waiting-list">
                {queue.data.items.map((item, i) => (
                  <li key={item.appointmentId}>
                    <Paper withBorder p="sm" radius="sm">
                      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                        <Stack gap={2}>
                          <Group gap="xs"><Badge variant="filled" radius="sm">{text.format.number(i + 1)}</Badge><PatientName patient={nameFields(item)} /></Group>
                          <Text size="sm" c="dimmed">
                            {item.mrn && <><Bdi ltr>{item.mrn}</Bdi> · </>}{item.providerName} · {t('scheduling:queue.booked', { time: text.format.time(item.dateTime) })}
                          </Text>
                          <Text size="sm" fw={600}>{t('scheduling:queue.waited', { count: item.waitingMinutes })}</Text>
                        </Stack>
                        {canAttend && (
                          <Button size="xs" onClick={() => transition.mutate({ id: item.appointmentId, action: 'start' })} loading={transition.isPending && transition.variables?.id === item.appointmentId}>
                            {t('scheduling:actions.start')}
                          </Button>
                        )}
                      </Group>
                    </Paper>
                  </li>
                ))}
              </ol>
            )}
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="queue-expected">
          <Title order={2} size="h4" id="queue-expected" mb="sm">{t('scheduling:queue.expected')}</Title>
          {expected.isPending ? <Splash /> : expected.isError ? <ProblemAlert error={expected.error} /> : expected.data.length === 0
            ? <Text size="sm" c="dimmed">{t('scheduling:queue.nobodyExpected')}</Text>
            : (
              <ul className="nc-board-list" data-testid="queue-expected-list">
                {expected.data.map((a) => (
                  <li key={a.id}>
                    <Paper withBorder p="sm" radius="sm">
                      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                        <Stack gap={2}>
                          <PatientName patient={nameFields(a)} />
                          <Text size="sm" c="dimmed">{text.format.time(a.dateTime)} · {a.providerName} · {text.type(a.type)}</Text>
                        </Stack>
                        {canWrite && (
                          <Button size="xs" onClick={() => transition.mutate({ id: a.id, action: 'checkIn' })} loading={transition.isPending && transition.variables?.id === a.id}
                            aria-label={t('scheduling:queue.checkInWho', { patient: text.nameLine(a) })}>
                            {t('scheduling:actions.checkIn')}
                          </Button>
                        )}
                      </Group>
                    </Paper>
                  </li>
                ))}
              </ul>
            )}
        </Paper>
      </SimpleGrid>
      <WalkInDrawer opened={walkIn} today={today} providers={providers.data?.items ?? []} onClose={() => setWalkIn(false)} />
    </Stack>
  );
}
