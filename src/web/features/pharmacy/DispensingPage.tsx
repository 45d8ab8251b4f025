// The pharmacist's queue: prescriptions with something left to dispense, oldest first, a page at
// a time. Each says what to give and how much is left; the pharmacist gives all or part of it. A
// warning the doctor overrode is shown with the doctor's reason.
import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { PrescriptionLine } from '../clinical/PrescriptionLine.tsx';
import type { Prescription } from '../clinical/types.ts';
import '../clinical/clinical.css';
import { nameFields } from '../scheduling/names.ts';
import { PatientName } from '../reception/PatientName.tsx';

function useQueue() {
  return useInfiniteQuery({
    queryKey: ['pharmacy', 'queue'],
    queryFn: ({ pageParam, signal }) => call(api.GET('/api/v1/prescriptions', { params: { query: { status: 'pending', limit: 50, ...(pageParam && { cursor: pageParam }) } }, signal })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
}

export function DispensingPage() {
  const { t } = useTranslation('pharmacy');
  usePageTitle(t('pharmacy:title'));
  const queue = useQueue();
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('pharmacy:title')}</Title>
      {queue.isError && <ProblemAlert error={queue.error} />}
      {queue.isSuccess && items.length === 0 && <Text c="dimmed" role="status">{t('pharmacy:empty')}</Text>}
      <Stack gap="sm" component="ul" className="nc-plain-list" aria-label={t('pharmacy:title')}>
        {items.map((p) => <DispenseCard key={p.id} prescription={p} />)}
      </Stack>
      {queue.hasNextPage && <Group><Button variant="default" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>{t('pharmacy:more')}</Button></Group>}
    </Stack>
  );
}

function DispenseCard({ prescription: p }: { prescription: Prescription }) {
  const { t } = useTranslation('pharmacy');
  const format = useFormat();
  const client = useQueryClient();
  const left = p.quantity === null ? null : p.quantity - p.dispensedQuantity;
  const [quantity, setQuantity] = useState<number | string>(left ?? '');
  const [done, setDone] = useState<Prescription | null>(null);
  const dispense = useMutation({
    mutationFn: (q: number) => call(api.POST('/api/v1/prescriptions/{id}/dispense', { params: { path: { id: p.id } }, body: { quantity: q } })),
    onSuccess: (result) => {
      setDone(result);
      void client.invalidateQueries({ queryKey: ['pharmacy'] });
    },
  });
  const valid = Number.isInteger(Number(quantity)) && Number(quantity) >= 1 && (left === null || Number(quantity) <= left);
  return (
    <Paper component="li" withBorder radius="md" p="md" data-testid="dispense-item">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs" align="baseline">{p.patientName && <PatientName patient={nameFields(p)} />}{p.mrn && <Text span size="sm" c="dimmed"><Bdi ltr>{p.mrn}</Bdi></Text>}</Group>
          <Text size="sm" c="dimmed">{t('pharmacy:prescribedAt', { time: format.dateTime(p.prescribedAt) })}</Text>
        </Group>
        <PrescriptionLine prescription={done ?? p} />
        {p.overrideReason && (
          <Alert color="orange" variant="light" p="xs" title={t('pharmacy:overridden')}>
            {p.warnings.map((w, i) => <Text key={i} size="sm">{w.message}</Text>)}
            <Text size="sm">{t('pharmacy:reason', { reason: p.overrideReason })}</Text>
          </Alert>
        )}
        {done ? (
          <Alert color="teal" variant="light" role="status">{t(done.status === 'dispensed' ? 'pharmacy:dispensed' : 'pharmacy:partly', { given: format.number(done.dispensedQuantity), total: format.number(done.quantity ?? done.dispensedQuantity) })}</Alert>
        ) : (
          <Group align="flex-end" gap="sm">
            <NumberInput label={t('pharmacy:quantity')} description={left === null ? t('pharmacy:noQuantity') : t('pharmacy:left', { count: left })}
              value={quantity} onChange={setQuantity} min={1} max={left ?? undefined} allowDecimal={false} hideControls w={200}
              error={quantity !== '' && !valid ? t('pharmacy:tooMany', { count: left ?? 0 }) : undefined} />
            <Button onClick={() => dispense.mutate(Number(quantity))} disabled={!valid} loading={dispense.isPending}>{t('pharmacy:dispense')}</Button>
          </Group>
        )}
        {dispense.isError && <ProblemAlert error={dispense.error} />}
      </Stack>
    </Paper>
  );
}
