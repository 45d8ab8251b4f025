// The signed-in user: their account page and signing out.
import { Avatar, Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session/SessionProvider.tsx';
import { Bdi } from '../../components/Bdi.tsx';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? parts[parts.length - 1]![0] : '')).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const { me, facility, signOut } = useSignedIn();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu">
          <Avatar color="nile" radius="xl" size={34} aria-hidden>{initials(me.name)}</Avatar>
          <VisuallyHidden>{t('common:userMenu', { name: me.name })}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label><Bdi>{me.name}</Bdi> · {t(`common:roles.${facility.role}`, { defaultValue: facility.role })}</Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} onClick={() => navigate('/account')}>{t('account:nav')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>{t('common:signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
