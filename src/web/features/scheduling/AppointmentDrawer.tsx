// One appointment's panel: who, when, with whom, its status, and the steps its status and the
// user's role allow (actions.ts). Cancelling asks for the reason the API requires; rescheduling
// picks a free slot of the same or another provider. Whatever the server refuses is shown here.
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Drawer, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSignedIn } from '../../app/session/SessionProvider.tsx';
import { PatientName } from '../reception/PatientName.tsx';
import { allowedActions, type TransitionAction } from './actions.ts';
import { wallClock } from './day.ts';
import { nameFields } from './names.ts';
import { useCancel, useTransition, type Appointment } from './queries.ts';
import { RescheduleForm } from './RescheduleForm.tsx';
import { ProblemList } from './ProblemList.tsx';
import { badgeColor, useScheduleText } from './useScheduleText.ts';

interface Props {
  appointment: Appointment | null;
  today: string;
  onClose(): void;
  onChanged(a: Appointment): void;
}

export function AppointmentDrawer({ appointment, today, onClose, onChanged }: Props) {
  const { t, i18n } = useTranslation('scheduling');
  return (
    <Drawer opened={appointment !== null} onClose={onClose} position={i18n.dir() === 'rtl' ? 'left' : 'right'} size="lg"
      title={<Text fw={700} size="lg" component="span">{t('scheduling:appointment.title')}</Text>} closeButtonProps={{ 'aria-label': t('common:close') }}>
      {appointment && <Panel key={appointment.id} a={appointment} today={today} onChanged={onChanged} />}
    </Drawer>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" miw={110}>{label}</Text>
      <Text size="sm" component="div">{children}</Text>
    </Group>
  );
}

function Panel({ a, today, onChanged }: { a: Appointment; today: string; onChanged(a: Appointment): void }) {
  const { t } = useTranslation(['scheduling', 'reception']);
  const text = useScheduleText();
  const { facility } = useSignedIn();
  const [form, setForm] = useState<'cancel' | 'reschedule' | null>(null);
  const transition = useTransition();
  const date = wallClock(a.dateTime)?.date ?? today;
  const actions = allowedActions({ status: a.status, date, today, permissions: facility.permissions });
  const run = (action: TransitionAction) => transition.mutate({ id: a.id, action }, { onSuccess: onChanged });
  const canSeePatient = facility.permissions.includes('patients:read');

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <PatientName patient={nameFields(a)} size="lg" />
        <Group gap="xs">
          {a.mrn && <Badge variant="light" radius="sm"><Bdi ltr>{a.mrn}</Bdi></Badge>}
          <Badge color={badgeColor(a.status)} radius="sm" data-testid="appointment-status">{text.status(a.status)}</Badge>
        </Group>
        {canSeePatient && <Anchor component={Link} to={`/reception/patients/${a.patientId}`} size="sm">{t('scheduling:appointment.openPatient')}</Anchor>}
      </Stack>
      <Stack gap={4}>
        <Fact label={t('scheduling:appointment.when')}>{text.format.dateTime(a.dateTime)}–{text.format.time(a.endTime)}</Fact>
        <Fact label={t('scheduling:appointment.provider')}>{a.providerName}</Fact>
        <Fact label={t('scheduling:appointment.type')}>{text.type(a.type)}</Fact>
        {a.checkedInAt && <Fact label={t('scheduling:appointment.checkedInAt')}>{text.format.time(a.checkedInAt)}</Fact>}
        {a.cancelReason && <Fact label={t('scheduling:appointment.cancelReason')}>{a.cancelReason}</Fact>}
        {a.notes && <Fact label={t('scheduling:appointment.notes')}>{a.notes}</Fact>}
      </Stack>
      {transition.isError && <ProblemList error={transition.error} />}
      {actions.length > 0 && form === null && (
        <Group gap="sm">
          {actions.includes('checkIn') && <Button onClick={() => run('checkIn')} loading={transition.isPending}>{t('scheduling:actions.checkIn')}</Button>}
          {actions.includes('start') && <Button onClick={() => run('start')} loading={transition.isPending}>{t('scheduling:actions.start')}</Button>}
          {actions.includes('complete') && <Button onClick={() => run('complete')} loading={transition.isPending}>{t('scheduling:actions.complete')}</Button>}
          {actions.includes('reschedule') && <Button variant="default" onClick={() => setForm('reschedule')}>{t('scheduling:actions.reschedule')}</Button>}
          {actions.includes('noShow') && <Button variant="default" onClick={() => run('noShow')} loading={transition.isPending}>{t('scheduling:actions.noShow')}</Button>}
          {actions.includes('cancel') && <Button variant="default" color="red" onClick={() => setForm('cancel')}>{t('scheduling:actions.cancel')}</Button>}
        </Group>
      )}
      {form === 'cancel' && <CancelForm a={a} onDone={(next) => { setForm(null); onChanged(next); }} onBack={() => setForm(null)} />}
      {form === 'reschedule' && <RescheduleForm a={a} today={today} onDone={(next) => { setForm(null); onChanged(next); }} onBack={() => setForm(null)} />}
    </Stack>
  );
}

function CancelForm({ a, onDone, onBack }: { a: Appointment; onDone(a: Appointment): void; onBack(): void }) {
  const { t } = useTranslation('scheduling');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const cancel = useCancel();
  const serverError = isApiError(cancel.error) ? cancel.error.fieldErrors().reason : undefined;
  const missing = touched && !reason.trim() ? t('scheduling:cancel.reasonMissing') : undefined;
  const submit = () => {
    setTouched(true);
    if (reason.trim()) cancel.mutate({ id: a.id, reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <Stack gap="sm">
      <Textarea label={t('scheduling:cancel.reason')} description={t('scheduling:cancel.hint')} value={reason} required autoFocus
        onChange={(e) => setReason(e.currentTarget.value)} onBlur={() => setTouched(true)} maxLength={500} autosize minRows={2} error={missing ?? serverError} />
      {cancel.isError && !serverError && <ProblemAlert error={cancel.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack}>{t('scheduling:cancel.keep')}</Button>
        <Button color="red" onClick={submit} loading={cancel.isPending}>{t('scheduling:cancel.submit')}</Button>
      </Group>
    </Stack>
  );
}
