// One patient's record: the name in the interface's script with the other beside it, the details,
// and — for roles that may — editing and merging a duplicate into it. The page title does not name
// the patient: titles end up in the browser's history on a shared clinic computer. Below the
// details, the patient's insurance cover (CoveragePanel).
import { Link, useLocation, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconGitMerge, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Splash } from '../../components/Splash.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useCan } from '../../app/session/permissions.ts';
import { usePatient } from './queries.ts';
import { PatientName } from './PatientName.tsx';
import { PatientDetails } from './PatientDetails.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { ContactPreferences } from './ContactPreferences.tsx';
import { usePatientText } from './usePatientText.ts';
import './reception.css';

/** What the previous screen did, passed in the navigation (no patient data). */
export interface PatientPageNotice { registered?: boolean; saved?: boolean; merged?: boolean }

export function PatientPage() {
  const { t } = useTranslation('reception');
  usePageTitle(t('reception:patient.title'));
  const { id } = useParams();
  const notice = (useLocation().state ?? {}) as PatientPageNotice;
  const query = usePatient(id);
  const text = usePatientText();
  const canEdit = useCan('patients:write');
  const canMerge = useCan('patients:merge');

  if (query.isPending) return <Splash />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const p = query.data.record;
  const merged = p.status === 'merged';

  return (
    <Stack maw={1000} gap="lg">
      {notice.registered && <Alert role="status" color="teal" title={t('reception:patient.registered')}><Text size="sm">{t('reception:patient.registeredText')} <Bdi ltr>{p.mrn}</Bdi></Text></Alert>}
      {notice.saved && <Alert role="status" color="teal">{t('reception:patient.saved')}</Alert>}
      {notice.merged && <Alert role="status" color="teal">{t('reception:patient.merged')}</Alert>}
      {merged && p.mergedIntoId && (
        <Alert color="yellow" title={t('reception:patient.mergedAwayTitle')}>
          <Text size="sm">{t('reception:patient.mergedAwayText')}</Text>
          <Anchor component={Link} to={`/reception/patients/${p.mergedIntoId}`} size="sm">{t('reception:patient.openSurvivor')}</Anchor>
        </Alert>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6}>
          <Text size="sm" c="dimmed">{t('reception:patient.title')}</Text>
          <PatientName patient={p} order={1} size="lg" />
          <Group gap="xs">
            <Badge variant="light" size="lg" radius="sm" data-testid="patient-mrn"><Bdi ltr>{p.mrn}</Bdi></Badge>
            {p.status !== 'active' && <Badge {...(merged ? { variant: 'filled', color: 'yellow.3', autoContrast: true } : { variant: 'light', color: 'gray' })} size="lg" radius="sm">{text.status(p.status)}</Badge>}
          </Group>
        </Stack>
        {!merged && (canEdit || canMerge) && (
          <Group gap="sm">
            {canEdit && <Button component={Link} to="edit" leftSection={<IconPencil size={18} aria-hidden />}>{t('reception:patient.edit')}</Button>}
            {canMerge && <Button component={Link} to="merge" variant="default" leftSection={<IconGitMerge size={18} aria-hidden />}>{t('reception:patient.merge')}</Button>}
          </Group>
        )}
      </Group>
      <Paper withBorder p="lg" radius="md">
        <PatientDetails patient={p} />
      </Paper>
      {!merged && <CoveragePanel patientId={p.id} />}
      {!merged && <ContactPreferences patientId={p.id} />}
      <Group>
        <Anchor component={Link} to="/reception">{t('reception:patient.backToSearch')}</Anchor>
      </Group>
    </Stack>
  );
}
