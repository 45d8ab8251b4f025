// A critical lab result, to the clinician who ordered the test, by email. The clinical module
// queues a job in the transaction that records the result; this handler turns it into a
// notification (deduplicated on the job id, so a retried job queues one message). The email names
// the tests and their flags and the patient's MRN, never the values: email leaves the clinic's
// systems, and the clinician reads the values in NileCare.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { PermanentJobError, type JobHandler } from '../../platform/outbox/worker.ts';
import { queueNotification } from './queue.ts';
import { registerTemplate, str, type TemplateData } from './templates.ts';

export const CRITICAL_RESULT_EVENT = 'lab.critical_result';

interface CriticalResultJob { facilityId?: string; orderId?: string; patientId?: string; notify?: string; results?: { code: string; name?: string; flag: string }[] }

const FLAGS: Record<string, { en: string; ar: string }> = {
  critical_low: { en: 'critically low', ar: 'منخفض بشكل حرج' },
  critical_high: { en: 'critically high', ar: 'مرتفع بشكل حرج' },
  critical: { en: 'critical', ar: 'حرج' },
};
const lines = (d: TemplateData, lang: 'en' | 'ar') => (Array.isArray(d.tests) ? d.tests as { code: string; name?: string; flag: string }[] : [])
  .map((t) => `- ${t.name ?? t.code} (${t.code}): ${FLAGS[t.flag]?.[lang] ?? t.flag}`).join('\n');

registerTemplate(CRITICAL_RESULT_EVENT, {
  en: (d) => ({ subject: `Critical lab result: patient ${str(d, 'mrn')}`, text: `Dear ${str(d, 'name')},\n\nA test you ordered for patient ${str(d, 'mrn')} has a critical result:\n${lines(d, 'en')}\n\nOpen the lab order in NileCare to see the values and act on them.` }),
  ar: (d) => ({ subject: `نتيجة مختبر حرجة: المريض ${str(d, 'mrn')}`, text: `عزيزي/عزيزتي ${str(d, 'name')}،\n\nأحد الفحوصات التي طلبتها للمريض ${str(d, 'mrn')} له نتيجة حرجة:\n${lines(d, 'ar')}\n\nافتح طلب المختبر في نايل كير لرؤية القيم واتخاذ الإجراء.` }),
});

export function criticalResultNotifier(db: Kysely<Database>): JobHandler {
  return async (payload, job) => {
    const p = payload as CriticalResultJob;
    if (!p.facilityId || !p.notify || !p.patientId) throw new PermanentJobError('critical result job without facility, patient or clinician');
    await db.transaction().execute(async (trx) => {
      const patient = await trx.selectFrom('patients').select('mrn').where('facility_id', '=', p.facilityId!).where('id', '=', p.patientId!).executeTakeFirst();
      await queueNotification(trx, {
        facilityId: p.facilityId!, event: CRITICAL_RESULT_EVENT, to: { userId: p.notify! }, channels: ['email'],
        data: { mrn: patient?.mrn ?? null, orderId: p.orderId, tests: (p.results ?? []).map((r) => ({ code: r.code, name: r.name, flag: r.flag })) },
        dedupeKey: `job:${job.id}`, subjectRef: p.orderId ? `lab_order:${p.orderId}` : undefined,
      });
    });
  };
}
