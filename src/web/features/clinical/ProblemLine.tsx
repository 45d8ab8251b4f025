// One active problem on the chart: code, description, since when; a clinician who keeps the
// problem list can mark it resolved or entered in error (the record stays, with its status).
import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session/permissions.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSetProblemStatus } from './queries.ts';
import type { Problem } from './types.ts';

export function ProblemLine({ problem: p }: { problem: Problem }) {
  const { t } = useTranslation('clinical');
  const canWrite = useCan('diagnoses:write');
  const setStatus = useSetProblemStatus(p.patientId);
  const busy = (status: 'resolved' | 'entered_in_error') => setStatus.isPending && setStatus.variables.status === status;
  return (
    <Group component="li" gap="xs" data-testid="problem">
      {p.code && <Badge variant="light" radius="sm"><Bdi ltr>{p.code}</Bdi></Badge>}
      <Text size="sm" dir="auto">{p.description}</Text>
      {p.onsetDate && <Text size="xs" c="dimmed">{t('clinical:chart.since', { date: p.onsetDate })}</Text>}
      {canWrite && (
        <Group gap={4} ms="auto">
          <Button size="compact-xs" variant="default" loading={busy('resolved')} aria-label={t('clinical:problem.resolveOf', { problem: p.description })}
            onClick={() => setStatus.mutate({ id: p.id, status: 'resolved' })}>{t('clinical:problem.resolve')}</Button>
          <Button size="compact-xs" variant="default" loading={busy('entered_in_error')} aria-label={t('clinical:problem.enteredInErrorOf', { problem: p.description })}
            onClick={() => setStatus.mutate({ id: p.id, status: 'entered_in_error' })}>{t('clinical:problem.enteredInError')}</Button>
        </Group>
      )}
      {setStatus.isError && <ProblemAlert error={setStatus.error} />}
    </Group>
  );
}
