// Sign in: email and password, then — when the account has two-step sign-in — the code from the
// authenticator app or a recovery code. Afterwards, back to the page the user was sent away from.
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { isApiError } from '../../api/problem.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSession } from '../../app/session/SessionProvider.tsx';
import { AuthPage } from './AuthPage.tsx';
import { MfaStep } from './MfaStep.tsx';

/** Only paths inside the app: `next` must not send the user to another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { status, begin } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : t('auth:signIn.emailInvalid')),
      password: (v) => (v ? null : t('auth:signIn.passwordRequired')),
    },
  });

  if (status === 'signed-in' && !busy) return <Navigate to={next} replace />;

  const signedIn = async (accessToken: string) => {
    await begin(accessToken);
    navigate(next, { replace: true });
  };

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setProblem(null);
    try {
      const session = await call(api.POST('/api/v1/auth/login', { body: { email: values.email.trim(), password: values.password } }));
      await signedIn(session.accessToken);
    } catch (error) {
      if (isApiError(error) && error.code === 'mfa_required' && typeof error.problem.mfaToken === 'string') {
        setMfaToken(error.problem.mfaToken);
      } else {
        form.setFieldValue('password', '');
        setProblem(applyServerErrors(form, error));
      }
    } finally {
      setBusy(false);
    }
  });

  if (mfaToken) {
    return (
      <AuthPage title={t('auth:mfa.title')}>
        <MfaStep mfaToken={mfaToken} onSignedIn={signedIn} onRestart={() => setMfaToken(null)} />
      </AuthPage>
    );
  }

  return (
    <AuthPage title={t('auth:signIn.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem !== null && <ProblemAlert error={problem} title={t('auth:signIn.failed')} />}
          <TextInput label={t('auth:fields.email')} type="email" autoComplete="username" inputMode="email" dir="ltr" required {...form.getInputProps('email')} />
          <PasswordInput label={t('auth:fields.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={busy} fullWidth>{t('auth:signIn.submit')}</Button>
          <Anchor component={Link} to="/forgot-password" size="sm">{t('auth:reset.forgot')}</Anchor>
        </Stack>
      </form>
    </AuthPage>
  );
}
