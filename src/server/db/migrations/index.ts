// Every migration, in order. A migration is never edited once it has shipped; add a new one.
import type { DbClient } from '../../config.ts';
import type { MigrationDb } from './helpers.ts';
import * as platform from './2026-11-25T1500_platform.ts';
import * as identity from './2026-11-25T1600_identity.ts';
import * as patients from './2026-11-25T1700_patients.ts';
import * as scheduling from './2026-11-25T1710_scheduling.ts';
import * as auditRead from './2026-11-25T1900_audit_read.ts';
import * as auditEventFacilities from './2026-11-27T1100_audit_event_facilities.ts';
import * as webApp from './2026-11-27T1200_web_app.ts';
import * as patientNameKeysScripts from './2026-11-27T1400_patient_name_keys_scripts.ts';
import * as terminology from './2026-11-27T1500_terminology.ts';
import * as clinical from './2026-11-27T1510_clinical.ts';
import * as billing from './2026-11-27T1600_billing.ts';
import * as billingPayers from './2026-11-27T1700_billing_payers.ts';
import * as paymentProviderEvents from './2026-11-27T1710_payment_provider_events.ts';
import * as patientEmail from './2026-11-27T1720_patient_email.ts';
import * as reports from './2026-11-27T1730_reports.ts';
import * as notifications from './2026-11-27T1740_notifications.ts';
import * as securityNotifications from './2026-11-27T1750_security_notifications.ts';
import * as recurringJobs from './2026-11-27T1800_recurring_jobs.ts';
import * as dailySummarySetting from './2026-11-27T1810_daily_summary_setting.ts';

export interface MigrationModule {
  up(db: MigrationDb, client: DbClient): Promise<void>;
  down(db: MigrationDb, client: DbClient): Promise<void>;
}

export const migrations: Record<string, MigrationModule> = {
  '2026-11-25T1500_platform': platform,
  '2026-11-25T1600_identity': identity,
  '2026-11-25T1700_patients': patients,
  '2026-11-25T1710_scheduling': scheduling,
  '2026-11-25T1900_audit_read': auditRead,
  '2026-11-27T1100_audit_event_facilities': auditEventFacilities,
  '2026-11-27T1200_web_app': webApp,
  '2026-11-27T1400_patient_name_keys_scripts': patientNameKeysScripts,
  '2026-11-27T1500_terminology': terminology,
  '2026-11-27T1510_clinical': clinical,
  '2026-11-27T1600_billing': billing,
  '2026-11-27T1700_billing_payers': billingPayers,
  '2026-11-27T1710_payment_provider_events': paymentProviderEvents,
  '2026-11-27T1720_patient_email': patientEmail,
  '2026-11-27T1730_reports': reports,
  '2026-11-27T1740_notifications': notifications,
  '2026-11-27T1750_security_notifications': securityNotifications,
  '2026-11-27T1800_recurring_jobs': recurringJobs,
  '2026-11-27T1810_daily_summary_setting': dailySummarySetting,
};
