// The whole database as Kysely sees it: one interface per table, owned by the module or platform
// part that uses it and combined here.
import type { PlatformTables } from '../platform/platform.tables.ts';
import type { FacilityTables } from '../modules/facilities/facilities.table.ts';
import type { AuthTables } from '../modules/auth/auth.table.ts';
import type { SchedulingTables } from '../modules/scheduling/scheduling.table.ts';
import type { PatientTables } from '../modules/patients/patients.table.ts';
import type { TerminologyTables } from '../modules/terminology/terminology.table.ts';
import type { ClinicalTables } from '../modules/clinical/clinical.table.ts';
import type { BillingTables } from '../modules/billing/billing.table.ts';
import type { NotificationTables } from '../modules/notifications/notifications.table.ts';

export interface Database extends PlatformTables, FacilityTables, AuthTables, SchedulingTables, PatientTables, TerminologyTables, ClinicalTables, BillingTables, NotificationTables {}
