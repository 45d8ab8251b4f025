// Opening a patient's chart: reception's search box, leading to the chart instead of the record.
import { useNavigate } from 'react-router';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { PatientSearch } from '../reception/PatientSearch.tsx';

export function FindChartPage() {
  const { t } = useTranslation('clinical');
  usePageTitle(t('clinical:find.title'));
  const navigate = useNavigate();
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('clinical:find.title')}</Title>
      <PatientSearch label={t('clinical:find.label')} onPick={(p) => void navigate(`/clinical/patients/${p.id}`)} autoFocus />
    </Stack>
  );
}
