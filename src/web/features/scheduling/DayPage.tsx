// The day view: the whole facility (a column per provider) or one provider, for a date chosen with
// previous / today / next or a picker; both live in the address, so a reload or a shared link shows
// the same day. A free slot opens booking; an appointment opens its panel.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Group, NativeSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Splash } from '../../components/Splash.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useCan } from '../../app/session/permissions.ts';
import { isDate, todayIn } from './day.ts';
import { DayNav } from './DayNav.tsx';
import { DayGrid, type FreeSlot } from './DayGrid.tsx';
import { BookDrawer } from './BookDrawer.tsx';
import { AppointmentDrawer } from './AppointmentDrawer.tsx';
import { useDay, useProviders, useSlots, type Appointment } from './queries.ts';
import { useScheduleText } from './useScheduleText.ts';

export function DayPage() {
  const { t } = useTranslation('scheduling');
  usePageTitle(t('scheduling:day.title'));
  const text = useScheduleText();
  const today = todayIn(text.format.settings.timeZone);
  const [params, setParams] = useSearchParams();
  const date = isDate(params.get('date')) ? params.get('date')! : today;
  const providerId = params.get('provider');
  const [showClosed, setShowClosed] = useState(false);
  const [booking, setBooking] = useState<FreeSlot | null>(null);
  const [open, setOpen] = useState<Appointment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canBook = useCan('appointments:write');

  const providers = useProviders();
  const all = providers.data?.items ?? [];
  const shown = providerId ? all.filter((p) => p.id === providerId) : all;
  const day = useDay(date, providerId, date === today ? { refresh: 'day' } : {});
  const slotQueries = useSlots(canBook ? shown.map((p) => p.id) : [], date);
  const slots = new Map(shown.map((p, i) => [p.id, slotQueries[i]?.data]));
  const slotError = slotQueries.find((q) => q.isError)?.error;

  // From the address as it is now, not as last rendered: the router changes the address at once but
  // may render the new day a moment later, and a second quick click must count from the new day.
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
    setNotice(null);
  };
  const appointments = (day.data ?? []).filter((a) => showClosed || (a.status !== 'cancelled' && a.status !== 'no_show'));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={1}>{t('scheduling:day.title')}</Title>
          <Text c="dimmed" data-testid="day-date">{text.day(date)}{date === today ? ` · ${t('scheduling:dayNav.today')}` : ''}</Text>
        </Stack>
        <Button component={Link} to="/scheduling/queue" variant="default" leftSection={<IconUsersGroup size={18} aria-hidden />}>
          {t('scheduling:queue.open')}
        </Button>
      </Group>
      <Group gap="md" align="flex-end" wrap="wrap">
        <DayNav date={date} today={today} onChange={(to) => {
          const from = new URLSearchParams(window.location.search).get('date');
          const d = to(isDate(from) ? from : today);
          set({ date: d === today ? null : d });
        }} />
        <NativeSelect
          label={t('scheduling:day.provider')}
          value={providerId ?? ''}
          onChange={(e) => set({ provider: e.currentTarget.value || null })}
          data={[{ value: '', label: t('scheduling:day.allProviders') }, ...all.map((p) => ({ value: p.id, label: p.name }))]}
          w={240}
        />
        <Switch label={t('scheduling:day.showClosed')} checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />
      </Group>
      <Text size="sm" c="dimmed">{t('scheduling:day.zone', { zone: text.format.timeZoneName() })}{canBook ? ` ${t('scheduling:day.bookHint')}` : ''}</Text>
      {notice && <Alert role="status" color="teal" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common:close')}>{notice}</Alert>}
      {providers.isError && <ProblemAlert error={providers.error} />}
      {day.isError && <ProblemAlert error={day.error} />}
      {slotError && <ProblemAlert error={slotError} />}
      {providers.isPending || day.isPending ? <Splash /> : shown.length === 0
        ? <Alert color="gray">{t('scheduling:day.noProviders')}</Alert>
        : (
          <DayGrid date={date} today={today} providers={shown} appointments={appointments} slots={slots}
            onOpen={setOpen} onBook={canBook ? setBooking : undefined} />
        )}
      <BookDrawer slot={booking} providers={all} onClose={() => setBooking(null)}
        onBooked={(a) => { setBooking(null); setNotice(t('scheduling:book.done', { patient: text.nameLine(a), time: text.format.dateTime(a.dateTime), provider: a.providerName })); }} />
      <AppointmentDrawer appointment={open} today={today} onClose={() => setOpen(null)} onChanged={setOpen} />
    </Stack>
  );
}
