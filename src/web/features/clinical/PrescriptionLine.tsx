// One prescription in words: medicine, dose, route, how often, for how long, how many, status.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import type { Prescription } from './types.ts';

const STATUSES = ['pending', 'partially_dispensed', 'dispensed', 'cancelled'] as const;

export function PrescriptionLine({ prescription: p }: { prescription: Prescription }) {
  const { t } = useTranslation('clinical');
  const format = useFormat();
  const status = STATUSES.find((s) => s === p.status) ?? 'pending';
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs">
        <Text fw={600} size="sm" lang="en" dir="ltr"><bdi>{p.medicationName}</bdi></Text>
        <Badge color={status === 'dispensed' ? 'teal.9' : status === 'cancelled' ? 'gray.7' : 'blue.8'} radius="sm">{t(`clinical:rx.status.${status}`)}</Badge>
      </Group>
      <Text size="sm">
        <bdi dir="ltr">{format.number(p.dose)} {p.doseUnit} · {p.route} · {p.frequency}</bdi>
        {' · '}{t('clinical:rx.days', { count: p.durationDays })}
        {p.quantity !== null && <>{' · '}{t('clinical:rx.dispensedOf', { given: format.number(p.dispensedQuantity), total: format.number(p.quantity) })}</>}
      </Text>
      {p.instructions && <Text size="sm" c="dimmed" dir="auto">{p.instructions}</Text>}
    </Stack>
  );
}
