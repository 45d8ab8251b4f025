// A patient who comes without an appointment: booked into the chosen provider's next free slot
// today and checked in straight away, so they join the waiting list in arrival order.
import { useState } from 'react';
import { Button, Drawer, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../api/types.ts';
import { ProblemList } from './ProblemList.tsx';
import { PatientSearch } from '../reception/PatientSearch.tsx';
import { PatientName } from '../reception/PatientName.tsx';
import { slotMinutes } from './day.ts';
import { useBook, useProviderSlots, useTransition, type Provider } from './queries.ts';
import { useScheduleText } from './useScheduleText.ts';

interface Props { opened: boolean; today: string; providers: Provider[]; onClose(): void }

export function WalkInDrawer({ opened, today, providers, onClose }: Props) {
  const { t, i18n } = useTranslation('scheduling');
  return (
    <Drawer opened={opened} onClose={onClose} position={i18n.dir() === 'rtl' ? 'left' : 'right'} size="lg"
      title={<Text fw={700} size="lg" component="span">{t('scheduling:walkIn.title')}</Text>} closeButtonProps={{ 'aria-label': t('common:close') }}>
      {opened && <WalkInForm today={today} providers={providers} onDone={onClose} />}
    </Drawer>
  );
}

function WalkInForm({ today, providers, onDone }: { today: string; providers: Provider[]; onDone(): void }) {
  const { t } = useTranslation('scheduling');
  const text = useScheduleText();
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [providerId, setProviderId] = useState(providers[0]?.id ?? '');
  const slots = useProviderSlots(providerId || null, today);
  const next = slots.data?.slots[0];
  const book = useBook();
  const checkIn = useTransition();
  const error = book.error ?? checkIn.error;
  const submit = async () => {
    if (!patient || !next) return;
    const a = await book.mutateAsync({ patientId: patient.id, providerId, dateTime: next.start, durationMinutes: slotMinutes(next), type: 'consultation' }).catch(() => null);
    if (a && await checkIn.mutateAsync({ id: a.id, action: 'checkIn' }).catch(() => null)) onDone();
  };
  return (
    <Stack gap="md">
      {patient
        ? (
          <Paper withBorder p="sm" radius="md">
            <PatientName patient={patient} />
            <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setPatient(null)}>{t('scheduling:book.changePatient')}</Button>
          </Paper>
        )
        : <PatientSearch label={t('scheduling:book.findPatient')} onPick={setPatient} autoFocus />}
      <NativeSelect label={t('scheduling:day.provider')} value={providerId} onChange={(e) => setProviderId(e.currentTarget.value)}
        data={providers.map((p) => ({ value: p.id, label: p.name }))} />
      <Text size="sm" role="status">
        {slots.isPending ? t('scheduling:walkIn.looking') : next ? t('scheduling:walkIn.next', { time: text.format.time(next.start) }) : t('scheduling:walkIn.none')}
      </Text>
      {error && <ProblemList error={error} />}
      <Group justify="flex-end">
        <Button onClick={() => void submit()} disabled={!patient || !next} loading={book.isPending || checkIn.isPending}>{t('scheduling:walkIn.submit')}</Button>
      </Group>
    </Stack>
  );
}
