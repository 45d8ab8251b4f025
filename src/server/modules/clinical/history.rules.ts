// Limits of allergy and problem records, shared by the API's schemas and the screens' forms so
// that a form says while typing what the server would refuse.

export const SUBSTANCE_MAX = 200;
export const REACTION_MAX = 500;
export const DESCRIPTION_MAX = 500;
export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
/** A problem's onset: a year, a month or a day (YYYY, YYYY-MM, YYYY-MM-DD). */
export const ONSET_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
