// The second sign-in step: a 6-digit code from the authenticator app, or one of the recovery codes
// given at enrolment. A spent or expired step starts the sign-in over.
import { useState } from 'react';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { isApiError } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

export function MfaStep({ mfaToken, onSignedIn, onRestart }: { mfaToken: string; onSignedIn: (accessToken: string) => Promise<void>; onRestart: () => void }) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (v) => {
        const code = v.replace(/\s/g, '');
        if (recovery) return code.length >= 6 ? null : t('auth:mfa.recoveryInvalid');
        return /^\d{6}$/.test(code) ? null : t('auth:mfa.codeInvalid');
      },
    },
  });

  const submit = form.onSubmit(async ({ code }) => {
    setBusy(true);
    setProblem(null);
    try {
      const session = await call(api.POST('/api/v1/auth/mfa/verify', { body: { mfaToken, code: code.replace(/\s/g, '') } }));
      await onSignedIn(session.accessToken);
    } catch (error) {
      // The challenge is spent or expired: only a fresh sign-in helps.
      if (isApiError(error) && error.code === 'token_invalid') onRestart();
      form.setFieldValue('code', '');
      setProblem(error);
    } finally {
      setBusy(false);
    }
  });

  const toggle = () => {
    setRecovery((r) => !r);
    form.reset();
    setProblem(null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{recovery ? t('auth:mfa.recoveryExplain') : t('auth:mfa.explain')}</Text>
        {problem !== null && <ProblemAlert error={problem} />}
        <TextInput
          key={recovery ? 'recovery' : 'totp'}
          label={recovery ? t('auth:mfa.recoveryLabel') : t('auth:mfa.codeLabel')}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          dir="ltr"
          autoFocus
          required
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={busy} fullWidth>{t('auth:mfa.submit')}</Button>
        <Anchor component="button" type="button" size="sm" onClick={toggle}>
          {recovery ? t('auth:mfa.useCode') : t('auth:mfa.useRecovery')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRestart}>{t('auth:mfa.restart')}</Anchor>
      </Stack>
    </form>
  );
}
