// Administration's first screen: the sections this role may open, one card each.
import { Link } from 'react-router';
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session/SessionProvider.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { SECTIONS } from './sections.ts';

export function AdminHome() {
  const { t } = useTranslation('administration');
  usePageTitle(t('administration:nav'));
  const { facility } = useSignedIn();
  const sections = SECTIONS.filter((s) => facility.permissions.includes(s.permission));
  return (
    <Stack maw={960} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('administration:nav')}</Title>
        <Text c="dimmed">{t('administration:home.intro', { facility: facility.facilityName })}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {sections.map((s) => (
          <Card key={s.id} component={Link} to={s.path} withBorder padding="lg">
            <Group wrap="nowrap" align="flex-start">
              <s.icon size={28} aria-hidden />
              <Stack gap={4}>
                <Text fw={600}>{t(`administration:${s.id}.title`)}</Text>
                <Text size="sm" c="dimmed">{t(`administration:${s.id}.summary`)}</Text>
              </Stack>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
