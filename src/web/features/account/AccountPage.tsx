// The user's own account: who they are and where they work, preferences, password, two-step
// sign-in, and signing out everywhere.
import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session/SessionProvider.tsx';
import { Bdi } from '../../components/Bdi.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { MfaSection } from './MfaSection.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PreferencesSection } from './PreferencesSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="lg" radius="md">
      <Title order={2} size="h4" id={id} mb="md">{title}</Title>
      {children}
    </Paper>
  );
}

export function AccountPage() {
  const { t } = useTranslation('account');
  const { me, facility } = useSignedIn();
  usePageTitle(t('account:title'));
  return (
    <Stack maw={760} gap="lg">
      <Title order={1}>{t('account:title')}</Title>
      <Section id="nc-account-profile" title={t('account:profile.title')}>
        <Stack gap="xs">
          <Text fw={600} size="lg"><Bdi>{me.name}</Bdi></Text>
          <Text c="dimmed"><Bdi ltr>{me.email}</Bdi></Text>
          <Table mt="sm" striped={false} withRowBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('account:profile.facility')}</Table.Th>
                <Table.Th>{t('account:profile.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {me.memberships.map((m) => (
                <Table.Tr key={m.facilityId}>
                  <Table.Td>
                    <Group gap="xs"><Bdi>{m.facilityName}</Bdi>{m.facilityId === facility.facilityId && <Badge size="sm" variant="light">{t('account:profile.current')}</Badge>}</Group>
                  </Table.Td>
                  <Table.Td>{t(`common:roles.${m.role}`, { defaultValue: m.role })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Section>
      <Section id="nc-account-preferences" title={t('account:preferences.title')}><PreferencesSection /></Section>
      <Section id="nc-account-password" title={t('account:password.title')}><PasswordForm /></Section>
      <Section id="nc-account-mfa" title={t('account:mfa.title')}><MfaSection /></Section>
      <Section id="nc-account-sessions" title={t('account:sessions.title')}><SessionsSection /></Section>
    </Stack>
  );
}
