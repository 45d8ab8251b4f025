import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// Shorter parts of an email or name are too common inside ordinary words to forbid: "rec" of
// rec@clinic.test is in "Correct", "ali" in "Alpha".
const MIN_PART = 4;

let common: Set<string> | undefined;

/** The common-password list, read on first use (about 49,000 entries). */
export function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    common = new Set(text.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#')));
  }
  return common;
}

function codePoints(s: string): number {
  return [...s].length;
}

/** Words of a text: runs of letters (any script), at least MIN_PART long; digits and punctuation split. */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{M}]+/u).filter((w) => codePoints(w) >= MIN_PART);
}

/** A text whole, as typed and run together ("mo.ali", "moali"), and its words. */
function parts(text: string): string[] {
  const whole = text.trim().toLowerCase();
  const together = whole.replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
  return [...new Set([whole, together, ...words(whole)])].filter((p) => codePoints(p) >= MIN_PART);
}

/** The mailbox name (the part before @) and what it delivers to (before +), not the shared domain. */
function emailParts(email: string): string[] {
  const at = email.lastIndexOf('@');
  const local = at === -1 ? email : email.slice(0, at);
  // "ahmed+clinic@…" delivers to "ahmed@…", so the part before "+" counts too.
  return [...new Set([...parts(local), ...parts(local.split('+')[0] ?? '')])];
}

/** Human-readable problems with a new password; an empty list means it is acceptable. */
export function checkPassword(password: string, user: { email: string; name?: string }): string[] {
  const problems: string[] = [];
  const length = codePoints(password);
  if (length < PASSWORD_MIN) problems.push(`Password must be at least ${PASSWORD_MIN} characters long.`);
  if (length > PASSWORD_MAX) problems.push(`Password must be at most ${PASSWORD_MAX} characters long.`);

  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    problems.push('Password is one of the most commonly used passwords; choose something less predictable.');
  }
  if (emailParts(user.email).some((p) => lower.includes(p))) {
    problems.push('Password must not contain your email address.');
  }
  if (user.name && parts(user.name).some((p) => lower.includes(p))) {
    problems.push('Password must not contain your name.');
  }
  return problems;
}

/**
 * A random password for someone to sign in with once and then replace: 16 characters (96 random
 * bits) that also pass the policy for this user, so the change screen is the first thing they see.
 */
export function temporaryPassword(user: { email: string; name?: string }): string {
  for (;;) {
    const candidate = randomBytes(12).toString('base64url');
    if (checkPassword(candidate, user).length === 0) return candidate;
  }
}
