// The facility's notification settings: how long before an appointment the reminder goes out,
// which channels the facility uses, and who is told of repeated failed sign-ins. Only
// notifications:manage may change them; others see them read-only.
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Loader, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { applyServerErrors } from '../../components/forms.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../app/session/permissions.ts';
import { useSettings } from './queries.ts';

/** The server's bounds (notifications/settings.ts): one hour to one week, entered in hours. */
const LEAD_HOURS = { min: 1, max: 168 } as const;

export function SettingsForm() {
  const { t } = useTranslation('messaging');
  const canManage = useCan('notifications:manage');
  const settings = useSettings();
  const client = useQueryClient();
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initialValues: { leadHours: 24 as number | string, emailEnabled: true, smsEnabled: true, securityContactEmail: '' },
    validate: {
      leadHours: (v) => (Number.isInteger(Number(v)) && Number(v) >= LEAD_HOURS.min && Number(v) <= LEAD_HOURS.max ? null : t('messaging:settings.leadInvalid', { min: LEAD_HOURS.min, max: LEAD_HOURS.max })),
      securityContactEmail: (v) => (!v.trim() || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('messaging:settings.contactInvalid')),
    },
  });
  const { setValues, resetDirty, isDirty } = form;
  // The server's answer fills the form once it arrives, and again when it changes, but never over
  // what the user is typing (a background refetch must not undo an edit).
  useEffect(() => {
    if (!settings.data || isDirty()) return;
    const s = settings.data;
    setValues({ leadHours: Math.round(s.reminderLeadMinutes / 60), emailEnabled: s.emailEnabled, smsEnabled: s.smsEnabled, securityContactEmail: s.securityContactEmail ?? '' });
    resetDirty();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's answer changes
  }, [settings.data]);

  const save = useMutation({
    mutationFn: (v: typeof form.values) => call(api.PUT('/api/v1/notifications/settings', {
      body: { reminderLeadMinutes: Number(v.leadHours) * 60, emailEnabled: v.emailEnabled, smsEnabled: v.smsEnabled, securityContactEmail: v.securityContactEmail.trim() || null },
    })),
    onMutate: () => { setProblem(null); setSaved(false); },
    onSuccess: (data) => { resetDirty(); client.setQueryData(['notifications', 'settings'], data); setSaved(true); },
    onError: (error) => setProblem(applyServerErrors(form, error)),
  });

  if (settings.isError) return <ProblemAlert error={settings.error} />;
  // No form before the settings are known: typing into defaults that the answer then replaces loses the edit.
  if (!settings.data) return <Loader aria-label={t('messaging:settings.loading')} />;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack maw={560}>
        {problem !== null && <ProblemAlert error={problem} />}
        {saved && <Alert color="nile" role="status">{t('messaging:settings.saved')}</Alert>}
        <NumberInput label={t('messaging:settings.lead')} description={t('messaging:settings.leadHint')} min={LEAD_HOURS.min} max={LEAD_HOURS.max} allowDecimal={false}
          disabled={!canManage} suffix={` ${t('messaging:settings.hours')}`} {...form.getInputProps('leadHours')} />
        <Text fw={500} size="sm">{t('messaging:settings.channels')}</Text>
        <Checkbox label={t('messaging:settings.email')} disabled={!canManage} {...form.getInputProps('emailEnabled', { type: 'checkbox' })} />
        <Checkbox label={t('messaging:settings.sms')} disabled={!canManage} {...form.getInputProps('smsEnabled', { type: 'checkbox' })} />
        <TextInput type="email" dir="ltr" label={t('messaging:settings.contact')} description={t('messaging:settings.contactHint')} disabled={!canManage}
          {...form.getInputProps('securityContactEmail')} />
        {canManage && <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>{t('messaging:settings.save')}</Button>}
      </Stack>
    </form>
  );
}
