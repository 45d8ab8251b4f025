// One lab order: its tests with the results as they come (value, unit, the reference range) and
// each result's flag in words, critical ones stronger — never colour alone.
import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import type { LabOrder, LabTestResult } from './types.ts';
import './clinical.css';

const STATUSES = ['ordered', 'collected', 'resulted', 'verified'] as const;
const FLAGS = ['normal', 'low', 'high', 'critical_low', 'critical_high', 'abnormal'] as const;

export function LabFlag({ flag }: { flag: LabTestResult['flag'] }) {
  const { t } = useTranslation('clinical');
  const known = FLAGS.find((f) => f === flag);
  if (!known || known === 'normal') return null;
  return <Badge color={known.startsWith('critical') ? 'red.9' : 'orange.3'} autoContrast radius="sm" data-flag={known}>{t(`clinical:lab.flag.${known}`)}</Badge>;
}

export function LabOrderCard({ order, children }: { order: LabOrder; children?: ReactNode }) {
  const { t } = useTranslation('clinical');
  const format = useFormat();
  const status = STATUSES.find((s) => s === order.status) ?? 'ordered';
  return (
    <Paper withBorder radius="md" p="sm" data-testid="lab-order">
      <Group justify="space-between" gap="xs" mb="xs">
        <Text size="sm" fw={600}>{format.dateTime(order.orderedAt)}{order.priority !== 'routine' && <> · {t(`clinical:lab.priority.${order.priority === 'stat' ? 'stat' : 'urgent'}`)}</>}</Text>
        <Badge color={status === 'verified' ? 'teal.9' : 'blue.8'} radius="sm">{t(`clinical:lab.status.${status}`)}</Badge>
      </Group>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr><Table.Th>{t('clinical:lab.test')}</Table.Th><Table.Th>{t('clinical:lab.result')}</Table.Th><Table.Th>{t('clinical:lab.range')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.tests.map((test) => (
              <Table.Tr key={test.code} data-flag={test.flag ?? undefined}>
                <Table.Td><bdi>{test.name}</bdi></Table.Td>
                <Table.Td>
                  {test.value === null ? <Text span size="sm" c="dimmed">{t('clinical:lab.pending')}</Text> : (
                    <Group gap={6} wrap="nowrap"><Text span fw={700} size="sm" dir="ltr"><bdi>{test.value}{test.unit ? ` ${test.unit}` : ''}</bdi></Text><LabFlag flag={test.flag} /></Group>
                  )}
                </Table.Td>
                <Table.Td><bdi dir="ltr">{test.referenceRange ?? ''}</bdi></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {children}
    </Paper>
  );
}
