// A patient's message preferences: the email address messages go to (the record's unless another is
// given here; the phone is the record's), opting out of SMS or email, and the messages' language.
// Reception sets them with the patient at the desk; roles that cannot edit patients see them read-only.
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../app/session/permissions.ts';

type Lang = 'en' | 'ar';

export function ContactPreferences({ patientId }: { patientId: string }) {
  const { t } = useTranslation('reception');
  const canEdit = useCan('patients:write');
  const client = useQueryClient();
  const key = ['patients', patientId, 'contact-preferences'];
  const prefs = useQuery({ queryKey: key, queryFn: ({ signal }) => call(api.GET('/api/v1/patients/{id}/contact-preferences', { params: { path: { id: patientId } }, signal })) });
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initialValues: { email: '', smsOptOut: false, emailOptOut: false, language: 'record' as Lang | 'record' },
    validate: { email: (v) => (!v.trim() || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('reception:contact.emailInvalid')) },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!prefs.data) return;
    setValues({ email: prefs.data.email ?? '', smsOptOut: prefs.data.smsOptOut, emailOptOut: prefs.data.emailOptOut, language: prefs.data.language ?? 'record' });
    resetDirty();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's answer changes
  }, [prefs.data]);

  const save = useMutation({
    mutationFn: (v: typeof form.values) => call(api.PUT('/api/v1/patients/{id}/contact-preferences', {
      params: { path: { id: patientId } },
      body: { email: v.email.trim() || null, smsOptOut: v.smsOptOut, emailOptOut: v.emailOptOut, language: v.language === 'record' ? null : v.language },
    })),
    onMutate: () => { setProblem(null); setSaved(false); },
    onSuccess: (data) => { client.setQueryData(key, data); setSaved(true); },
    onError: (error) => setProblem(applyServerErrors(form, error)),
  });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="contact-prefs-title">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm" maw={560}>
          <Title order={2} size="h4" id="contact-prefs-title">{t('reception:contact.title')}</Title>
          {prefs.isError && <ProblemAlert error={prefs.error} />}
          {problem !== null && <ProblemAlert error={problem} />}
          {saved && <Alert color="teal" role="status">{t('reception:contact.saved')}</Alert>}
          <TextInput type="email" dir="ltr" label={t('reception:contact.email')} description={prefs.data?.emailFromRecord && form.values.email.trim() === prefs.data.email ? t('reception:contact.emailFromRecord') : t('reception:contact.emailHint')} disabled={!canEdit} {...form.getInputProps('email')} />
          <Group gap="lg">
            <Checkbox label={t('reception:contact.smsOptOut')} disabled={!canEdit} {...form.getInputProps('smsOptOut', { type: 'checkbox' })} />
            <Checkbox label={t('reception:contact.emailOptOut')} disabled={!canEdit} {...form.getInputProps('emailOptOut', { type: 'checkbox' })} />
          </Group>
          <Select label={t('reception:contact.language')} disabled={!canEdit} allowDeselect={false} w={260} {...form.getInputProps('language')}
            data={[{ value: 'record', label: t('reception:contact.languageRecord') }, { value: 'ar', label: 'العربية' }, { value: 'en', label: 'English' }]} />
          {canEdit && <Button type="submit" variant="default" loading={save.isPending} disabled={!prefs.data} style={{ alignSelf: 'flex-start' }}>{t('reception:contact.save')}</Button>}
        </Stack>
      </form>
    </Paper>
  );
}
