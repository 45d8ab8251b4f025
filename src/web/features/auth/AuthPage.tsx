// The frame of the pages before the app: sign-in, a forced password change, MFA setup, picking a
// facility. A centred card with the name of the app and the language switch.
import type { ReactNode } from 'react';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../../app/shell/LanguageToggle.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';

export function AuthPage({ title, children, width = 420 }: { title: string; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <main className="nc-auth-page">
      <Stack w="100%" maw={width} gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <Text fw={700} size="lg">{t('common:appName')}</Text>
          </Group>
          <LanguageToggle />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md">
            <Title order={1} size="h2">{title}</Title>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </main>
  );
}
