// A page of encounters as a list: patient, MRN, type, status, provider and start time, each
// leading to its workspace (or, for the triage screen, to its vitals).
import { Link } from 'react-router';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import type { EncounterSummary } from './types.ts';
import { useEncounterText } from './useEncounterText.ts';
import './clinical.css';
import { nameFields } from '../scheduling/names.ts';
import { PatientName } from '../reception/PatientName.tsx';

interface Props {
  items: EncounterSummary[];
  providerName(id: string): string | undefined;
  action?(e: EncounterSummary): ReactNode;
}

export function EncounterList({ items, providerName, action }: Props) {
  const { t } = useTranslation('clinical');
  const format = useFormat();
  const words = useEncounterText();
  return (
    <Stack gap="xs" component="ul" className="nc-plain-list" aria-label={t('clinical:worklist.encounters')}>
      {items.map((e) => (
        <Paper key={e.id} component="li" withBorder radius="md" p="sm" data-testid="worklist-item">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Stack gap={2}>
              <Anchor component={Link} to={`/clinical/encounters/${e.id}`} fw={600}>{e.patientName ? <PatientName patient={nameFields(e)} /> : t('clinical:queue.unnamed')}</Anchor>
              <Text size="sm" c="dimmed">
                {e.mrn && <><Bdi ltr>{e.mrn}</Bdi>{' · '}</>}
                {words.type(e.type)}{' · '}{format.time(e.startedAt)}
                {providerName(e.providerId) && <>{' · '}<bdi>{providerName(e.providerId)}</bdi></>}
              </Text>
              {e.chiefComplaint && <Text size="sm" dir="auto">{e.chiefComplaint}</Text>}
            </Stack>
            <Group gap="sm">
              {e.type === 'emergency' && <Badge color="red.8" radius="sm">{words.type('emergency')}</Badge>}
              <Badge color={e.status === 'completed' ? 'teal.9' : 'blue.8'} radius="sm">{words.status(e.status)}</Badge>
              {action?.(e)}
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
