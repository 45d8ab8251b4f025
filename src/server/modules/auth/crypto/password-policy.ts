import { readFileSync } from 'node:fs';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// Parts of an email or name shorter than these are too common inside ordinary
// words to forbid.
const MIN_EMAIL_PART = 3;
const MIN_NAME_PART = 4;

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

function emailParts(email: string): string[] {
  const at = email.lastIndexOf('@');
  const local = (at === -1 ? email : email.slice(0, at)).toLowerCase();
  // "ahmed+clinic@…" delivers to "ahmed@…", so the part before "+" counts too.
  const base = local.split('+')[0] ?? '';
  return [...new Set([local, base])].filter((p) => codePoints(p) >= MIN_EMAIL_PART);
}

function nameParts(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s\p{P}]+/u)
    .filter((p) => codePoints(p) >= MIN_NAME_PART);
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
  if (user.name && nameParts(user.name).some((p) => lower.includes(p))) {
    problems.push('Password must not contain your name.');
  }
  return problems;
}
