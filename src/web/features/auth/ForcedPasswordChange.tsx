// A new account, or one given a temporary password, must choose its own before anything else.
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session/SessionProvider.tsx';
import { PasswordForm } from '../account/PasswordForm.tsx';
import { AuthPage } from './AuthPage.tsx';

export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  return (
    <AuthPage title={t('auth:forced.passwordTitle')} width={480}>
      <Text size="sm">{t('auth:forced.passwordExplain')}</Text>
      <PasswordForm />
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => void signOut()}>{t('common:signOut')}</Anchor>
    </AuthPage>
  );
}
