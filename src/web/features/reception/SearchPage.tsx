// Reception's first screen: find the patient in front of you, or register them.
import { Link, useNavigate } from 'react-router';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useCan } from '../../app/session/permissions.ts';
import { PatientSearch } from './PatientSearch.tsx';

export function SearchPage() {
  const { t } = useTranslation('reception');
  usePageTitle(t('reception:search.title'));
  const navigate = useNavigate();
  const canRegister = useCan('patients:write');
  return (
    <Stack maw={960} gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>{t('reception:search.title')}</Title>
          <Text c="dimmed">{t('reception:search.intro')}</Text>
        </Stack>
        {canRegister && (
          <Button component={Link} to="/reception/register" leftSection={<IconUserPlus size={18} aria-hidden />}>
            {t('reception:register.open')}
          </Button>
        )}
      </Group>
      <PatientSearch label={t('reception:search.label')} autoFocus includeMerged onPick={(p) => navigate(`/reception/patients/${p.id}`)} />
    </Stack>
  );
}
