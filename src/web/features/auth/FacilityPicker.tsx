// A user who works in several facilities says which one they act in now; every screen then works
// in it (X-Facility-Id) and the header shows it. The choice is remembered on this computer.
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconBuildingHospital } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session/SessionProvider.tsx';
import { Bdi } from '../../components/Bdi.tsx';
import { AuthPage } from './AuthPage.tsx';

export function FacilityPicker() {
  const { t } = useTranslation();
  const { me, chooseFacility, signOut } = useSession();
  const memberships = me?.memberships ?? [];
  return (
    <AuthPage title={t('auth:facility.title')}>
      <Text size="sm">{memberships.length ? t('auth:facility.explain') : t('auth:facility.none')}</Text>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {memberships.map((m) => (
          <li key={m.facilityId}>
            <Button variant="default" fullWidth justify="flex-start" h="auto" mih={40} py={8} styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
              leftSection={<IconBuildingHospital size={18} aria-hidden />} onClick={() => chooseFacility(m.facilityId)}>
              <Stack gap={0} align="flex-start">
                <Text span fw={600} size="sm"><Bdi>{m.facilityName}</Bdi></Text>
                <Text span size="xs" c="dimmed">{t(`common:roles.${m.role}`, { defaultValue: m.role })}</Text>
              </Stack>
            </Button>
          </li>
        ))}
      </Stack>
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => void signOut()}>{t('common:signOut')}</Anchor>
    </AuthPage>
  );
}
