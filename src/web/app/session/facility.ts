// Which facility the user acts in: their only one, or the one they picked last on this computer
// (a facility id is no patient data), or none yet — then the app asks.
export interface HasMemberships { id: string; memberships: { facilityId: string }[] }

const KEY = 'nilecare.facility';

export function chosenFacility(me: HasMemberships, stored: string | null): string | null {
  if (me.memberships.length === 1) return me.memberships[0]!.facilityId;
  const [userId, facilityId] = (stored ?? '').split(':');
  if (userId === me.id && me.memberships.some((m) => m.facilityId === facilityId)) return facilityId!;
  return null;
}

export function readStoredFacility(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeFacility(userId: string, facilityId: string): void {
  try {
    localStorage.setItem(KEY, `${userId}:${facilityId}`);
  } catch {
    // Storage disabled: the user picks again next time.
  }
}
