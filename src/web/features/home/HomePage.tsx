// Home after sign-in: who I am, where I work today, and the areas my role opens.
import { Link } from 'react-router';
import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingHospital, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AREAS } from '../../app/areas.ts';
import { visibleAreas } from '../../app/area.ts';
import { useSignedIn } from '../../app/session/SessionProvider.tsx';
import { Bdi } from '../../components/Bdi.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useNow } from '../../components/useNow.ts';
import { useFormat } from '../../i18n/useFormat.ts';

export function HomePage() {
  const { me, facility } = useSignedIn();
  const areas = visibleAreas(AREAS, facility.permissions);
  const { t } = useTranslation(['home', ...areas.map((a) => a.id)]);
  const format = useFormat();
  usePageTitle(t('home:title'));
  const now = useNow();
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('home:greeting', { name: me.name.split(/\s+/)[0] })}</Title>
        <Text c="dimmed">{t('home:signedInAs', { role: t(`common:roles.${facility.role}`, { defaultValue: facility.role }) })}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Card withBorder padding="lg" radius="md">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" size="lg" aria-hidden><IconBuildingHospital size={20} /></ThemeIcon>
            <Stack gap={2}>
              <Text size="sm" c="dimmed">{t('home:facility')}</Text>
              <Text fw={600} data-testid="home-facility"><Bdi>{facility.facilityName}</Bdi></Text>
              <Text size="sm" c="dimmed">{t('home:timeZone', { zone: format.timeZoneName() })}</Text>
            </Stack>
          </Group>
        </Card>
        <Card withBorder padding="lg" radius="md">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" size="lg" aria-hidden><IconClock size={20} /></ThemeIcon>
            <Stack gap={2}>
              <Text size="sm" c="dimmed">{t('home:today')}</Text>
              <Text fw={600}>{format.date(now)}</Text>
              <Text size="sm" c="dimmed">{t('home:localTime', { time: format.time(now) })}</Text>
            </Stack>
          </Group>
        </Card>
      </SimpleGrid>
      <Title order={2} size="h3">{t('home:areasTitle')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {areas.map((area) => (
          <li key={area.id}>
            <Card component={Link} to={`/${area.path}`} withBorder padding="lg" radius="md" h="100%">
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" aria-hidden><area.icon size={20} /></ThemeIcon>
                <Stack gap={2}>
                  <Text fw={600}>{t(area.label)}</Text>
                  <Text size="sm" c="dimmed">{t(area.description)}</Text>
                </Stack>
              </Group>
            </Card>
          </li>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
