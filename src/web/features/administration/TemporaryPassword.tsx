// A temporary password, shown once: the server keeps only its hash, and this screen forgets it when
// left. The administrator copies it or reads it out; the person must change it at first sign-in.
import { Alert, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function TemporaryPassword({ password, name }: { password: string; name: string }) {
  const { t } = useTranslation('administration');
  return (
    <Alert color="nile" variant="light" icon={<IconKey aria-hidden />} title={t('administration:password.shownOnce', { name })} role="status">
      <Stack gap="xs">
        <Group gap="sm">
          <Text component="code" dir="ltr" fz="xl" ff="monospace" fw={700} data-testid="temporary-password">{password}</Text>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                {copied ? t('administration:password.copied') : t('administration:password.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t('administration:password.explain')}</Text>
      </Stack>
    </Alert>
  );
}
