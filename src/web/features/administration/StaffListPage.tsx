// The facility's staff: search by the start of a name or email, filter by status, page through
// the API's cursor, open one, or add someone.
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session/SessionProvider.tsx';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { Allowed } from './Allowed.tsx';
import { useStaffList, type StaffStatus } from './queries.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function StaffListPage() {
  return <Allowed permission="users:manage"><StaffList /></Allowed>;
}

function StaffList() {
  const { t } = useTranslation('administration');
  usePageTitle(t('administration:staff.title'));
  const { facility } = useSignedIn();
  const format = useFormat();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [status, setStatus] = useState<StaffStatus | ''>('');
  const list = useStaffList(q, status);
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack maw={1100} gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('administration:staff.title')}</Title>
          <Text c="dimmed">{t('administration:staff.intro', { facility: facility.facilityName })}</Text>
        </Stack>
        <Button component={Link} to="/administration/staff/new" leftSection={<IconUserPlus size={18} aria-hidden />}>{t('administration:staff.add')}</Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('administration:staff.search')} description={t('administration:staff.searchHint')} value={text} maxLength={100}
          onChange={(e) => setText(e.currentTarget.value)} type="search" dir="auto" leftSection={<IconSearch size={18} aria-hidden />} style={{ flex: 1, minWidth: 220 }}
        />
        <SegmentedControl
          aria-label={t('administration:staff.statusFilter')} value={status} onChange={(v) => setStatus(v as StaffStatus | '')}
          data={[{ value: '', label: t('administration:staff.all') }, { value: 'active', label: t('administration:status.active') }, { value: 'disabled', label: t('administration:status.disabled') }]}
        />
      </Group>
      {list.isError && <ProblemAlert error={list.error} />}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {list.isSuccess && (users.length === 0 ? t('administration:staff.none') : t(list.hasNextPage ? 'administration:staff.shownMore' : 'administration:staff.shown', { count: users.length }))}
      </Text>
      {users.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('administration:staff.name')}</Table.Th>
                <Table.Th>{t('administration:staff.email')}</Table.Th>
                <Table.Th>{t('administration:staff.role')}</Table.Th>
                <Table.Th>{t('administration:staff.status')}</Table.Th>
                <Table.Th>{t('administration:staff.lastLogin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => {
                const role = u.memberships.find((m) => m.facilityId === facility.facilityId)?.role;
                return (
                  <Table.Tr key={u.id}>
                    <Table.Td><Anchor component={Link} to={`/administration/staff/${u.id}`} dir="auto">{u.name}</Anchor></Table.Td>
                    <Table.Td><Bdi ltr>{u.email}</Bdi></Table.Td>
                    <Table.Td>{role ? t(`common:roles.${role}`, { defaultValue: role }) : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <StatusBadge status={u.status} />
                        {u.mustChangePassword && <Badge variant="filled" color="yellow.3" autoContrast>{t('administration:staff.mustChange')}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>{u.lastLoginAt ? format.dateTime(u.lastLoginAt) : t('administration:staff.never')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('administration:staff.more')}</Button>
        </Group>
      )}
    </Stack>
  );
}
