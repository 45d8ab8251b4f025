// A walk-in or an emergency: find the patient with reception's search (or register one there),
// say what kind of visit and why they came, open the encounter and go straight into it.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { PatientFacts } from '../reception/PatientFacts.tsx';
import { PatientName } from '../reception/PatientName.tsx';
import { PatientSearch } from '../reception/PatientSearch.tsx';
import { useCan } from '../../app/session/permissions.ts';
import { useOpenEncounter } from './queries.ts';

export function NewEncounterPage() {
  const { t } = useTranslation('clinical');
  usePageTitle(t('clinical:new.title'));
  const navigate = useNavigate();
  const open = useOpenEncounter();
  const canRegister = useCan('patients:write');
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [type, setType] = useState<'outpatient' | 'emergency'>('outpatient');
  const [complaint, setComplaint] = useState('');

  const start = () => patient && open.mutate(
    { patientId: patient.id, type, ...(complaint.trim() && { chiefComplaint: complaint.trim() }) },
    { onSuccess: (e) => void navigate(`/clinical/encounters/${e.id}`) },
  );

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('clinical:new.title')}</Title>
      {!patient && (
        <>
          <PatientSearch label={t('clinical:new.find')} onPick={setPatient} autoFocus />
          {canRegister && <Text size="sm">{t('clinical:new.notFound')} <Anchor component={Link} to="/reception/register">{t('clinical:new.register')}</Anchor></Text>}
        </>
      )}
      {patient && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <PatientName patient={patient} size="lg" />
                <PatientFacts patient={patient} />
              </Stack>
              <Button variant="subtle" onClick={() => setPatient(null)}>{t('clinical:new.another')}</Button>
            </Group>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="visit-type">{t('clinical:new.type')}</Text>
              <SegmentedControl aria-labelledby="visit-type" value={type} onChange={(v) => setType(v === 'emergency' ? 'emergency' : 'outpatient')} w="fit-content"
                data={[{ value: 'outpatient', label: t('clinical:new.walkIn') }, { value: 'emergency', label: t('clinical:type.emergency') }]} color={type === 'emergency' ? 'red.8' : undefined} />
            </Stack>
            <Textarea label={t('clinical:new.complaint')} value={complaint} onChange={(e) => setComplaint(e.currentTarget.value)} maxLength={1000} autosize minRows={2} dir="auto" />
            {open.isError && <ProblemAlert error={open.error} />}
            <Group><Button onClick={start} loading={open.isPending}>{t('clinical:new.start')}</Button></Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
