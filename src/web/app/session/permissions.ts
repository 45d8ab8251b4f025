// What the user's role may do in the active facility (from /auth/me). Only for showing or hiding
// buttons: the server checks every request again.
import { useSignedIn } from './SessionProvider.tsx';
import type { Permission } from '../../api/types.ts';

export function useCan(permission: Permission): boolean {
  return useSignedIn().facility.permissions.includes(permission);
}
