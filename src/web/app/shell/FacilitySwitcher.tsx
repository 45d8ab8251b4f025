// The facility the user acts in, on every page. With several, a menu switches between them.
import { Button, Menu, Text } from '@mantine/core';
import { IconBuildingHospital, IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session/SessionProvider.tsx';

export function FacilitySwitcher() {
  const { t } = useTranslation();
  const { me, facility, chooseFacility } = useSignedIn();
  const label = (
    // dir="auto": a Latin name in the Arabic interface is cut at its own end, not its start.
    <Text span size="sm" fw={500} truncate="end" maw={{ base: 130, sm: 260 }} dir="auto" data-testid="current-facility">
      {facility.facilityName}
    </Text>
  );
  if (me.memberships.length < 2) {
    return (
      <Button component="div" variant="light" size="compact-sm" leftSection={<IconBuildingHospital size={16} aria-hidden />} aria-label={t('common:facility.current', { name: facility.facilityName })}>
        {label}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="light" size="compact-sm" leftSection={<IconBuildingHospital size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t('common:facility.switch', { name: facility.facilityName })}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('common:facility.menuLabel')}</Menu.Label>
        {me.memberships.map((m) => (
          <Menu.Item key={m.facilityId} onClick={() => chooseFacility(m.facilityId)}
            leftSection={m.facilityId === facility.facilityId ? <IconCheck size={16} aria-hidden /> : <span style={{ inlineSize: 16 }} />}>
            <bdi>{m.facilityName}</bdi>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
