// The modules that make up the API, registered in this order under /api/v1.
import type { Module } from '../platform/modules.ts';
import { authModule } from './auth/index.ts';
import { facilitiesModule } from './facilities/index.ts';
import { auditModule } from './audit/index.ts';
import { schedulingModule } from './scheduling/index.ts';
import { patientsModule } from './patients/index.ts';
import { terminologyModule } from './terminology/index.ts';
import { clinicalModule } from './clinical/index.ts';
import { billingModule } from './billing/index.ts';
import { reportsModule } from './reports/index.ts';
import { notificationsModule } from './notifications/index.ts';

export type { Module } from '../platform/modules.ts';

export const modules: Module[] = [authModule, facilitiesModule, auditModule, patientsModule, schedulingModule, terminologyModule, clinicalModule, billingModule, reportsModule, notificationsModule];
