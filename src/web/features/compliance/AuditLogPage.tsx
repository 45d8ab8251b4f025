// The audit log of the facility the officer acts in, newest first: filters (who, patient, action,
// outcome, time) kept in the address, checked as typed with the server's rules, the server's own
// refusals on the field they name; "more" pages through the cursor; a row opens its details.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/types.ts';
import { isApiError } from '../../api/problem.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ActorName } from './ActorName.tsx';
import { EventDetails } from './EventDetails.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { FILTER_KEYS, filterProblems, readFilters, toQuery, type Filters } from './filters.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import { useAuditEvents } from './queries.ts';

export function AuditLogPage() {
  const { t } = useTranslation('compliance');
  usePageTitle(t('compliance:title'));
  const format = useFormat();
  const zone = format.settings.timeZone;
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const valid = Object.keys(filterProblems(applied, zone)).length === 0;
  const events = useAuditEvents(valid ? toQuery(applied, zone) : {}, valid);
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const apply = (f: Filters) => setParams(Object.fromEntries(FILTER_KEYS.filter((k) => f[k]).map((k) => [k, f[k]])));
  const serverFields = isApiError(events.error) ? events.error.fieldErrors('querystring') : {};

  return (
    <Stack maw={1200} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('compliance:title')}</Title>
        <Text c="dimmed">{t('compliance:intro', { zone: format.timeZoneName() })}</Text>
      </Stack>
      <AuditFilters key={params.toString()} initial={applied} zone={zone} serverErrors={serverFields} onApply={apply} />
      {events.isError && Object.keys(serverFields).length === 0 && <ProblemAlert error={events.error} />}
      <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="audit-status">
        {events.isSuccess && (items.length === 0 ? t('compliance:none') : t(events.hasNextPage ? 'compliance:shownMore' : 'compliance:shown', { count: items.length }))}
      </Text>
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('compliance:title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('compliance:columns.time')}</Table.Th>
                <Table.Th>{t('compliance:columns.who')}</Table.Th>
                <Table.Th>{t('compliance:columns.action')}</Table.Th>
                <Table.Th>{t('compliance:columns.outcome')}</Table.Th>
                <Table.Th>{t('compliance:columns.patient')}</Table.Th>
                <Table.Th>{t('compliance:columns.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(e.occurredAt)}</Table.Td>
                  <Table.Td><ActorName id={e.actorId} /></Table.Td>
                  <Table.Td><Bdi ltr>{e.action}</Bdi></Table.Td>
                  <Table.Td><OutcomeBadge outcome={e.outcome} /></Table.Td>
                  {/* The end of the id: UUIDv7s made close in time share their first, time-based, characters. */}
                  <Table.Td>{e.patientId ? <Bdi ltr>…{e.patientId.slice(-8)}</Bdi> : '—'}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setOpen(e)} aria-label={t('compliance:openDetails', { action: e.action, time: format.dateTime(e.occurredAt) })}>
                      {t('compliance:columns.details')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Group><Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>{t('compliance:more')}</Button></Group>
      )}
      <EventDetails event={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
