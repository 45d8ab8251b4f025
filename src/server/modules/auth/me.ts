// GET /auth/me: the signed-in user as the web app needs them — each facility with what the role may
// do there, its time zone and screen-lock delay — and their language and digit preferences.
import { ROLE_PERMISSIONS, isRole } from '../../platform/access/roles.ts';
import type { MeResponseT } from './auth.schemas.ts';
import { userView, type Executor } from './users.repository.ts';

export async function meView(k: Executor, userId: string): Promise<MeResponseT> {
  const [view, prefs, facilities] = await Promise.all([
    userView(k, userId),
    k.selectFrom('users').select(['preferred_language', 'number_digits']).where('id', '=', userId).executeTakeFirstOrThrow(),
    k.selectFrom('memberships as m').innerJoin('facilities as f', 'f.id', 'm.facility_id')
      .select(['f.id', 'f.time_zone', 'f.lock_after_minutes']).where('m.user_id', '=', userId).execute(),
  ]);
  const byId = new Map(facilities.map((f) => [f.id, f]));
  return {
    ...view,
    memberships: view.memberships.map((m) => ({
      ...m,
      permissions: isRole(m.role) ? [...ROLE_PERMISSIONS[m.role]] : [],
      timeZone: byId.get(m.facilityId)!.time_zone,
      lockAfterMinutes: Number(byId.get(m.facilityId)!.lock_after_minutes),
    })),
    preferredLanguage: prefs.preferred_language === 'en' || prefs.preferred_language === 'ar' ? prefs.preferred_language : null,
    digits: prefs.number_digits === 'latn' || prefs.number_digits === 'arab' ? prefs.number_digits : null,
  };
}
