// A facility's notification settings (reminder lead time, channels on or off) and a patient's
// contact preferences (email address, opt-outs, language) over HTTP. Both are read-modify-write of
// one row, in a transaction; a patient of another facility is a 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { Executor } from './executor.ts';
import { patientEmail } from './recipients.ts';
import { ContactPreferences, ContactPreferencesBody, IdParams, Settings, SettingsBody } from './notifications.schemas.ts';
import { facilitySettings, saveFacilitySettings } from './settings.ts';

const tags = ['notifications'];

async function requirePatient(db: Executor, facilityId: string, patientId: string): Promise<{ recordEmail: string | null }> {
  const row = await db.selectFrom('patients').select('email').where('facility_id', '=', facilityId).where('id', '=', patientId).executeTakeFirst();
  if (!row) throw notFound('Patient');
  return { recordEmail: row.email };
}

// The effective address (patientEmail: the preference's, else the record's), so the screen shows
// where messages actually go; the patients table is only read here (its module caches it).
async function preferences(db: Executor, facilityId: string, patientId: string) {
  const { recordEmail } = await requirePatient(db, facilityId, patientId);
  const row = await db.selectFrom('patient_contact_preferences').selectAll().where('patient_id', '=', patientId).executeTakeFirst();
  const { email, fromRecord } = patientEmail(row?.email, recordEmail);
  return { email, emailFromRecord: fromRecord, smsOptOut: Boolean(Number(row?.sms_opt_out ?? 0)), emailOptOut: Boolean(Number(row?.email_opt_out ?? 0)), language: row?.language ?? null };
}

export async function settingsRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const settingsView = async (facilityId: string) => {
    const s = await facilitySettings(db, facilityId);
    return { reminderLeadMinutes: s.reminderLeadMinutes, emailEnabled: s.channels.email, smsEnabled: s.channels.sms, securityContactEmail: s.securityContactEmail, dailySummaryEnabled: s.dailySummaryEnabled };
  };

  r.get('/notifications/settings', {
    config: { access: { permission: 'notifications:read' } },
    schema: { operationId: 'getNotificationSettings', tags, summary: "The facility's reminder lead time and channels", response: { 200: Settings } },
  }, async (request) => settingsView(scopeOf(request).facilityId));

  r.put('/notifications/settings', {
    config: { access: { permission: 'notifications:manage' } },
    schema: { operationId: 'putNotificationSettings', tags, summary: "Set the facility's reminder lead time (1 h to 7 days) and turn channels on or off", body: SettingsBody, response: { 200: Settings } },
  }, async (request) => {
    const { facilityId, userId } = scopeOf(request);
    const b = request.body;
    await db.transaction().execute(async (trx) => {
      const current = await facilitySettings(trx, facilityId);
      const contact = b.securityContactEmail === undefined ? current.securityContactEmail : b.securityContactEmail?.trim().toLowerCase() || null;
      const dailySummaryEnabled = b.dailySummaryEnabled ?? current.dailySummaryEnabled;
      try {
        await saveFacilitySettings(trx, facilityId, userId, { reminderLeadMinutes: b.reminderLeadMinutes, channels: { email: b.emailEnabled, sms: b.smsEnabled }, securityContactEmail: contact, dailySummaryEnabled });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err; // created by another admin at the same moment: ours is the later write
        await saveFacilitySettings(trx, facilityId, userId, { reminderLeadMinutes: b.reminderLeadMinutes, channels: { email: b.emailEnabled, sms: b.smsEnabled }, securityContactEmail: contact, dailySummaryEnabled });
      }
      await ctx.audit.record({ ...auditContext(request), action: 'notification.settings', targetType: 'facility', targetId: facilityId, details: { ...b, securityContactEmail: b.securityContactEmail ? 'set' : null } }, trx);
    });
    return settingsView(facilityId);
  });

  const patientOf = (request: FastifyRequest, id: string) => ({ facilityId: scopeOf(request).facilityId, patientId: id });

  r.get('/patients/:id/contact-preferences', {
    config: { access: { permission: 'patients:read' } },
    schema: { operationId: 'getContactPreferences', tags, summary: "A patient's email address for messages, opt-outs and message language", params: IdParams, response: { 200: ContactPreferences } },
  }, async (request) => {
    const { facilityId, patientId } = patientOf(request, request.params.id);
    const view = await preferences(db, facilityId, patientId);
    await ctx.audit.record({ ...auditContext(request), action: 'patient.contact_preferences.read', patientId, targetType: 'patient', targetId: patientId });
    return view;
  });

  r.put('/patients/:id/contact-preferences', {
    config: { access: { permission: 'patients:write' } },
    schema: { operationId: 'putContactPreferences', tags, summary: "Set a patient's email address for messages, SMS and email opt-outs, and message language", params: IdParams, body: ContactPreferencesBody, response: { 200: ContactPreferences } },
  }, async (request) => {
    const { facilityId, patientId } = patientOf(request, request.params.id);
    const { userId } = scopeOf(request);
    const b = request.body;
    await db.transaction().execute(async (trx) => {
      const { recordEmail } = await requirePatient(trx, facilityId, patientId);
      const email = b.email?.trim().toLowerCase() || null;
      // The record's own address sent back (the screen shows it) is stored as "none of its own", so
      // the messages keep following the record when reception changes it there.
      const values = { email: email !== null && email === recordEmail?.toLowerCase() ? null : email, sms_opt_out: b.smsOptOut ? 1 : 0, email_opt_out: b.emailOptOut ? 1 : 0, language: b.language, updated_by: userId, updated_at: nowIso() };
      const updated = await trx.updateTable('patient_contact_preferences').set(values).where('patient_id', '=', patientId).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) await trx.insertInto('patient_contact_preferences').values({ patient_id: patientId, facility_id: facilityId, ...values }).execute();
      // The address itself stays out of the audit details; what changed is enough.
      await ctx.audit.record({ ...auditContext(request), action: 'patient.contact_preferences.update', patientId, targetType: 'patient', targetId: patientId, details: { hasEmail: values.email !== null, smsOptOut: b.smsOptOut, emailOptOut: b.emailOptOut, language: b.language } }, trx);
    });
    return preferences(db, facilityId, patientId);
  });
}
