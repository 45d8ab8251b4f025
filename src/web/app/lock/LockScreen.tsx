// The locked screen: whose session it is, the password field, and a way out for someone else.
import { useEffect, useRef, useState } from 'react';
import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Bdi } from '../../components/Bdi.tsx';
import { useSession } from '../session/SessionProvider.tsx';

export function LockScreen({ name, email, onUnlocked }: { name: string; email: string; onUnlocked: () => void }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { password: '' }, validate: { password: (v) => (v ? null : t('auth:lock.passwordRequired')) } });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = form.onSubmit(async ({ password }) => {
    setBusy(true);
    setProblem(null);
    try {
      await call(api.POST('/api/v1/auth/unlock', { body: { password } }));
      onUnlocked();
    } catch (error) {
      form.setFieldValue('password', '');
      setProblem(applyServerErrors(form, error, { password: t('auth:lock.wrongPassword') }));
    } finally {
      setBusy(false);
    }
  });

  return (
    <div className="nc-lock-backdrop" role="dialog" aria-modal="true" aria-labelledby="nc-lock-title">
      <Paper withBorder shadow="md" p="xl" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group gap="sm">
              <IconLock aria-hidden />
              <Title order={1} size="h3" id="nc-lock-title" ref={heading} tabIndex={-1}>{t('auth:lock.title')}</Title>
            </Group>
            <Text size="sm">{t('auth:lock.explain')}</Text>
            <Stack gap={0}>
              <Text fw={600}><Bdi>{name}</Bdi></Text>
              <Text c="dimmed" size="sm" style={{ overflowWrap: 'anywhere' }}><Bdi>{email}</Bdi></Text>
            </Stack>
            {problem !== null && <ProblemAlert error={problem} />}
            <PasswordInput label={t('auth:fields.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
            <Button type="submit" loading={busy}>{t('auth:lock.unlock')}</Button>
            <Button variant="subtle" color="gray" onClick={() => void signOut()}>{t('auth:lock.notMe')}</Button>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
