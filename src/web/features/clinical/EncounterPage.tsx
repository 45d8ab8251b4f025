// The encounter workspace: everything a doctor does in one visit on one page — the patient on top
// (allergies in red), vitals, diagnoses, the SOAP note, prescriptions, lab orders, and completing it. A completed encounter
// is shown frozen, and corrections are amendments. The page title does not name the patient
// (titles end up in a shared computer's history).
import { useParams } from 'react-router';
import { Alert, Badge, Grid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Splash } from '../../components/Splash.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useCan } from '../../app/session/permissions.ts';
import { usePatient } from '../reception/queries.ts';
import { usePatientText } from '../reception/usePatientText.ts';
import { ageOf } from '../reception/age.ts';
import { CompleteButton } from './CompleteButton.tsx';
import { DiagnosesSection } from './DiagnosesSection.tsx';
import { LabOrdersSection } from './LabOrdersSection.tsx';
import { NotesSection } from './NotesSection.tsx';
import { PrescriptionsSection } from './PrescriptionsSection.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { useEncounter } from './queries.ts';
import { VitalsSection } from './VitalsSection.tsx';
import { useEncounterText } from './useEncounterText.ts';

export function EncounterPage() {
  const { t } = useTranslation('clinical');
  usePageTitle(t('clinical:encounter.title'));
  const { id } = useParams();
  const query = useEncounter(id);
  const patient = usePatient(query.data?.patientId);
  const { today } = usePatientText();
  const format = useFormat();
  const words = useEncounterText();
  const canComplete = useCan('diagnoses:write');

  if (query.isPending) return <Splash />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const e = query.data;
  const age = patient.data ? ageOf(patient.data.record, today) : null;
  const ageMonths = age === null ? null : age.unit === 'years' ? age.value * 12 : age.unit === 'months' ? age.value : 0;
  const open = e.status === 'in_progress';

  return (
    <Stack gap="lg" maw={1280}>
      <PatientBanner patientId={e.patientId}>
        <Stack gap={4} align="flex-end">
          <Badge size="lg" radius="sm" color={open ? 'blue.8' : 'teal.9'} data-testid="encounter-status">{words.status(e.status)}</Badge>
          <Text size="sm">{words.type(e.type)} · {t('clinical:encounter.started', { time: format.dateTime(e.startedAt) })}</Text>
          {e.chiefComplaint && <Text size="sm">{t('clinical:encounter.complaint')} <bdi>{e.chiefComplaint}</bdi></Text>}
          {open && canComplete && <CompleteButton encounterId={e.id} hasDiagnosis={e.diagnoses.some((d) => d.amendedById === null)} />}
        </Stack>
      </PatientBanner>
      {!open && (
        <Alert color="teal" variant="light" role="status" title={t('clinical:encounter.completedTitle', { time: format.dateTime(e.completedAt ?? e.startedAt) })}>
          {t('clinical:encounter.completedText')}
        </Alert>
      )}
      <VitalsSection encounter={e} ageMonths={ageMonths} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}><DiagnosesSection encounter={e} /></Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}><NotesSection encounter={e} /></Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}><PrescriptionsSection encounter={e} /></Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}><LabOrdersSection encounter={e} /></Grid.Col>
      </Grid>
    </Stack>
  );
}
