// Adding a staff member to the facility the administrator acts in. The browser makes a temporary
// password (rules.ts), the server stores its hash and marks it to be changed at first sign-in; the
// password is shown once, here, after saving.
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { StaffUser } from '../../api/types.ts';
import type { Role } from '../../../server/platform/access/roles.ts';
import { useSignedIn } from '../../app/session/SessionProvider.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Allowed } from './Allowed.tsx';
import { compactPhone, grantableRoles, temporaryPassword } from './rules.ts';
import { StaffFields, useStaffForm } from './StaffFields.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';

export function StaffCreatePage() {
  return <Allowed permission="users:manage"><StaffCreate /></Allowed>;
}

function StaffCreate() {
  const { t } = useTranslation('administration');
  usePageTitle(t('administration:create.title'));
  const { facility } = useSignedIn();
  const queryClient = useQueryClient();
  const { form, applyRefusal } = useStaffForm();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ user: StaffUser; password: string } | null>(null);

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setProblem(null);
    const email = v.email.trim();
    const name = v.name.trim();
    const password = temporaryPassword({ name, email });
    const phone = compactPhone(v.phone);
    try {
      const user = await call(api.POST('/api/v1/users', {
        body: { name, email, ...(phone && { phone }), password, memberships: [{ facilityId: facility.facilityId, role: v.role as Role }] },
      }));
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      setCreated({ user, password });
    } catch (error) {
      setProblem(applyRefusal(error));
    } finally {
      setBusy(false);
    }
  });

  if (created) {
    return (
      <Stack maw={720} gap="lg">
        <Title order={1}>{t('administration:create.done', { name: created.user.name })}</Title>
        <TemporaryPassword password={created.password} name={created.user.name} />
        <Group>
          <Button component={Link} to={`/administration/staff/${created.user.id}`}>{t('administration:create.open')}</Button>
          <Button variant="default" onClick={() => { form.reset(); setCreated(null); }}>{t('administration:create.another')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack maw={720} gap="lg">
      <Anchor component={Link} to="/administration/staff" size="sm">{t('administration:staff.back')}</Anchor>
      <Stack gap={4}>
        <Title order={1}>{t('administration:create.title')}</Title>
        <Text c="dimmed">{t('administration:create.intro', { facility: facility.facilityName })}</Text>
      </Stack>
      <Paper withBorder p="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            {problem !== null && <ProblemAlert error={problem} detail />}
            <StaffFields form={form} roles={grantableRoles(facility.role)} />
            <Text size="sm" c="dimmed">{t('administration:create.passwordNote')}</Text>
            <Group><Button type="submit" loading={busy}>{t('administration:create.submit')}</Button></Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
