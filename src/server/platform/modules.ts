// What a module is, and the extension points through which modules meet (DESIGN rule 13). A module
// contributes hooks here instead of importing another module's insides: the patients module runs
// every merge participant without knowing who holds patient data, scheduling announces a started
// visit without knowing about encounters, and clinical announces a completed encounter without
// writing appointments. The list of modules (modules/index.ts) is the only place that knows them all.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppContext } from './context.ts';
import type { AuditEvent } from './audit/audit-log.ts';

export type Trx = Transaction<Database>;

export interface PatientMergeEvent { facilityId: string; fromPatientId: string; toPatientId: string; actorId: string | null }
/**
 * Moves what the module holds for the duplicate to the survivor, inside the merge's transaction
 * (the two patient rows are locked); answers how many records of each kind moved.
 */
export type PatientMergeParticipant = (ctx: AppContext, trx: Trx, merge: PatientMergeEvent) => Promise<Record<string, number>>;

export interface AppointmentStartedEvent {
  facilityId: string; appointmentId: string; patientId: string; providerId: string; actorId: string; at: string;
  /** Who and from where, for the audit events of what the hooks write. */
  audit: Pick<AuditEvent, 'actorId' | 'facilityId' | 'ip' | 'userAgent' | 'requestId'>;
}
/**
 * Runs inside the transaction that starts the appointment (its row locked); a throw undoes the
 * start. May answer ids to show with the appointment, e.g. `{ encounterId }`.
 */
export type AppointmentStartedHook = (ctx: AppContext, trx: Trx, event: AppointmentStartedEvent) => Promise<Record<string, string> | void>;

export interface EncounterCompletedEvent {
  facilityId: string; encounterId: string; appointmentId: string | null; patientId: string; actorId: string; at: string;
}
/** Runs inside the transaction that completes the encounter; a throw undoes the completion. */
export type EncounterCompletedHook = (ctx: AppContext, trx: Trx, event: EncounterCompletedEvent) => Promise<void>;

/** The period a report covers: local dates in the facility's zone and the UTC instants bounding them. */
export interface ReportPeriod {
  facilityId: string;
  zone: string;
  /** First and last local day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Local midnight starting `from`, and the one after `to` (exclusive), as stored ISO instants. */
  fromInstant: string;
  toInstant: string;
}
export type ReportCell = string | number | null;
/** One section of the summary report: a small table, so it shows, charts and downloads as CSV alike. */
export interface ReportTable { columns: string[]; rows: ReportCell[][]; note?: string }
/**
 * A module's contribution to the summary report (GET /reports/summary): read-only aggregates over
 * the module's own tables for the period. `id` is unique across modules (module.section).
 */
export interface ReportSection { id: string; build: (ctx: AppContext, period: ReportPeriod) => Promise<ReportTable> }
export interface AppointmentChangedEvent {
  facilityId: string; appointmentId: string; patientId: string; providerId: string;
  change: 'booked' | 'rescheduled' | 'cancelled';
  /** The appointment's start and end after the change (ISO UTC); for a cancellation, the cancelled slot. */
  startsAt: string; endsAt: string;
  /** Rescheduled: where it was before. */
  previousStartsAt?: string;
  reason?: string;
  actorId: string; at: string;
}
/**
 * Runs inside the transaction that books, reschedules or cancels the appointment; a throw undoes
 * the change, and a rolled-back change leaves nothing the hook wrote (notifications queue here).
 */
export type AppointmentChangedHook = (ctx: AppContext, trx: Trx, event: AppointmentChangedEvent) => Promise<void>;

export interface NotificationAttachment { filename: string; contentType: string; content: Buffer }
/**
 * Makes one email attachment of a kind the module owns (billing: 'receipt' → the receipt PDF),
 * from the reference queued with the notification, at send time, in the message's language.
 */
export type NotificationAttachmentProvider = (db: Kysely<Database>, ref: string, language: 'en' | 'ar') => Promise<NotificationAttachment>;

export interface Module {
  name: string;
  routes: FastifyPluginAsync<{ ctx: AppContext }>;
  patientMerge?: PatientMergeParticipant;
  onAppointmentStarted?: AppointmentStartedHook;
  onEncounterCompleted?: EncounterCompletedHook;
  reportSections?: ReportSection[];
  onAppointmentChanged?: AppointmentChangedHook;
  /** Email attachments by kind; a kind belongs to one module. */
  notificationAttachments?: Record<string, NotificationAttachmentProvider>;
}

/** Every module's contributions, gathered once at start and handed to modules through AppContext. */
export interface Extensions {
  patientMerge: { module: string; move: PatientMergeParticipant }[];
  appointmentStarted: AppointmentStartedHook[];
  encounterCompleted: EncounterCompletedHook[];
  /** In module order. */
  reportSections: ReportSection[];
  appointmentChanged: AppointmentChangedHook[];
  notificationAttachments: Map<string, NotificationAttachmentProvider>;
}

export function collectExtensions(modules: readonly Module[]): Extensions {
  const ext: Extensions = { patientMerge: [], appointmentStarted: [], encounterCompleted: [], reportSections: [], appointmentChanged: [], notificationAttachments: new Map() };
  for (const m of modules) {
    if (m.patientMerge) ext.patientMerge.push({ module: m.name, move: m.patientMerge });
    if (m.onAppointmentStarted) ext.appointmentStarted.push(m.onAppointmentStarted);
    if (m.onEncounterCompleted) ext.encounterCompleted.push(m.onEncounterCompleted);
    for (const section of m.reportSections ?? []) {
      if (ext.reportSections.some((s) => s.id === section.id)) throw new Error(`report section ${section.id} is contributed twice`);
      ext.reportSections.push(section);
    }
    if (m.onAppointmentChanged) ext.appointmentChanged.push(m.onAppointmentChanged);
    for (const [kind, provider] of Object.entries(m.notificationAttachments ?? {})) {
      if (ext.notificationAttachments.has(kind)) throw new Error(`notification attachment kind ${kind} is registered twice (module ${m.name})`);
      ext.notificationAttachments.set(kind, provider);
    }
  }
  return ext;
}
