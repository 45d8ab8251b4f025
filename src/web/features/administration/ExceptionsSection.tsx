// A provider's exceptions from today on: a closure or holiday (a day off) or other hours on one
// date. Appointments already booked that day stay; new bookings and free slots follow the exception.
import { useState } from 'react';
import { ActionIcon, Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../../../server/platform/time.ts';
import { api, call } from '../../api/client.ts';
import { isApiError } from '../../api/problem.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useNow } from '../../components/useNow.ts';
import { dayProblems } from './hours-form.ts';
import { useExceptions } from './queries.ts';

export function ExceptionsSection({ providerId }: { providerId: string }) {
  const { t } = useTranslation('administration');
  const format = useFormat();
  const today = localDateOf(format.settings.timeZone, useNow(60_000));
  const list = useExceptions(providerId, today);
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'exceptions', providerId] });
  const form = useForm({
    initialValues: { date: '', kind: 'off', start: '09:00', end: '13:00', reason: '' },
    validateInputOnBlur: true,
    validate: {
      date: (v) => (!/^\d{4}-\d{2}-\d{2}$/.test(v) ? t('administration:rules.dateRequired') : v < today ? t('administration:rules.datePast') : null),
      end: (v, values) => {
        if (values.kind !== 'hours') return null;
        const rule = dayProblems([{ start: values.start, end: v }])[0];
        return rule ? t(`administration:rules.${rule}`) : null;
      },
      reason: (v) => (v.length > 500 ? t('administration:rules.tooLong', { max: 500 }) : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      await call(api.POST('/api/v1/providers/{id}/exceptions', {
        params: { path: { id: providerId } },
        body: { date: v.date, hours: v.kind === 'hours' ? [{ start: v.start, end: v.end }] : null, ...(v.reason.trim() && { reason: v.reason.trim() }) },
      }));
      form.reset();
      await refresh();
    } catch (error) {
      // The server's field messages are English fragments; the one this form expects it words itself.
      const taken = isApiError(error) && error.status === 409;
      setProblem(applyServerErrors(form, error, taken ? { date: t('administration:rules.dateTaken') } : {}));
    }
  });
  const remove = async (id: string) => {
    setProblem(null);
    try {
      await call(api.DELETE('/api/v1/providers/{id}/exceptions/{exceptionId}', { params: { path: { id: providerId, exceptionId: id } } }));
      await refresh();
    } catch (error) {
      setProblem(error);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h3">{t('administration:exceptions.title')}</Title>
        {list.isError && <ProblemAlert error={list.error} />}
        {problem !== null && <ProblemAlert error={problem} detail />}
        {list.isSuccess && items.length === 0 && <Text c="dimmed">{t('administration:exceptions.none')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label={t('administration:exceptions.title')}>
              <Table.Thead><Table.Tr>
                <Table.Th>{t('administration:exceptions.date')}</Table.Th>
                <Table.Th>{t('administration:exceptions.what')}</Table.Th>
                <Table.Th>{t('administration:exceptions.reason')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('administration:exceptions.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{format.calendarDate(e.date)}</Table.Td>
                    <Table.Td>{e.kind === 'off' ? t('administration:exceptions.off') : <span dir="ltr">{e.hours.map((h) => `${h.start}–${h.end}`).join(', ')}</span>}</Table.Td>
                    <Table.Td dir="auto">{e.reason ?? '—'}</Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" onClick={() => void remove(e.id)} aria-label={t('administration:exceptions.remove', { date: format.calendarDate(e.date) })}>
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Title order={3} size="h4">{t('administration:exceptions.add')}</Title>
            <Group align="flex-start">
              <TextInput type="date" label={t('administration:exceptions.date')} required min={today} dir="ltr" {...form.getInputProps('date')} />
              <SegmentedControl mt={24} aria-label={t('administration:exceptions.what')} {...form.getInputProps('kind')}
                data={[{ value: 'off', label: t('administration:exceptions.off') }, { value: 'hours', label: t('administration:exceptions.otherHours') }]} />
            </Group>
            {form.values.kind === 'hours' && (
              <Group align="flex-start">
                <TextInput type="time" label={t('administration:hours.from')} dir="ltr" {...form.getInputProps('start')} />
                <TextInput type="time" label={t('administration:hours.to')} dir="ltr" {...form.getInputProps('end')} />
              </Group>
            )}
            <TextInput label={t('administration:exceptions.reason')} description={t('administration:exceptions.reasonHint')} dir="auto" {...form.getInputProps('reason')} />
            <Group><Button type="submit" variant="default" loading={form.submitting}>{t('administration:exceptions.save')}</Button></Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
