// Providers are active users with a clinician membership (doctor, nurse) in the facility. Every
// query takes the facility id, so a provider of another facility is simply not found.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { CLINICIAN_ROLES } from '../../platform/access/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../platform/time.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface ProviderRow { id: string; name: string; role: string }

function providers(db: Executor, facilityId: string) {
  return db.selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as id', 'u.name as name', 'm.role as role'])
    .where('m.facility_id', '=', facilityId)
    .where('m.role', 'in', CLINICIAN_ROLES)
    .where('u.status', '=', 'active');
}

export function listProviders(db: Executor, facilityId: string): Promise<ProviderRow[]> {
  return providers(db, facilityId).orderBy('u.name').orderBy('u.id').execute();
}

export function findProvider(db: Executor, facilityId: string, userId: string): Promise<ProviderRow | undefined> {
  return providers(db, facilityId).where('u.id', '=', userId).executeTakeFirst();
}

/** The provider, or 404: used where the provider is the resource named in the path. */
export async function providerOr404(db: Executor, facilityId: string, userId: string): Promise<ProviderRow> {
  const provider = await findProvider(db, facilityId, userId);
  if (!provider) throw new AppError('not_found', 'Provider not found');
  return provider;
}

/** The facility's IANA time zone, in which its working hours and appointment times are read. */
export async function facilityZone(db: Executor, facilityId: string): Promise<string> {
  const row = await db.selectFrom('facilities').select('time_zone').where('id', '=', facilityId).executeTakeFirst();
  return row && isTimeZone(row.time_zone) ? row.time_zone : DEFAULT_TIME_ZONE;
}
