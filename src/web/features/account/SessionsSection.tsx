// Sign out everywhere: for a lost phone, a shared password or a computer left signed in elsewhere.
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSession } from '../../app/session/SessionProvider.tsx';

export function SessionsSection() {
  const { t } = useTranslation('account');
  const { signOutEverywhere } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await signOutEverywhere();
    } catch (error) {
      setProblem(error);
      setBusy(false);
    }
  };
  return (
    <Stack align="flex-start">
      <Text size="sm" c="dimmed">{t('account:sessions.explain')}</Text>
      {problem !== null && <ProblemAlert error={problem} />}
      <Button color="red" variant="light" onClick={() => setConfirming(true)}>{t('account:sessions.everywhere')}</Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('account:sessions.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('common:close') }}>
        <Stack>
          <Text size="sm">{t('account:sessions.confirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('common:cancel')}</Button>
            <Button color="red" loading={busy} onClick={() => void confirm()}>{t('account:sessions.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
