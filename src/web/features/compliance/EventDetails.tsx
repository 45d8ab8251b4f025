// One audit event in full: every field the log keeps, and its details as the server wrote them.
import type { ReactNode } from 'react';
import { Button, Code, Modal, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/types.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { ActorName } from './ActorName.tsx';
import { OutcomeBadge } from './OutcomeBadge.tsx';

export function EventDetails({ event, onClose }: { event: AuditEvent | null; onClose(): void }) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  const row = (label: string, value: ReactNode) => (
    <Table.Tr><Table.Th w={160}>{label}</Table.Th><Table.Td>{value ?? '—'}</Table.Td></Table.Tr>
  );
  const ltr = (value: string | null) => (value ? <Bdi ltr>{value}</Bdi> : null);
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common:close') }} opened={event !== null} onClose={onClose} title={t('compliance:details.title')} size="lg">
      {event && (
        <Stack>
          <Table>
            <Table.Tbody>
              {row(t('compliance:columns.time'), format.dateTime(event.occurredAt))}
              {row(t('compliance:columns.who'), <ActorName id={event.actorId} />)}
              {row(t('compliance:columns.action'), ltr(event.action))}
              {row(t('compliance:columns.outcome'), <OutcomeBadge outcome={event.outcome} />)}
              {row(t('compliance:columns.patient'), ltr(event.patientId))}
              {row(t('compliance:details.target'), event.targetType ? <Bdi ltr>{`${event.targetType}${event.targetId ? ` ${event.targetId}` : ''}`}</Bdi> : null)}
              {row(t('compliance:details.ip'), ltr(event.ip))}
              {row(t('compliance:details.userAgent'), ltr(event.userAgent))}
              {row(t('compliance:details.requestId'), ltr(event.requestId))}
              {row(t('compliance:details.seq'), format.number(event.seq))}
            </Table.Tbody>
          </Table>
          <Text fw={600}>{t('compliance:details.details')}</Text>
          {event.details
            ? <Code block dir="ltr" data-testid="event-details">{JSON.stringify(event.details, null, 2)}</Code>
            : <Text c="dimmed">{t('compliance:details.noDetails')}</Text>}
          {event.patientId && (
            <Button component={Link} to={`/compliance?patientId=${event.patientId}`} variant="default" onClick={onClose} style={{ alignSelf: 'flex-start' }}>
              {t('compliance:details.patientEvents')}
            </Button>
          )}
        </Stack>
      )}
    </Modal>
  );
}
