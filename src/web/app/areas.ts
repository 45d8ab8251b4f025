// Every feature area of the app, in navigation order. The only file that knows them all (like
// src/server/modules/index.ts). To add one: create features/<id>/index.ts exporting an Area,
// import it here, add i18n/en/<id>.json and i18n/ar/<id>.json. Nothing else changes.
import type { Area } from './area.ts';
import { accountArea } from '../features/account/index.ts';
import { receptionArea } from '../features/reception/index.ts';
import { schedulingArea } from '../features/scheduling/index.ts';
import { administrationArea } from '../features/administration/index.ts';
import { complianceArea } from '../features/compliance/index.ts';
import { clinicalArea } from '../features/clinical/index.ts';
import { labArea } from '../features/lab/index.ts';
import { pharmacyArea } from '../features/pharmacy/index.ts';
import { billingArea } from '../features/billing/index.ts';
import { pricingArea } from '../features/pricing/index.ts';
import { reportsArea } from '../features/reports/index.ts';
import { notificationsArea } from '../features/notifications/index.ts';

export const AREAS: readonly Area[] = [
  receptionArea,
  schedulingArea,
  clinicalArea,
  labArea,
  pharmacyArea,
  billingArea,
  pricingArea,
  reportsArea,
  administrationArea,
  notificationsArea,
  complianceArea,
  accountArea,
];
