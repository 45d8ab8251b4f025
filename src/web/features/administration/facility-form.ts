// The facility form's rules, the server's (server/modules/facilities/facilities.schemas.ts): a
// short upper-case code, a name, a type, a state, a time zone the browser knows, 1–120 minutes.

// The server's list (its schemas module brings TypeBox, too heavy for the browser); facility-form.test.ts keeps them equal.
export const FACILITY_TYPES = ['hospital', 'clinic', 'health_center', 'pharmacy', 'laboratory'] as const;
export interface FacilityFormValues { name: string; code: string; type: string; state: string; locality: string; timeZone: string; lockAfterMinutes: number | string }
export type FacilityRule = 'nameRequired' | 'tooLong' | 'codeInvalid' | 'typeRequired' | 'stateRequired' | 'timeZoneInvalid' | 'lockRange';

export const CODE = /^[A-Z0-9]{2,16}$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function facilityProblems(v: FacilityFormValues): Partial<Record<keyof FacilityFormValues, FacilityRule>> {
  const out: Partial<Record<keyof FacilityFormValues, FacilityRule>> = {};
  if (!v.name.trim()) out.name = 'nameRequired';
  else if (v.name.length > 200) out.name = 'tooLong';
  if (!CODE.test(v.code)) out.code = 'codeInvalid';
  if (!v.type) out.type = 'typeRequired';
  if (!v.state) out.state = 'stateRequired';
  if (v.locality.length > 100) out.locality = 'tooLong';
  if (!v.timeZone.trim() || !isTimeZone(v.timeZone.trim())) out.timeZone = 'timeZoneInvalid';
  const lock = Number(v.lockAfterMinutes);
  if (!Number.isInteger(lock) || lock < 1 || lock > 120) out.lockAfterMinutes = 'lockRange';
  return out;
}
