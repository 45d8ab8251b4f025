// Moving an appointment: a date and a provider, then one of that provider's free slots on it (from
// the slots endpoint, so only times the server would accept are offered).
import { useState } from 'react';
import { Button, Chip, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Splash } from '../../components/Splash.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ProblemList } from './ProblemList.tsx';
import { isDate, wallClock } from './day.ts';
import { useProviders, useProviderSlots, useReschedule, type Appointment } from './queries.ts';
import { useScheduleText } from './useScheduleText.ts';

export function RescheduleForm({ a, today, onDone, onBack }: { a: Appointment; today: string; onDone(a: Appointment): void; onBack(): void }) {
  const { t } = useTranslation('scheduling');
  const text = useScheduleText();
  const [date, setDate] = useState(wallClock(a.dateTime)?.date ?? today);
  const [providerId, setProviderId] = useState(a.providerId);
  const [start, setStart] = useState<string | null>(null);
  const providers = useProviders();
  const slots = useProviderSlots(providerId, date, a.durationMinutes);
  const reschedule = useReschedule();
  const submit = () => start && reschedule.mutate({ id: a.id, dateTime: start, ...(providerId !== a.providerId && { providerId }) }, { onSuccess: onDone });
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput type="date" label={t('scheduling:reschedule.date')} value={date} min={today} dir="ltr" w={180}
          onChange={(e) => { if (isDate(e.currentTarget.value)) { setDate(e.currentTarget.value); setStart(null); } }} />
        <NativeSelect label={t('scheduling:reschedule.provider')} value={providerId} w={220}
          onChange={(e) => { setProviderId(e.currentTarget.value); setStart(null); }}
          data={(providers.data?.items ?? [{ id: a.providerId, name: a.providerName }]).map((p) => ({ value: p.id, label: p.name }))} />
      </Group>
      <Text size="sm" fw={600} id="reschedule-slots">{t('scheduling:reschedule.slots')}</Text>
      {slots.isPending ? <Splash /> : slots.isError ? <ProblemAlert error={slots.error} /> : slots.data.slots.length === 0
        ? <Text size="sm" c="dimmed">{t('scheduling:reschedule.none')}</Text>
        : (
          <Chip.Group value={start ?? ''} onChange={(v) => setStart(typeof v === 'string' && v ? v : null)}>
            <Group gap={6} role="radiogroup" aria-labelledby="reschedule-slots">
              {slots.data.slots.map((s) => <Chip key={s.start} value={s.start} size="sm" type="radio">{text.format.time(s.start)}</Chip>)}
            </Group>
          </Chip.Group>
        )}
      {reschedule.isError && <ProblemList error={reschedule.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack}>{t('common:cancel')}</Button>
        <Button onClick={submit} disabled={!start} loading={reschedule.isPending}>{t('scheduling:reschedule.submit')}</Button>
      </Group>
    </Stack>
  );
}
