// A weekly template: each weekday's ranges (none: a day off) and the slot length. Problems show on
// the range at fault while editing (hours-form.ts, the server's rules); the server's own refusal
// (`body.days.<day>.<i>`) lands there too.
import { useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import type { WorkingHours } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { dayProblems, slotProblem, weekValid, WEEKDAYS, type TimeRange, type Week } from './hours-form.ts';

export function WeekEditor({ hours, onSave }: { hours: WorkingHours; onSave(v: { slotMinutes: number; days: Week }): Promise<unknown> }) {
  const { t } = useTranslation('administration');
  const [days, setDays] = useState<Week>(hours.days);
  const [slot, setSlot] = useState<number | string>(hours.slotMinutes);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const setDay = (day: keyof Week, ranges: TimeRange[]) => {
    setDays({ ...days, [day]: ranges });
    setSaved(false);
  };
  const serverField = isApiError(problem) ? problem.fieldErrors() : {};
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onSave({ slotMinutes: Number(slot), days });
      setSaved(true);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const slotRule = slotProblem(slot);
  return (
    <Stack>
      {problem !== null && <ProblemAlert error={problem} detail />}
      {saved && <Text role="status" c="nile.8">{t('administration:hours.saved')}</Text>}
      <NumberInput label={t('administration:hours.slot')} min={5} max={480} step={5} allowDecimal={false} value={slot}
        onChange={(v) => { setSlot(v); setSaved(false); }} error={slotRule ? t(`administration:rules.${slotRule}`) : serverField.slotMinutes} maw={220} />
      {WEEKDAYS.map((day) => {
        const problems = dayProblems(days[day]);
        return (
          <Paper key={day} withBorder p="sm" role="group" aria-label={t(`administration:days.${day}`)}>
            <Group align="flex-start" wrap="wrap" gap="sm">
              <Text fw={600} w={110} pt={6}>{t(`administration:days.${day}`)}</Text>
              <Stack gap="xs" style={{ flex: 1 }}>
                {days[day].length === 0 && <Text c="dimmed" pt={6}>{t('administration:hours.dayOff')}</Text>}
                {days[day].map((r, i) => {
                  const rule = problems[i];
                  const error = rule ? t(`administration:rules.${rule}`) : serverField[`days.${day}.${i}`];
                  const set = (patch: Partial<TimeRange>) => setDay(day, days[day].map((x, j) => (j === i ? { ...x, ...patch } : x)));
                  return (
                    <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput type="time" label={t('administration:hours.from')} value={r.start} onChange={(e) => set({ start: e.currentTarget.value })} error={!!error} dir="ltr" />
                      <TextInput type="time" label={t('administration:hours.to')} value={r.end === '24:00' ? '23:59' : r.end} onChange={(e) => set({ end: e.currentTarget.value })} error={error} dir="ltr" />
                      <ActionIcon variant="subtle" color="red" mt={26} aria-label={t('administration:hours.remove', { day: t(`administration:days.${day}`) })}
                        onClick={() => setDay(day, days[day].filter((_, j) => j !== i))}><IconTrash size={18} aria-hidden /></ActionIcon>
                    </Group>
                  );
                })}
              </Stack>
              <Button variant="subtle" size="xs" mt={4} leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setDay(day, [...days[day], { start: '08:00', end: '16:00' }])}>{t('administration:hours.add')}</Button>
            </Group>
          </Paper>
        );
      })}
      <Group><Button onClick={() => void save()} loading={busy} disabled={!weekValid(days, slot)}>{t('administration:hours.save')}</Button></Group>
    </Stack>
  );
}
