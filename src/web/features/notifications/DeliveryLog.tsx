// The delivery log: every message, newest first, filtered by status, event, channel and period.
// A dead message (no more automatic tries) can be sent again by someone with notifications:manage.
import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../app/session/permissions.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { eventLabel, STATUS_COLOURS, STATUSES } from './events.ts';
import { useDeliveries, useTemplates, type DeliveryFilters } from './queries.ts';

type Filters = Omit<DeliveryFilters, 'limit' | 'cursor'>;

export function DeliveryLog() {
  const { t } = useTranslation('messaging');
  const format = useFormat();
  const [filters, setFilters] = useState<Filters>({});
  const log = useDeliveries(filters);
  const events = useTemplates().data?.items.map((i) => i.event) ?? [];
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: keyof Filters) => (value: string | null) => setFilters((f) => {
    const next = { ...f } as Record<string, string>;
    if (value) next[key] = value; else delete next[key];
    return next as Filters;
  });
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" role="search" aria-label={t('messaging:log.filters')}>
        <Select label={t('messaging:log.status')} clearable placeholder={t('messaging:log.any')} w={170} value={filters.status ?? null} onChange={set('status')}
          data={STATUSES.map((s) => ({ value: s, label: t(`messaging:status.${s}`) }))} />
        <Select label={t('messaging:log.event')} clearable placeholder={t('messaging:log.any')} w={230} value={filters.event ?? null} onChange={set('event')}
          data={events.map((e) => ({ value: e, label: eventLabel(t, e) }))} />
        <Select label={t('messaging:log.channel')} clearable placeholder={t('messaging:log.any')} w={130} value={filters.channel ?? null} onChange={set('channel')}
          data={[{ value: 'email', label: t('messaging:channel.email') }, { value: 'sms', label: t('messaging:channel.sms') }]} />
        <TextInput type="date" label={t('messaging:log.from')} w={160} value={filters.from ?? ''} onChange={(e) => set('from')(e.currentTarget.value)} />
        <TextInput type="date" label={t('messaging:log.to')} w={160} value={filters.to ?? ''} onChange={(e) => set('to')(e.currentTarget.value)} />
      </Group>
      {log.isError && <ProblemAlert error={log.error} />}
      {log.isSuccess && items.length === 0 && <Text c="dimmed" role="status">{t('messaging:log.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="xs" aria-label={t('messaging:log.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('messaging:log.queued')}</Table.Th>
                <Table.Th>{t('messaging:log.event')}</Table.Th>
                <Table.Th>{t('messaging:log.recipient')}</Table.Th>
                <Table.Th>{t('messaging:log.status')}</Table.Th>
                <Table.Th>{t('messaging:log.attempts')}</Table.Th>
                <Table.Th>{t('messaging:log.lastError')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('messaging:log.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id} data-testid="delivery-row">
                  <Table.Td><Text size="sm">{format.dateTime(d.createdAt)}</Text>{d.sentAt && <Text size="xs" c="dimmed">{t('messaging:log.sentAt', { time: format.dateTime(d.sentAt) })}</Text>}</Table.Td>
                  <Table.Td><Text size="sm">{eventLabel(t, d.event)}</Text><Text size="xs" c="dimmed">{t(`messaging:channel.${d.channel}`)} · {d.language === 'ar' ? 'العربية' : 'English'}</Text></Table.Td>
                  <Table.Td><Text size="sm"><Bdi ltr>{d.recipient}</Bdi></Text></Table.Td>
                  <Table.Td><Badge variant="light" color={STATUS_COLOURS[d.status] ?? 'gray'}>{t(`messaging:status.${d.status}`)}</Badge></Table.Td>
                  <Table.Td>{format.number(d.attempts)}</Table.Td>
                  <Table.Td><Text size="xs" maw={260} lineClamp={3} dir="auto">{d.lastError ?? ''}</Text></Table.Td>
                  <Table.Td>{(d.status === 'dead' || d.status === 'failed') && <RetryButton id={d.id} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.hasNextPage && <Group><Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>{t('messaging:log.more')}</Button></Group>}
    </Stack>
  );
}

function RetryButton({ id }: { id: string }) {
  const { t } = useTranslation('messaging');
  const client = useQueryClient();
  const canManage = useCan('notifications:manage');
  const retry = useMutation({
    mutationFn: () => call(api.POST('/api/v1/notifications/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notifications', 'log'] }),
  });
  if (!canManage) return null;
  return (
    <Stack gap={4}>
      <Button size="xs" variant="light" loading={retry.isPending} onClick={() => retry.mutate()}>{t('messaging:log.retry')}</Button>
      {retry.isError && <ProblemAlert error={retry.error} />}
    </Stack>
  );
}
