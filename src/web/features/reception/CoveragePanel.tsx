// The patient's insurance cover on their record: the payer and membership number that invoices
// are split with, since when and until when, and — for reception — recording a new cover or
// ending the current one. One current cover at a time (the server holds that).
import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { useCan } from '../../app/session/permissions.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { coverageKey, usePatientCoverage, usePayers } from '../pricing/queries.ts';

export function CoveragePanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('reception');
  const format = useFormat();
  const canEdit = useCan('patients:write');
  const coverage = usePatientCoverage(patientId);
  const client = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const items = coverage.data?.items ?? [];
  const current = items.find((c) => c.current);
  const refresh = () => client.invalidateQueries({ queryKey: coverageKey(patientId) });
  const end = async (id: string) => {
    setProblem(null);
    try {
      await call(api.POST('/api/v1/patients/{id}/coverages/{coverageId}/end', { params: { path: { id: patientId, coverageId: id } } }));
      await refresh();
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="coverage-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="coverage-title">{t('reception:coverage.title')}</Title>
        {coverage.isError && <ProblemAlert error={coverage.error} />}
        {problem !== null && <ProblemAlert error={problem} />}
        {coverage.isSuccess && items.length === 0 && <Text c="dimmed" size="sm">{t('reception:coverage.none')}</Text>}
        {items.slice(0, 5).map((c) => (
          <Group key={c.id} justify="space-between" gap="xs" data-testid="coverage">
            <Stack gap={2}>
              <Group gap="xs"><Text fw={600} dir="auto">{c.payerName}</Text><Badge variant="light" color={c.current ? 'nile' : 'gray'}>{t(c.current ? 'reception:coverage.current' : 'reception:coverage.ended')}</Badge></Group>
              <Text size="sm">{t('reception:coverage.member')} <Bdi ltr>{c.memberNumber}</Bdi></Text>
              <Text size="sm" c="dimmed">{c.validTo ? t('reception:coverage.validRange', { from: format.calendarDate(c.validFrom), to: format.calendarDate(c.validTo) }) : t('reception:coverage.validFrom', { from: format.calendarDate(c.validFrom) })}</Text>
            </Stack>
            {c.current && canEdit && <Button size="xs" variant="default" onClick={() => void end(c.id)}>{t('reception:coverage.end')}</Button>}
          </Group>
        ))}
        {coverage.isSuccess && !current && canEdit && <AddCoverage patientId={patientId} onAdded={refresh} />}
      </Stack>
    </Paper>
  );
}

function AddCoverage({ patientId, onAdded }: { patientId: string; onAdded(): Promise<unknown> }) {
  const { t } = useTranslation('reception');
  const payers = usePayers();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm({
    initialValues: { payerId: '', memberNumber: '', validFrom: '', validTo: '' },
    validateInputOnBlur: true,
    validate: {
      payerId: (v) => (v ? null : t('reception:coverage.payerRequired')),
      memberNumber: (v) => (!v.trim() ? t('reception:coverage.memberRequired') : v.length > 64 ? t('reception:coverage.memberTooLong') : null),
      validTo: (v, all) => (v && all.validFrom && v < all.validFrom ? t('reception:coverage.toBeforeFrom') : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      await call(api.POST('/api/v1/patients/{id}/coverages', { params: { path: { id: patientId } }, body: {
        payerId: v.payerId, memberNumber: v.memberNumber.trim(), ...(v.validFrom && { validFrom: v.validFrom }), ...(v.validTo && { validTo: v.validTo }),
      } }));
      form.reset();
      await onAdded();
    } catch (error) {
      setProblem(applyServerErrors(form, error));
    }
  });
  const options = (payers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text size="sm" fw={600}>{t('reception:coverage.add')}</Text>
        {problem !== null && <ProblemAlert error={problem} detail />}
        {payers.isSuccess && options.length === 0 && <Text size="sm" c="dimmed">{t('reception:coverage.noPayers')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('reception:coverage.payer')} required data={options} searchable {...form.getInputProps('payerId')} />
          <TextInput label={t('reception:coverage.memberNumber')} required dir="ltr" {...form.getInputProps('memberNumber')} />
          <TextInput type="date" label={t('reception:coverage.from')} description={t('reception:coverage.fromHint')} dir="ltr" {...form.getInputProps('validFrom')} />
          <TextInput type="date" label={t('reception:coverage.to')} description={t('reception:coverage.toHint')} dir="ltr" {...form.getInputProps('validTo')} />
        </SimpleGrid>
        <Group><Button type="submit" variant="default" loading={form.submitting}>{t('reception:coverage.save')}</Button></Group>
      </Stack>
    </form>
  );
}
