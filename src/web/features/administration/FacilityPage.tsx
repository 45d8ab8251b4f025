// The facility the administrator acts in: its details and its departments. A super admin also sees
// every facility and may create one.
import { useState } from 'react';
import { Alert, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { CreateFacilityBody, Facility } from '../../api/types.ts';
import { ME_QUERY, useSignedIn } from '../../app/session/SessionProvider.tsx';
import { useCan } from '../../app/session/permissions.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { Allowed } from './Allowed.tsx';
import { DepartmentsSection } from './DepartmentsSection.tsx';
import { FacilityForm, type FacilityInput } from './FacilityForm.tsx';
import { useFacilities, useFacility } from './queries.ts';

/** The form's picks are from the server's own lists (facility-form.ts, SUDAN_STATES). */
const choices = (v: FacilityInput) => ({ type: v.type as CreateFacilityBody['type'], state: v.state as CreateFacilityBody['state'] });

export function FacilityPage() {
  return <Allowed permission="facilities:manage"><FacilityScreen /></Allowed>;
}

function FacilityScreen() {
  const { t } = useTranslation('administration');
  usePageTitle(t('administration:facility.title'));
  const { facility: membership } = useSignedIn();
  const facility = useFacility(membership.facilityId);
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);

  const save = async (v: FacilityInput) => {
    setSaved(false);
    const updated = await call(api.PATCH('/api/v1/facilities/{id}', {
      params: { path: { id: membership.facilityId } },
      body: { ...v, ...choices(v), locality: v.locality || null },
    }));
    queryClient.setQueryData(['admin', 'facility', membership.facilityId], updated);
    // The name, time zone and lock time shown everywhere come from /auth/me.
    await queryClient.invalidateQueries({ queryKey: ME_QUERY });
    setSaved(true);
  };

  return (
    <Stack maw={960} gap="lg">
      <Title order={1}>{t('administration:facility.title')}</Title>
      <Paper withBorder p="lg">
        <Stack>
          <Title order={2} size="h3">{t('administration:facility.details')}</Title>
          {saved && <Alert color="nile" role="status">{t('administration:facility.saved')}</Alert>}
          {facility.isPending && <Loader aria-label={t('common:loading')} />}
          {facility.isError && <ProblemAlert error={facility.error} />}
          {facility.data && <FacilityForm key={facility.data.updatedAt} initial={facility.data} submitLabel={t('administration:facility.save')} onSubmit={save} />}
        </Stack>
      </Paper>
      <DepartmentsSection facilityId={membership.facilityId} />
      <AllFacilities />
    </Stack>
  );
}

/** Super admins: every facility of the installation, and a new one. */
function AllFacilities() {
  const { t } = useTranslation('administration');
  const canCreate = useCan('facilities:create');
  const list = useFacilities();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Facility | null>(null);
  if (!canCreate) return null;
  const create = async (v: FacilityInput) => {
    setCreated(null);
    const facility = await call(api.POST('/api/v1/facilities', {
      body: { name: v.name, code: v.code, ...choices(v), ...(v.locality && { locality: v.locality }), timeZone: v.timeZone, lockAfterMinutes: v.lockAfterMinutes },
    }));
    await queryClient.invalidateQueries({ queryKey: ['admin', 'facilities'] });
    setCreated(facility);
  };
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h3">{t('administration:facilities.title')}</Title>
        {list.isError && <ProblemAlert error={list.error} />}
        {list.data && (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead><Table.Tr>
                <Table.Th>{t('administration:facility.name')}</Table.Th>
                <Table.Th>{t('administration:facility.code')}</Table.Th>
                <Table.Th>{t('administration:facility.type')}</Table.Th>
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {list.data.items.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td dir="auto">{f.name}</Table.Td>
                    <Table.Td><Bdi ltr>{f.code}</Bdi></Table.Td>
                    <Table.Td>{t(`administration:facility.types.${f.type}`, { defaultValue: f.type })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Title order={3} size="h4">{t('administration:facilities.create')}</Title>
        {created && <Alert color="nile" role="status">{t('administration:facilities.created', { name: created.name })}</Alert>}
        <Text size="sm" c="dimmed">{t('administration:facilities.createHint')}</Text>
        <FacilityForm submitLabel={t('administration:facilities.createSubmit')} onSubmit={create} />
      </Stack>
    </Paper>
  );
}
