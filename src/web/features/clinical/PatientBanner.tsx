// Who the clinician is treating, always on top: the name in the interface's script with the other
// beside it, MRN, age and sex, and the allergies where nobody can miss them (red, with severity in
// words, not only colour). "No known allergies" is said only when the record says so: an empty list.
// Clinicians allowed to record allergies or problems do it from here (HistoryActions).
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PatientName } from '../reception/PatientName.tsx';
import { usePatient } from '../reception/queries.ts';
import { usePatientText } from '../reception/usePatientText.ts';
import { HistoryActions } from './HistoryActions.tsx';
import { useAllergies } from './queries.ts';
import './clinical.css';

export function PatientBanner({ patientId, children, chartLink = true }: { patientId: string; children?: ReactNode; chartLink?: boolean }) {
  const { t } = useTranslation('clinical');
  const patient = usePatient(patientId);
  const allergies = useAllergies(patientId);
  const text = usePatientText();

  if (patient.isError) return <ProblemAlert error={patient.error} />;
  const p = patient.data?.record;
  return (
    <Paper withBorder radius="md" p="md" className="nc-banner" component="section" aria-label={t('clinical:banner.label')}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6}>
          {p ? <PatientName patient={p} order={1} size="lg" /> : <Skeleton height={32} width={280} />}
          {p && (
            <Group gap="md" className="nc-facts">
              <span><VisuallyHidden>{t('clinical:banner.mrn')} </VisuallyHidden><Bdi ltr>{p.mrn}</Bdi></span>
              <span>{text.sex(p.sex)}</span>
              <span>{text.age(p)}</span>
              {chartLink && <Anchor component={Link} to={`/clinical/patients/${p.id}`} size="sm">{t('clinical:banner.chart')}</Anchor>}
            </Group>
          )}
        </Stack>
        {children}
      </Group>
      <Group gap="xs" mt="sm" data-testid="allergies">
        <Text size="sm" fw={700}>{t('clinical:banner.allergies')}</Text>
        {allergies.isPending && <Skeleton height={22} width={120} />}
        {allergies.isError && <Text size="sm" c="red.8">{t('clinical:banner.allergiesUnavailable')}</Text>}
        {allergies.data && allergies.data.items.length === 0 && <Text size="sm">{t('clinical:banner.noKnownAllergies')}</Text>}
        {allergies.data?.items.map((a) => (
          <Badge key={a.id} color="red.8" variant="filled" size="lg" radius="sm" leftSection={<IconAlertTriangle size={14} aria-hidden />} className="nc-allergy">
            <bdi>{a.substance}</bdi>{' · '}{t(`clinical:severity.${a.severity === 'severe' || a.severity === 'moderate' ? a.severity : 'mild'}`)}
            {a.reaction && <>{' · '}<bdi>{a.reaction}</bdi></>}
          </Badge>
        ))}
        <HistoryActions patientId={patientId} />
      </Group>
    </Paper>
  );
}
