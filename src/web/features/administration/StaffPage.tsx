// One staff member: who they are, their role in this facility, and the account actions — disable
// (ends every session at once) or enable, and a new temporary password shown once. The server
// decides what this administrator may change (another facility's staff, a super admin) and says so.
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { StaffUser } from '../../api/types.ts';
import type { Role } from '../../../server/platform/access/roles.ts';
import { useSignedIn } from '../../app/session/SessionProvider.tsx';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { Allowed } from './Allowed.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { userKey, useStaffUser } from './queries.ts';
import { grantableRoles, temporaryPassword } from './rules.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';

export function StaffPage() {
  return <Allowed permission="users:manage"><Staff /></Allowed>;
}

function Staff() {
  const { t } = useTranslation('administration');
  const { id = '' } = useParams();
  const user = useStaffUser(id);
  usePageTitle(user.data?.name ?? t('administration:staff.title'));
  return (
    <Stack maw={880} gap="lg">
      <Anchor component={Link} to="/administration/staff" size="sm">{t('administration:staff.back')}</Anchor>
      {user.isPending && <Loader aria-label={t('common:loading')} />}
      {user.isError && <ProblemAlert error={user.error} />}
      {user.data && <StaffDetails user={user.data} />}
    </Stack>
  );
}

function StaffDetails({ user }: { user: StaffUser }) {
  const { t } = useTranslation('administration');
  const format = useFormat();
  const { facility, me } = useSignedIn();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  /** Runs one account action; its answer is the user as they now are. */
  const act = async (action: () => Promise<StaffUser>, message: string) => {
    setProblem(null);
    setDone(null);
    try {
      queryClient.setQueryData(userKey(user.id), await action());
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      setDone(message);
      return true;
    } catch (error) {
      setProblem(error);
      return false;
    }
  };
  const path = { params: { path: { id: user.id } } };
  const disable = () => act(() => call(api.POST('/api/v1/users/{id}/disable', path)), t('administration:account.disabled', { name: user.name }));
  const enable = () => act(() => call(api.POST('/api/v1/users/{id}/enable', path)), t('administration:account.enabled', { name: user.name }));
  const resetPassword = async () => {
    const next = temporaryPassword(user);
    setPassword(null);
    if (await act(() => call(api.POST('/api/v1/users/{id}/temporary-password', { ...path, body: { password: next } })), t('administration:account.passwordSet'))) setPassword(next);
  };

  const fact = (label: string, value: ReactNode) => (
    <Stack gap={2}><Text size="sm" c="dimmed">{label}</Text><Text component="div">{value}</Text></Stack>
  );
  const self = user.id === me.id;
  // Only a system administrator changes a system administrator's account (the server refuses anyone else).
  const untouchable = facility.role !== 'super_admin' && user.memberships.some((m) => m.role === 'super_admin');
  return (
    <>
      <Group gap="sm">
        <Title order={1} dir="auto">{user.name}</Title>
        <StatusBadge status={user.status} />
      </Group>
      {problem !== null && <ProblemAlert error={problem} detail />}
      {done && !password && <Text role="status" c="nile.8">{done}</Text>}
      {password && <TemporaryPassword password={password} name={user.name} />}
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {fact(t('administration:staff.email'), <Bdi ltr>{user.email}</Bdi>)}
          {fact(t('administration:staff.phone'), user.phone ? <Bdi ltr>{user.phone}</Bdi> : '—')}
          {fact(t('administration:staff.mfa'), user.mfaEnabled ? t('administration:staff.mfaOn') : t('administration:staff.mfaOff'))}
          {fact(t('administration:staff.lastLogin'), user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('administration:staff.never'))}
          {fact(t('administration:staff.created'), format.dateTime(user.createdAt))}
          {user.mustChangePassword && fact(t('administration:staff.password'), t('administration:staff.mustChange'))}
        </SimpleGrid>
      </Paper>
      {untouchable ? <Text c="dimmed">{t('administration:account.superAdminOnly')}</Text> : <>
      <RoleEditor user={user} callerRole={facility.role} facilityId={facility.facilityId} onSaved={(u) => act(async () => u, t('administration:roles.saved'))} />
      <Paper withBorder p="lg">
        <Stack>
          <Title order={2} size="h3">{t('administration:account.title')}</Title>
          <Group>
            {user.status === 'active'
              ? <ConfirmButton color="red" disabled={self} label={t('administration:account.disable')} question={t('administration:account.disableConfirm', { name: user.name })} onConfirm={disable} />
              : <Button onClick={() => void enable()}>{t('administration:account.enable')}</Button>}
            <ConfirmButton variant="default" label={t('administration:account.newPassword')} question={t('administration:account.newPasswordConfirm', { name: user.name })} onConfirm={resetPassword} />
          </Group>
          {self && <Text size="sm" c="dimmed">{t('administration:account.notSelf')}</Text>}
        </Stack>
      </Paper>
      </>}
    </>
  );
}

function RoleEditor({ user, callerRole, facilityId, onSaved }: { user: StaffUser; callerRole: string; facilityId: string; onSaved(u: StaffUser): void }) {
  const { t } = useTranslation('administration');
  const current = user.memberships.find((m) => m.facilityId === facilityId)?.role ?? null;
  const [role, setRole] = useState<string | null>(current);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const roles: string[] = grantableRoles(callerRole);
  // A super admin's role is not this administrator's to change: shown, not offered.
  const options = current && !roles.includes(current) ? [current, ...roles] : roles;
  const save = async () => {
    if (!role) return;
    setBusy(true);
    setProblem(null);
    // The memberships as this caller sees them, with this facility's role replaced (the server keeps the ones it hides).
    const memberships = [...user.memberships.filter((m) => m.facilityId !== facilityId), { facilityId, role }].map((m) => ({ facilityId: m.facilityId, role: m.role as Role }));
    try {
      onSaved(await call(api.PUT('/api/v1/users/{id}/memberships', { params: { path: { id: user.id } }, body: { memberships } })));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h3">{t('administration:roles.title')}</Title>
        {problem !== null && <ProblemAlert error={problem} detail />}
        <Group align="flex-end">
          <Select
            label={t('administration:roles.here')} allowDeselect={false} value={role} onChange={setRole}
            data={options.map((r) => ({ value: r, label: t(`common:roles.${r}`), disabled: !roles.includes(r) }))} style={{ minWidth: 240 }}
          />
          <Button onClick={() => void save()} loading={busy} disabled={!role || role === current}>{t('administration:roles.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
