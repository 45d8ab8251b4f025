// The staff form's rules, the same as the server's (server/modules/facilities/users.schemas.ts and
// the password policy in server/modules/auth/crypto/password-policy.ts, whose list of common
// passwords stays on the server: it answers on the password field). Errors are codes; the form
// words them (administration:rules.<code>). Pure (rules.test.ts).
import { ROLES, type Role } from '../../../server/platform/access/roles.ts';

export type StaffRule = 'nameRequired' | 'tooLong' | 'emailRequired' | 'emailInvalid' | 'phoneInvalid' | 'roleRequired';

export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 12;
const PHONE = /^\+?[0-9]{7,15}$/;
// The shape the server's `format: email` accepts: something@domain.tld, no spaces.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export interface StaffFormValues { name: string; email: string; phone: string; role: string }
export type StaffProblems = Partial<Record<keyof StaffFormValues, StaffRule>>;

/**
 * `typing` reports only what typing more cannot fix (a space in an email, a letter in a phone
 * number, too long); `complete` everything, for leaving a field and saving.
 */
export function staffProblems(v: StaffFormValues, mode: 'typing' | 'complete'): StaffProblems {
  const out: StaffProblems = {};
  if (v.name.length > NAME_MAX) out.name = 'tooLong';
  if (v.email.length > EMAIL_MAX) out.email = 'tooLong';
  else if (/\s/.test(v.email.trim()) || (v.email.match(/@/g)?.length ?? 0) > 1) out.email = 'emailInvalid';
  const phone = compactPhone(v.phone);
  if (!/^\+?[0-9]*$/.test(phone) || phone.replace('+', '').length > 15) out.phone = 'phoneInvalid';
  if (mode === 'typing') return out;
  if (!/\S/.test(v.name)) out.name ??= 'nameRequired';
  if (!v.email.trim()) out.email ??= 'emailRequired';
  else if (!EMAIL.test(v.email.trim())) out.email ??= 'emailInvalid';
  if (phone !== '' && !PHONE.test(phone)) out.phone ??= 'phoneInvalid';
  if (!v.role) out.role = 'roleRequired';
  return out;
}

export const compactPhone = (value: string) => value.replace(/[\s-]/g, '');

/**
 * The roles this administrator may give. Only a super admin grants super_admin (the server
 * refuses it to anyone else with a 403); the list follows ROLES' order, highest first.
 */
export function grantableRoles(callerRole: string): Role[] {
  return callerRole === 'super_admin' ? [...ROLES] : ROLES.filter((r) => r !== 'super_admin');
}

/**
 * Roles in an MFA policy that this administrator may switch on or off: a facility administrator
 * none above their own (super_admin's hold reaches every facility; only a super admin changes it).
 */
export const mfaRolesEditableBy = grantableRoles;

// No 0/O, 1/l/I: the person types it from a slip of paper or a phone call.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A temporary password made in the browser: four groups of four (about 94 random bits), easy to read
 * out, and passing the server's policy for this person (it must not contain their name or mailbox).
 */
export function temporaryPassword(person: { name: string; email: string }, random: (n: number) => Uint8Array = randomBytes): string {
  for (;;) {
    const bytes = random(64);
    const chars = [...bytes].filter((b) => b < ALPHABET.length * 4).map((b) => ALPHABET[b % ALPHABET.length]!).slice(0, 16);
    if (chars.length < 16) continue;
    const candidate = [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
    if (!containsPersonal(candidate, person)) return candidate;
  }
}

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** The server's check: no word of four letters or more from the name or the mailbox part of the email. */
export function containsPersonal(password: string, person: { name: string; email: string }): boolean {
  const lower = password.toLowerCase();
  const mailbox = person.email.toLowerCase().split('@')[0] ?? '';
  const parts = [...person.name.toLowerCase().split(/[^\p{L}\p{M}]+/u), ...mailbox.split(/[^\p{L}\p{M}]+/u), mailbox.split('+')[0] ?? '']
    .filter((p) => [...p].length >= 4);
  return parts.some((p) => lower.includes(p));
}
