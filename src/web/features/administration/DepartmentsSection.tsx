// A facility's departments, and a new one (name and a short code, unique in the facility).
import { useState } from 'react';
import { Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { CODE } from './facility-form.ts';
import { useDepartments } from './queries.ts';

export function DepartmentsSection({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation('administration');
  const departments = useDepartments(facilityId);
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm({
    initialValues: { name: '', code: '' },
    validateInputOnBlur: true,
    validate: {
      name: (v) => (!v.trim() ? t('administration:rules.nameRequired') : v.length > 200 ? t('administration:rules.tooLong', { max: 200 }) : null),
      code: (v) => (CODE.test(v) ? null : t('administration:rules.codeInvalid')),
    },
  });
  const submit = form.onSubmit(async ({ name, code }) => {
    setProblem(null);
    try {
      await call(api.POST('/api/v1/facilities/{id}/departments', { params: { path: { id: facilityId } }, body: { name: name.trim(), code } }));
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['admin', 'departments', facilityId] });
    } catch (error) {
      setProblem(applyServerErrors(form, error));
    }
  });
  const items = departments.data?.items ?? [];
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h3">{t('administration:departments.title')}</Title>
        {departments.isError && <ProblemAlert error={departments.error} />}
        {departments.isSuccess && items.length === 0 && <Text c="dimmed">{t('administration:departments.none')}</Text>}
        {items.length > 0 && (
          <List aria-label={t('administration:departments.title')}>
            {items.map((d) => <List.Item key={d.id}><span dir="auto">{d.name}</span> (<Bdi ltr>{d.code}</Bdi>)</List.Item>)}
          </List>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            {problem !== null && <ProblemAlert error={problem} detail />}
            <Group align="flex-start">
              <TextInput label={t('administration:departments.name')} required dir="auto" {...form.getInputProps('name')} style={{ flex: 2, minWidth: 200 }} />
              <TextInput label={t('administration:departments.code')} required dir="ltr" {...form.getInputProps('code')}
                onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())} style={{ flex: 1, minWidth: 120 }} />
            </Group>
            <Group><Button type="submit" variant="default" loading={form.submitting}>{t('administration:departments.add')}</Button></Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
