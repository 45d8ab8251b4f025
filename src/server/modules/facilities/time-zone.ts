// Time zones are checked against the runtime's own IANA data (Intl), the same data that later
// turns the facility's local times into UTC, so a zone accepted here always works there.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The canonical spelling of an IANA time zone name, or null if it is not one. */
export function canonicalTimeZone(name: string): string | null {
  // Offsets such as "+03:00" are valid for Intl but drift from local law; a named zone follows it.
  if (!IANA_NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
