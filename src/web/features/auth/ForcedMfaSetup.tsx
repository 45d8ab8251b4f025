// The facility requires two-step sign-in for this role: set it up before anything else.
import { Anchor, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ME_QUERY, useSession } from '../../app/session/SessionProvider.tsx';
import { MfaSetup } from '../account/MfaSetup.tsx';
import { AuthPage } from './AuthPage.tsx';

export function ForcedMfaSetup() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const queryClient = useQueryClient();
  return (
    <AuthPage title={t('auth:forced.mfaTitle')} width={520}>
      <Text size="sm">{t('auth:forced.mfaExplain')}</Text>
      <MfaSetup onDone={() => void queryClient.invalidateQueries({ queryKey: ME_QUERY })} />
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => void signOut()}>{t('common:signOut')}</Anchor>
    </AuthPage>
  );
}
