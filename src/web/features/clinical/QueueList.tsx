// Today's checked-in patients still waiting (scheduling's queue), in arrival order, with how long
// they have waited. Starting one opens the visit's encounter; `onStarted` says where to go next
// (the doctor's workspace, or the nurse's vitals).
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useCan } from '../../app/session/permissions.ts';
import { useQueue, useStartAppointment } from './queries.ts';
import type { QueueItem } from './types.ts';
import './clinical.css';
import { usePatientText } from '../reception/usePatientText.ts';
import { nameFields } from '../scheduling/names.ts';
import { PatientName } from '../reception/PatientName.tsx';

export function QueueList({ onStarted, title }: { onStarted(encounterId: string, item: QueueItem): void; title: string }) {
  const { t } = useTranslation('clinical');
  const { name } = usePatientText();
  const format = useFormat();
  const canRead = useCan('appointments:read');
  const canStart = useCan('appointments:attend');
  const queue = useQueue(canRead);
  const start = useStartAppointment();
  if (!canRead) return null;

  const begin = (item: QueueItem) => start.mutate(item.appointmentId, {
    onSuccess: (appointment) => {
      const encounterId = appointment.links?.encounterId;
      if (encounterId) onStarted(encounterId, item);
    },
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="queue-title">
      <Title order={2} size="h3" id="queue-title">{title}</Title>
      {queue.isError && <ProblemAlert error={queue.error} />}
      {start.isError && <ProblemAlert error={start.error} />}
      {queue.data && queue.data.items.length === 0 && <Text size="sm" c="dimmed">{t('clinical:queue.empty')}</Text>}
      {queue.data && queue.data.items.length > 0 && (
        <Stack gap="xs" component="ul" className="nc-plain-list">
          {queue.data.items.map((item) => (
            <Paper key={item.appointmentId} component="li" withBorder radius="md" p="sm" data-testid="queue-item">
              <Group justify="space-between" gap="sm">
                <Stack gap={2}>
                  {item.patientName ? <PatientName patient={nameFields(item)} /> : <Text fw={600}>{t('clinical:queue.unnamed')}</Text>}
                  <Text size="sm" c="dimmed">
                    {item.mrn && <><Bdi ltr>{item.mrn}</Bdi>{' · '}</>}
                    {t('clinical:queue.with', { provider: item.providerName })}{' · '}
                    {t('clinical:queue.waiting', { count: item.waitingMinutes, time: format.time(item.checkedInAt) })}
                  </Text>
                </Stack>
                {canStart && (
                  <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={start.isPending && start.variables === item.appointmentId}
                    onClick={() => begin(item)} aria-label={t('clinical:queue.startFor', { name: item.patientName ? name(nameFields(item)).primary.text : item.mrn ?? '' })}>
                    {t('clinical:queue.start')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {!canStart && queue.data && queue.data.items.length > 0 && <Alert variant="light">{t('clinical:queue.cannotStart')}</Alert>}
    </Stack>
  );
}
