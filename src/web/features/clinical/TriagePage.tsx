// The nurse's triage screen: take the next patient from the queue (starting the visit opens its
// encounter) or one already in progress, record vitals with the first field focused, see the
// flags the server put on them, and move to the next. The doctor finds them in the worklist.
import { useState } from 'react';
import { Alert, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ageOf, todayIn } from '../reception/age.ts';
import { usePatient } from '../reception/queries.ts';
import { EncounterList } from './EncounterList.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { QueueList } from './QueueList.tsx';
import { useEncounter, useProviders, useWorklist } from './queries.ts';
import type { Vitals } from './types.ts';
import { VitalsCard } from './VitalsCard.tsx';
import { VitalsForm } from './VitalsForm.tsx';

export function TriagePage() {
  const { t } = useTranslation('clinical');
  usePageTitle(t('clinical:triage.title'));
  const format = useFormat();
  const [selected, setSelected] = useState<string | null>(null);
  const worklist = useWorklist({ date: todayIn(format.settings.timeZone), status: 'in_progress' });
  const providers = useProviders(true);
  const items = worklist.data?.pages.flatMap((p) => p.items) ?? [];
  const providerName = (id: string) => providers.data?.items.find((p) => p.id === id)?.name;

  return (
    <Stack gap="lg" maw={1280}>
      <Title order={1}>{t('clinical:triage.title')}</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <QueueList title={t('clinical:queue.title')} onStarted={(id) => setSelected(id)} />
            <Stack gap="sm" component="section" aria-labelledby="in-progress-title">
              <Title order={2} size="h3" id="in-progress-title">{t('clinical:triage.inProgress')}</Title>
              {worklist.isError && <ProblemAlert error={worklist.error} />}
              {worklist.isSuccess && items.length === 0 && <Text size="sm" c="dimmed">{t('clinical:worklist.empty')}</Text>}
              <EncounterList items={items} providerName={providerName} action={(e) => (
                <Button size="compact-md" variant={selected === e.id ? 'filled' : 'light'} onClick={() => setSelected(e.id)}
                  aria-label={t('clinical:triage.recordFor', { name: e.patientName ?? e.mrn ?? '' })}>{t('clinical:triage.record')}</Button>
              )} />
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {selected ? <TriagePanel key={selected} encounterId={selected} onNext={() => setSelected(null)} /> : <Text c="dimmed">{t('clinical:triage.pick')}</Text>}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function TriagePanel({ encounterId, onNext }: { encounterId: string; onNext(): void }) {
  const { t } = useTranslation('clinical');
  const format = useFormat();
  const encounter = useEncounter(encounterId);
  const patient = usePatient(encounter.data?.patientId);
  const [recorded, setRecorded] = useState<Vitals | null>(null);
  if (encounter.isError) return <ProblemAlert error={encounter.error} />;
  if (!encounter.data) return null;
  const age = patient.data ? ageOf(patient.data.record, todayIn(format.settings.timeZone)) : null;
  const ageMonths = age === null ? null : age.unit === 'years' ? age.value * 12 : age.unit === 'months' ? age.value : 0;
  return (
    <Stack gap="md" component="section" aria-label={t('clinical:triage.panel')}>
      <PatientBanner patientId={encounter.data.patientId} />
      {recorded ? (
        <>
          <Alert color="teal" variant="light" role="status" title={t('clinical:triage.saved')}>
            {recorded.abnormal.length > 0 ? t('clinical:triage.savedAbnormal', { count: recorded.abnormal.length }) : t('clinical:triage.savedNormal')}
          </Alert>
          <VitalsCard vitals={recorded} />
          <Group><Button onClick={onNext} autoFocus>{t('clinical:triage.next')}</Button></Group>
        </>
      ) : (
        <>
          <Title order={2} size="h3">{t('clinical:vitals.title')}</Title>
          <VitalsForm encounterId={encounterId} ageMonths={ageMonths} onDone={setRecorded} autoFocus />
        </>
      )}
    </Stack>
  );
}
