// "Set a new password", opened from the emailed link. The token comes in the fragment
// (#token=…, which no server or Referer sees) or the query (?token=); it is read once and then
// taken out of the address bar, so it is not left in the history or on screen.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { isApiError } from '../../api/problem.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { MIN_PASSWORD_LENGTH } from '../account/PasswordForm.tsx';
import { AuthPage } from './AuthPage.tsx';

/** Reads the token from the URL and removes it from the address bar (and so from the history). */
export function takeResetToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  const fromQuery = new URLSearchParams(window.location.search).get('token');
  const token = fromHash ?? fromQuery;
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  return token;
}

export function ResetPasswordPage() {
  // The password words are the account page's: its namespace is loaded with this page.
  const { t } = useTranslation(['auth', 'account']);
  // Read once, on the first render: after replaceState the URL no longer has it.
  const [token] = useState(takeResetToken);
  const [linkBad, setLinkBad] = useState(!token);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { newPassword: '', confirm: '' },
    validateInputOnBlur: true,
    validate: {
      newPassword: (v) => (v.length < MIN_PASSWORD_LENGTH ? t('account:password.tooShort', { count: MIN_PASSWORD_LENGTH }) : null),
      confirm: (v, values) => (v === values.newPassword ? null : t('account:password.mismatch')),
    },
  });

  const submit = form.onSubmit(async ({ newPassword }) => {
    setBusy(true);
    setProblem(null);
    try {
      await call(api.POST('/api/v1/auth/password-reset/confirm', { body: { token: token ?? '', newPassword } }));
      setDone(true);
    } catch (error) {
      if (isApiError(error) && 'token' in error.fieldErrors()) setLinkBad(true);
      else setProblem(applyServerErrors(form, error));
    } finally {
      setBusy(false);
    }
  });

  const title = t('auth:reset.setTitle');
  if (done) {
    return (
      <AuthPage title={title}>
        <Alert color="nile" role="status" title={t('auth:reset.doneTitle')}>{t('auth:reset.done')}</Alert>
        <Button component={Link} to="/sign-in" fullWidth>{t('auth:reset.goSignIn')}</Button>
      </AuthPage>
    );
  }
  if (linkBad) {
    return (
      <AuthPage title={title}>
        <Alert color="red" title={t('auth:reset.linkBadTitle')}>{t('auth:reset.linkBad')}</Alert>
        <Button component={Link} to="/forgot-password" fullWidth>{t('auth:reset.askAgain')}</Button>
        <Anchor component={Link} to="/sign-in" size="sm">{t('auth:reset.backToSignIn')}</Anchor>
      </AuthPage>
    );
  }
  return (
    <AuthPage title={title} width={480}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">{t('account:password.rules', { count: MIN_PASSWORD_LENGTH })}</Text>
          {problem !== null && <ProblemAlert error={problem} />}
          <PasswordInput label={t('account:password.new')} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
          <PasswordInput label={t('account:password.confirm')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Text size="sm" c="dimmed">{t('auth:reset.setExplain')}</Text>
          <Button type="submit" loading={busy} fullWidth>{t('auth:reset.setSubmit')}</Button>
        </Stack>
      </form>
    </AuthPage>
  );
}
