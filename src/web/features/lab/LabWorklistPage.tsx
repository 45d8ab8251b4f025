// The lab technician's worklist, one step at a time: samples to collect, results to enter, results
// to verify (by a technician other than the one who entered them — the server refuses otherwise and
// the refusal is shown). Oldest first; urgent and STAT orders are marked.
import { useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LabOrderCard } from '../clinical/LabOrderCard.tsx';
import { OrderPatient } from './OrderPatient.tsx';
import { ResultsForm } from './ResultsForm.tsx';
import { useLabStep, useLabWorklist, type LabStep } from './queries.ts';
import '../clinical/clinical.css';

export function LabWorklistPage() {
  const { t } = useTranslation('laboratory');
  usePageTitle(t('laboratory:title'));
  const [step, setStep] = useState<LabStep>('ordered');
  const list = useLabWorklist(step);
  const steps = useLabStep();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const failed = steps.collect.error ?? steps.verify.error;
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>{t('laboratory:title')}</Title>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="lab-step">{t('laboratory:step')}</Text>
        <SegmentedControl aria-labelledby="lab-step" value={step} w="fit-content"
          onChange={(v) => { setStep(v === 'collected' || v === 'resulted' ? v : 'ordered'); steps.collect.reset(); steps.verify.reset(); }}
          data={(['ordered', 'collected', 'resulted'] as const).map((s) => ({ value: s, label: t(`laboratory:steps.${s}`) }))} />
      </Stack>
      {list.isError && <ProblemAlert error={list.error} />}
      {failed && (isApiError(failed) && failed.code === 'conflict' && step === 'resulted'
        ? <Alert color="red" variant="light" role="alert" title={t('laboratory:verifySelf.title')}>{t('laboratory:verifySelf.text')}</Alert>
        : <ProblemAlert error={failed} />)}
      {list.isSuccess && items.length === 0 && <Text c="dimmed" role="status">{t('laboratory:empty')}</Text>}
      <Stack gap="sm">
        {items.map((o) => (
          <Stack key={o.id} gap={4}>
            <OrderPatient patientId={o.patientId} />
            <LabOrderCard order={o}>
              <Group mt="sm" gap="sm">
                {step === 'ordered' && <Button loading={steps.collect.isPending && steps.collect.variables === o.id} onClick={() => steps.collect.mutate(o.id)}>{t('laboratory:collect')}</Button>}
                {step === 'resulted' && <Button loading={steps.verify.isPending && steps.verify.variables === o.id} onClick={() => steps.verify.mutate(o.id)}>{t('laboratory:verify')}</Button>}
              </Group>
              {step === 'collected' && <ResultsForm order={o} />}
            </LabOrderCard>
          </Stack>
        ))}
      </Stack>
      {list.hasNextPage && <Group><Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('laboratory:more')}</Button></Group>}
    </Stack>
  );
}
