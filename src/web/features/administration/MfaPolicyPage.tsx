// Which roles must sign in with a second factor in this facility. A facility administrator sets
// the roles at or below their own: super_admin's entry (it holds in every facility) is shown but
// not offered; the server refuses it anyway (403).
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { ROLES, type Role } from '../../../server/platform/access/roles.ts';
import { useSignedIn } from '../../app/session/SessionProvider.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Allowed } from './Allowed.tsx';
import { useMfaPolicy } from './queries.ts';
import { mfaRolesEditableBy } from './rules.ts';

export function MfaPolicyPage() {
  return <Allowed permission="facilities:manage"><MfaPolicy /></Allowed>;
}

function MfaPolicy() {
  const { t } = useTranslation('administration');
  usePageTitle(t('administration:security.title'));
  const { facility } = useSignedIn();
  const policy = useMfaPolicy(facility.facilityId);
  return (
    <Stack maw={720} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('administration:security.title')}</Title>
        <Text c="dimmed">{t('administration:security.intro', { facility: facility.facilityName })}</Text>
      </Stack>
      {policy.isPending && <Loader aria-label={t('common:loading')} />}
      {policy.isError && <ProblemAlert error={policy.error} />}
      {policy.data && <PolicyForm initial={policy.data.roles} />}
    </Stack>
  );
}

function PolicyForm({ initial }: { initial: Role[] }) {
  const { t } = useTranslation('administration');
  const { facility } = useSignedIn();
  const queryClient = useQueryClient();
  const editable: readonly Role[] = mfaRolesEditableBy(facility.role);
  const [roles, setRoles] = useState<string[]>(initial);
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  // Roles this administrator may not change are shown only when the policy has them.
  const shown = ROLES.filter((r) => editable.includes(r) || initial.includes(r));
  const changed = roles.length !== initial.length || roles.some((r) => !initial.includes(r as Role));

  const save = async () => {
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      const next = await call(api.PUT('/api/v1/facilities/{id}/mfa-policy', { params: { path: { id: facility.facilityId } }, body: { roles: roles as Role[] } }));
      queryClient.setQueryData(['admin', 'mfa-policy', facility.facilityId], next);
      setSaved(true);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg">
      <Stack>
        {problem !== null && <ProblemAlert error={problem} detail />}
        {saved && <Alert color="nile" role="status">{t('administration:security.saved')}</Alert>}
        <Checkbox.Group label={t('administration:security.roles')} description={t('administration:security.rolesHint')} value={roles} onChange={(v) => { setRoles(v); setSaved(false); }}>
          <Stack gap="xs" mt="xs">
            {shown.map((r) => (
              <Checkbox key={r} value={r} label={t(`common:roles.${r}`)} disabled={!editable.includes(r)}
                description={editable.includes(r) ? undefined : t('administration:security.notYours')} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group><Button onClick={() => void save()} loading={busy} disabled={!changed}>{t('administration:security.save')}</Button></Group>
      </Stack>
    </Paper>
  );
}
