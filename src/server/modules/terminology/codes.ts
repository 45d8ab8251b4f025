// Catalogue codes as people type them, in the one form stored.

const ICD10 = /^([A-Z][0-9][0-9A-Z])\.?([0-9A-Z]{1,4})?$/;

/**
 * An ICD-10 code in its dotted upper-case form (b509 → B50.9, "o80" → O80), or null when the text
 * cannot be one. ICD-10-CM's order file writes codes without the dot; the catalogue keeps it.
 */
export function normaliseIcd10Code(input: string): string | null {
  const m = ICD10.exec(input.trim().toUpperCase());
  if (!m) return null;
  return m[2] ? `${m[1]}.${m[2]}` : m[1]!;
}

const LOINC = /^\d{1,7}-\d$/;

/** A LOINC code as written (718-7), or null. The check digit is not verified: LOINC codes are looked up, not computed. */
export function normaliseLoincCode(input: string): string | null {
  const code = input.trim();
  return LOINC.test(code) ? code : null;
}

/** Formulary codes are lower-case slugs (amoxicillin-cap-500mg). */
export function normaliseMedicationCode(input: string): string | null {
  const code = input.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9-]{0,59}$/.test(code) ? code : null;
}
