// The frame of every signed-in screen: header (menu button on phones, app name, the facility the
// user acts in, language, user menu), navigation built from the areas the role may open, and the
// screen itself. A skip link lets keyboard users jump past the navigation.
import { Suspense, useEffect } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AREAS } from '../areas.ts';
import { visibleAreas } from '../area.ts';
import { useSignedIn } from '../session/SessionProvider.tsx';
import { Splash } from '../../components/Splash.tsx';
import { FacilitySwitcher } from './FacilitySwitcher.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { UserMenu } from './UserMenu.tsx';

export function Shell() {
  const { facility } = useSignedIn();
  const reachable = visibleAreas(AREAS, facility.permissions);
  // Navigation labels live in each area's own catalogue: load those of the areas shown.
  const { t } = useTranslation(['common', 'home', ...reachable.map((a) => a.id)]);
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  useEffect(close, [location.pathname, close]);
  const areas = reachable.filter((a) => a.nav !== false);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a className="nc-skip-link" href="#main">{t('common:skipToContent')}</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('common:menu')} aria-expanded={opened} />
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Text fw={700} visibleFrom="xs">{t('common:appName')}</Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <FacilitySwitcher />
            <LanguageToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('common:navigation')}>
        <ScrollArea>
          <NavLink component={RouterNavLink} to="/" end label={t('home:nav')} leftSection={<IconHome size={18} aria-hidden />} />
          {areas.map((area) => (
            <NavLink key={area.id} component={RouterNavLink} to={`/${area.path}`} label={t(area.label)} leftSection={<area.icon size={18} aria-hidden />} />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Splash />}><Outlet /></Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
