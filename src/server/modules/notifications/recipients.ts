// Who a notification goes to, resolved inside the caller's transaction: a staff user (email, phone
// and web-app language from users), a patient (phone from the record; opt-outs and language from
// their contact preferences; email: the contact preference's address when set, else the record's —
// patientEmail is that one rule), or a bare address (email only).
import type { Executor } from './executor.ts';
import type { Channel, Language } from './notifications.table.ts';

export type RecipientRef = { userId: string } | { patientId: string } | { email: string; name?: string; language?: Language };

export interface ResolvedRecipient {
  name: string | null;
  language: Language;
  addresses: Partial<Record<Channel, string>>;
  /** Channels the recipient has opted out of (patients only). */
  optedOut: Channel[];
}

const lang = (v: string | null | undefined): Language => (v === 'ar' ? 'ar' : 'en');

export async function resolveRecipient(db: Executor, facilityId: string, to: RecipientRef): Promise<ResolvedRecipient | undefined> {
  if ('userId' in to) {
    const u = await db.selectFrom('users').select(['email', 'phone', 'name', 'preferred_language']).where('id', '=', to.userId).executeTakeFirst();
    if (!u) return undefined;
    return { name: u.name, language: lang(u.preferred_language), addresses: { email: u.email, ...(u.phone ? { sms: u.phone } : {}) }, optedOut: [] };
  }
  if ('patientId' in to) {
    const p = await db.selectFrom('patients').leftJoin('patient_contact_preferences as cp', 'cp.patient_id', 'patients.id')
      .select(['patients.phone', 'patients.first_name', 'patients.last_name', 'patients.first_name_ar', 'patients.preferred_language', 'patients.email as record_email', 'cp.email', 'cp.sms_opt_out', 'cp.email_opt_out', 'cp.language'])
      .where('patients.facility_id', '=', facilityId).where('patients.id', '=', to.patientId).executeTakeFirst();
    if (!p) return undefined;
    const language = lang(p.language ?? p.preferred_language);
    const name = language === 'ar' && p.first_name_ar ? p.first_name_ar : [p.first_name, p.last_name].filter(Boolean).join(' ') || null;
    const optedOut: Channel[] = [];
    if (Number(p.sms_opt_out ?? 0)) optedOut.push('sms');
    if (Number(p.email_opt_out ?? 0)) optedOut.push('email');
    const email = patientEmail(p.email, p.record_email).email;
    return { name, language, addresses: { ...(email ? { email } : {}), ...(p.phone ? { sms: p.phone } : {}) }, optedOut };
  }
  return { name: to.name ?? null, language: to.language ?? 'en', addresses: { email: to.email }, optedOut: [] };
}

/** The address a patient's email messages go to: their contact preference's, else their record's. */
export function patientEmail(preference: string | null | undefined, record: string | null | undefined): { email: string | null; fromRecord: boolean } {
  if (preference) return { email: preference, fromRecord: false };
  return { email: record || null, fromRecord: Boolean(record) };
}

/** "am***@example.org", "+24991*****67": enough for an admin to tell recipients apart. */
export function maskAddress(channel: Channel, address: string): string {
  if (channel === 'email') {
    const [local = '', domain = ''] = address.split('@');
    return `${local.slice(0, 2)}***@${domain}`;
  }
  return address.length <= 7 ? '*'.repeat(address.length) : `${address.slice(0, 6)}${'*'.repeat(address.length - 8)}${address.slice(-2)}`;
}
