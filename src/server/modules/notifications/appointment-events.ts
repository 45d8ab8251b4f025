// Appointment messages to the patient: a confirmation when booked, a notice when rescheduled or
// cancelled, and a reminder the facility's lead time before the start. All are queued by the
// scheduling transaction's onAppointmentChanged hook, so a rolled-back booking sends nothing; a
// reschedule or cancellation cancels the reminder still waiting and queues a new one as needed.
import type { AppointmentChangedHook } from '../../platform/modules.ts';
import type { Executor } from './executor.ts';
import { queueNotification, supersedeNotifications } from './queue.ts';
import { facilitySettings } from './settings.ts';
import { registerTemplate, str, type TemplateData } from './templates.ts';
import { formatWhen } from './format.ts';

export const APPOINTMENT_EVENTS = { booked: 'appointment.booked', rescheduled: 'appointment.rescheduled', cancelled: 'appointment.cancelled', reminder: 'appointment.reminder' } as const;

const when = (d: TemplateData, lang: 'en' | 'ar') => formatWhen(str(d, 'startsAt'), typeof d.timeZone === 'string' ? d.timeZone : 'Africa/Khartoum', lang);

registerTemplate(APPOINTMENT_EVENTS.booked, {
  en: (d) => ({ subject: `Appointment confirmed: ${when(d, 'en')}`, text: `Dear ${str(d, 'name')},\n\nYour appointment with ${str(d, 'provider')} at ${str(d, 'facility')} is booked for ${when(d, 'en')}.\n\nIf you cannot come, please call the clinic.` }),
  ar: (d) => ({ subject: `تأكيد الموعد: ${when(d, 'ar')}`, text: `عزيزي/عزيزتي ${str(d, 'name')}،\n\nتم حجز موعدك مع ${str(d, 'provider')} في ${str(d, 'facility')} بتاريخ ${when(d, 'ar')}.\n\nإذا لم تتمكن من الحضور يرجى الاتصال بالعيادة.` }),
});
registerTemplate(APPOINTMENT_EVENTS.rescheduled, {
  en: (d) => ({ subject: `Appointment moved to ${when(d, 'en')}`, text: `Dear ${str(d, 'name')},\n\nYour appointment at ${str(d, 'facility')} has been moved to ${when(d, 'en')} with ${str(d, 'provider')}.` }),
  ar: (d) => ({ subject: `تم تغيير موعدك إلى ${when(d, 'ar')}`, text: `عزيزي/عزيزتي ${str(d, 'name')}،\n\nتم تغيير موعدك في ${str(d, 'facility')} إلى ${when(d, 'ar')} مع ${str(d, 'provider')}.` }),
});
registerTemplate(APPOINTMENT_EVENTS.cancelled, {
  en: (d) => ({ subject: 'Appointment cancelled', text: `Dear ${str(d, 'name')},\n\nYour appointment at ${str(d, 'facility')} on ${when(d, 'en')} has been cancelled. Please call the clinic to book again.` }),
  ar: (d) => ({ subject: 'تم إلغاء الموعد', text: `عزيزي/عزيزتي ${str(d, 'name')}،\n\nتم إلغاء موعدك في ${str(d, 'facility')} بتاريخ ${when(d, 'ar')}. يرجى الاتصال بالعيادة لحجز موعد جديد.` }),
});
registerTemplate(APPOINTMENT_EVENTS.reminder, {
  en: (d) => ({ subject: `Reminder: appointment ${when(d, 'en')}`, text: `Dear ${str(d, 'name')},\n\nThis is a reminder of your appointment with ${str(d, 'provider')} at ${str(d, 'facility')} on ${when(d, 'en')}.` }),
  ar: (d) => ({ subject: `تذكير بموعدك: ${when(d, 'ar')}`, text: `عزيزي/عزيزتي ${str(d, 'name')}،\n\nنذكرك بموعدك مع ${str(d, 'provider')} في ${str(d, 'facility')} بتاريخ ${when(d, 'ar')}.` }),
});

async function context(trx: Executor, facilityId: string, providerId: string) {
  const facility = await trx.selectFrom('facilities').select(['name', 'time_zone']).where('id', '=', facilityId).executeTakeFirst();
  const provider = await trx.selectFrom('users').select('name').where('id', '=', providerId).executeTakeFirst();
  return { facility: facility?.name ?? null, timeZone: facility?.time_zone ?? 'Africa/Khartoum', provider: provider?.name ?? null };
}

export const onAppointmentChanged: AppointmentChangedHook = async (_ctx, trx, e) => {
  const subjectRef = `appointment:${e.appointmentId}`;
  const base = { facilityId: e.facilityId, to: { patientId: e.patientId }, subjectRef };
  const data = { ...await context(trx, e.facilityId, e.providerId), startsAt: e.startsAt, appointmentId: e.appointmentId };
  if (e.change !== 'booked') await supersedeNotifications(trx, e.facilityId, subjectRef, APPOINTMENT_EVENTS.reminder);
  await queueNotification(trx, { ...base, event: APPOINTMENT_EVENTS[e.change], data, dedupeKey: `${subjectRef}:${e.change}:${e.at}` });
  if (e.change === 'cancelled') return;
  const { reminderLeadMinutes } = await facilitySettings(trx, e.facilityId);
  const sendAt = new Date(Date.parse(e.startsAt) - reminderLeadMinutes * 60_000);
  // Booked inside the lead time: the confirmation is the reminder.
  if (sendAt.getTime() <= Date.now()) return;
  await queueNotification(trx, { ...base, event: APPOINTMENT_EVENTS.reminder, data, sendAt, dedupeKey: `${subjectRef}:reminder:${e.at}` });
};
