// Two-step sign-in on the account page: its state, setting it up, or turning it off (password and
// a code or a recovery code — whoever turns it off must hold the second factor).
import { useState } from 'react';
import { Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ME_QUERY, useSignedIn } from '../../app/session/SessionProvider.tsx';
import { MfaSetup } from './MfaSetup.tsx';

export function MfaSection() {
  const { t } = useTranslation('account');
  const { me } = useSignedIn();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'view' | 'setup' | 'disable'>('view');
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ME_QUERY });
    setMode('view');
  };

  if (mode === 'setup') return <MfaSetup onDone={done} onCancel={() => setMode('view')} />;
  if (mode === 'disable') return <DisableForm onDone={done} onCancel={() => setMode('view')} />;
  return (
    <Stack align="flex-start">
      <Group gap="xs">
        <Text size="sm">{t('account:mfa.status')}</Text>
        <Badge color={me.mfaEnabled ? 'nile' : 'gray'} variant="light">{me.mfaEnabled ? t('account:mfa.on') : t('account:mfa.off')}</Badge>
      </Group>
      <Text size="sm" c="dimmed">{t('account:mfa.explain')}</Text>
      {me.mfaEnabled
        ? <Button variant="default" onClick={() => setMode('disable')}>{t('account:mfa.disable')}</Button>
        : <Button onClick={() => setMode('setup')}>{t('account:mfa.setUp')}</Button>}
    </Stack>
  );
}

function DisableForm({ onDone, onCancel }: { onDone: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation('account');
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: {
      password: (v) => (v ? null : t('account:mfa.passwordRequired')),
      code: (v) => (v.trim().length >= 6 ? null : t('auth:mfa.codeInvalid')),
    },
  });
  const submit = form.onSubmit(async ({ password, code }) => {
    setBusy(true);
    setProblem(null);
    try {
      await call(api.POST('/api/v1/auth/mfa/disable', { body: { password, code: code.replace(/\s/g, '') } }));
      await onDone();
    } catch (error) {
      setProblem(applyServerErrors(form, error, { password: t('account:mfa.wrongPassword') }));
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('account:mfa.disableExplain')}</Text>
        {problem !== null && <ProblemAlert error={problem} />}
        <PasswordInput label={t('auth:fields.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
        <TextInput label={t('account:mfa.codeOrRecovery')} autoComplete="one-time-code" dir="ltr" required {...form.getInputProps('code')} />
        <Group>
          <Button type="submit" color="red" loading={busy}>{t('account:mfa.disable')}</Button>
          <Button variant="default" onClick={onCancel}>{t('common:cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
