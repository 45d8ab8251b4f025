// Changing one's password: the current one again, the new one twice. The server's policy (length,
// common passwords, not containing one's name) answers field by field; this form shows its words.
// A change ends every other session and returns a fresh one for this device.
import { useState } from 'react';
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSession } from '../../app/session/SessionProvider.tsx';

export const MIN_PASSWORD_LENGTH = 12; // the server's policy (auth/crypto/password-policy.ts)

export function PasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation('account');
  const { begin } = useSession();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validateInputOnBlur: true,
    validate: {
      currentPassword: (v) => (v ? null : t('account:password.currentRequired')),
      newPassword: (v, values) => (v.length < MIN_PASSWORD_LENGTH ? t('account:password.tooShort', { count: MIN_PASSWORD_LENGTH })
        : v === values.currentPassword ? t('account:password.sameAsCurrent') : null),
      confirm: (v, values) => (v === values.newPassword ? null : t('account:password.mismatch')),
    },
  });

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setBusy(true);
    setProblem(null);
    setChanged(false);
    try {
      const pair = await call(api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }));
      await begin(pair.accessToken);
      form.reset();
      setChanged(true);
      onChanged?.();
    } catch (error) {
      setProblem(applyServerErrors(form, error, { currentPassword: t('account:password.wrongCurrent') }));
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">{t('account:password.rules', { count: MIN_PASSWORD_LENGTH })}</Text>
        {problem !== null && <ProblemAlert error={problem} />}
        {changed && <Alert color="nile" role="status">{t('account:password.changed')}</Alert>}
        <PasswordInput label={t('account:password.current')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <PasswordInput label={t('account:password.new')} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
        <PasswordInput label={t('account:password.confirm')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>{t('account:password.submit')}</Button>
      </Stack>
    </form>
  );
}
