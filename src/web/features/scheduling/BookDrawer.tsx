// Booking a free slot: the slot chosen on the grid, the patient found with reception's search box,
// the kind of visit and a note. If someone took the slot meanwhile the server says so (409
// slot_taken) and the grid refreshes to show what is still free.
import { useState } from 'react';
import { Button, Drawer, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../api/types.ts';
import { ProblemList } from './ProblemList.tsx';
import { PatientSearch } from '../reception/PatientSearch.tsx';
import { PatientName } from '../reception/PatientName.tsx';
import { PatientFacts } from '../reception/PatientFacts.tsx';
import type { FreeSlot } from './DayGrid.tsx';
import { slotMinutes } from './day.ts';
import { APPOINTMENT_TYPES, useBook, type Appointment, type AppointmentType, type Provider } from './queries.ts';
import { useScheduleText } from './useScheduleText.ts';

interface Props {
  slot: FreeSlot | null;
  providers: Provider[];
  onClose(): void;
  onBooked(a: Appointment): void;
}

export function BookDrawer({ slot, providers, onClose, onBooked }: Props) {
  const { t, i18n } = useTranslation('scheduling');
  return (
    <Drawer opened={slot !== null} onClose={onClose} position={i18n.dir() === 'rtl' ? 'left' : 'right'} size="lg"
      title={<Text fw={700} size="lg" component="span">{t('scheduling:book.title')}</Text>} closeButtonProps={{ 'aria-label': t('common:close') }}>
      {slot && <BookForm key={`${slot.providerId}-${slot.start}`} slot={slot} provider={providers.find((p) => p.id === slot.providerId)} onBooked={onBooked} onCancel={onClose} />}
    </Drawer>
  );
}

function BookForm({ slot, provider, onBooked, onCancel }: { slot: FreeSlot; provider?: Provider; onBooked(a: Appointment): void; onCancel(): void }) {
  const { t } = useTranslation(['scheduling', 'reception']);
  const text = useScheduleText();
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [type, setType] = useState<AppointmentType>('consultation');
  const [notes, setNotes] = useState('');
  const book = useBook();
  const submit = () => {
    if (!patient) return;
    book.mutate({
      patientId: patient.id, providerId: slot.providerId, dateTime: slot.start, durationMinutes: slotMinutes(slot), type, ...(notes.trim() && { notes: notes.trim() }),
    }, { onSuccess: onBooked });
  };
  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        <Text size="sm" c="dimmed">{t('scheduling:book.slot')}</Text>
        <Text fw={600} data-testid="book-slot">{text.format.dateTime(slot.start)}–{text.format.time(slot.end)}</Text>
        <Text size="sm">{provider?.name}</Text>
      </Paper>
      {patient
        ? (
          <Paper withBorder p="sm" radius="md" data-testid="book-patient">
            <Text size="sm" c="dimmed">{t('scheduling:book.patient')}</Text>
            <Stack gap={4}>
              <PatientName patient={patient} />
              <PatientFacts patient={patient} />
            </Stack>
            <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setPatient(null)}>{t('scheduling:book.changePatient')}</Button>
          </Paper>
        )
        : <PatientSearch label={t('scheduling:book.findPatient')} onPick={setPatient} autoFocus />}
      <NativeSelect label={t('scheduling:book.type')} value={type} onChange={(e) => setType(e.currentTarget.value as AppointmentType)}
        data={APPOINTMENT_TYPES.map((v) => ({ value: v, label: text.type(v) }))} />
      <Textarea label={t('scheduling:book.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
      {book.isError && <ProblemList error={book.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>{t('common:cancel')}</Button>
        <Button onClick={submit} disabled={!patient} loading={book.isPending}>{t('scheduling:book.submit')}</Button>
      </Group>
    </Stack>
  );
}
