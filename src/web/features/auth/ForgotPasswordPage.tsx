// "Forgot password?": asks for the account's email and then always says the same thing, whether
// or not the email has an account (the server answers alike, so nobody can probe for accounts).
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AuthPage } from './AuthPage.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : t('auth:signIn.emailInvalid')) },
  });

  const submit = form.onSubmit(async ({ email }) => {
    setBusy(true);
    setProblem(null);
    try {
      await call(api.POST('/api/v1/auth/password-reset', { body: { email: email.trim() } }));
      setSentTo(email.trim());
    } catch (error) {
      setProblem(applyServerErrors(form, error));
    } finally {
      setBusy(false);
    }
  });

  const back = <Anchor component={Link} to="/sign-in" size="sm">{t('auth:reset.backToSignIn')}</Anchor>;

  if (sentTo !== null) {
    return (
      <AuthPage title={t('auth:reset.requestTitle')}>
        {/* The address isolated (FSI…PDI), so an Arabic sentence does not reorder its parts. */}
        <Alert color="nile" role="status" title={t('auth:reset.sentTitle')}>
          {t('auth:reset.sent', { email: `\u2068${sentTo}\u2069` })}
        </Alert>
        <Text size="sm" c="dimmed">{t('auth:reset.sentHint')}</Text>
        {back}
      </AuthPage>
    );
  }

  return (
    <AuthPage title={t('auth:reset.requestTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('auth:reset.requestExplain')}</Text>
          {problem !== null && <ProblemAlert error={problem} />}
          <TextInput label={t('auth:fields.email')} type="email" autoComplete="username" inputMode="email" dir="ltr" required {...form.getInputProps('email')} />
          <Button type="submit" loading={busy} fullWidth>{t('auth:reset.requestSubmit')}</Button>
          {back}
        </Stack>
      </form>
    </AuthPage>
  );
}
