// Facility rows, always looked up through the caller's scope: a facility outside it does not exist.
import type { Selectable } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import type { FacilityTable } from './facilities.table.ts';
import type { FacilityView } from './facilities.schemas.ts';
import type { Executor, Scope } from './scope.ts';

export function toFacilityView(row: Selectable<FacilityTable>): FacilityView {
  return {
    id: row.id, code: row.code, name: row.name, type: row.type, state: row.state, locality: row.locality,
    timeZone: row.time_zone, lockAfterMinutes: Number(row.lock_after_minutes), status: row.status, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** Super admins see every facility; everyone else the facilities they are members of. */
export async function listFacilities(db: Executor, scope: Scope): Promise<Selectable<FacilityTable>[]> {
  let query = db.selectFrom('facilities').selectAll('facilities');
  if (!scope.superAdmin) {
    query = query.innerJoin('memberships', 'memberships.facility_id', 'facilities.id').where('memberships.user_id', '=', scope.userId);
  }
  return query.orderBy('facilities.name').orderBy('facilities.id').execute();
}

/** The facility if the caller may administer it: their active one, or any for a super admin. */
export async function findFacility(db: Executor, scope: Scope, id: string): Promise<Selectable<FacilityTable>> {
  if (!scope.superAdmin && id !== scope.facilityId) throw notFound('Facility');
  const row = await db.selectFrom('facilities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Facility');
  return row;
}

export async function facilityCodeTaken(db: Executor, code: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('facilities').select('id').where('code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return Boolean(await query.executeTakeFirst());
}

export async function existingFacilityIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('facilities').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
