// Sudan's 18 states, as constituted since Central and East Darfur were created
// (2012) and West Kordofan restored (2013). Codes are stable lowercase slugs:
// they are what the database stores and the API enum accepts, so display
// names can be corrected without a data migration.

export const SUDAN_STATE_CODES = Object.freeze([
  'khartoum',
  'gezira',
  'white_nile',
  'blue_nile',
  'sennar',
  'river_nile',
  'northern',
  'red_sea',
  'kassala',
  'gedaref',
  'north_kordofan',
  'south_kordofan',
  'west_kordofan',
  'north_darfur',
  'south_darfur',
  'east_darfur',
  'west_darfur',
  'central_darfur',
] as const);

export type SudanStateCode = (typeof SUDAN_STATE_CODES)[number];

export interface SudanState {
  readonly code: SudanStateCode;
  readonly en: string;
  readonly ar: string;
}

// A Record keyed by the code union makes the compiler reject a missing or
// extra state, so the two lists cannot drift apart.
const NAMES: Record<SudanStateCode, { en: string; ar: string }> = {
  khartoum: { en: 'Khartoum', ar: 'الخرطوم' },
  gezira: { en: 'Gezira', ar: 'الجزيرة' },
  white_nile: { en: 'White Nile', ar: 'النيل الأبيض' },
  blue_nile: { en: 'Blue Nile', ar: 'النيل الأزرق' },
  sennar: { en: 'Sennar', ar: 'سنار' },
  river_nile: { en: 'River Nile', ar: 'نهر النيل' },
  northern: { en: 'Northern', ar: 'الشمالية' },
  red_sea: { en: 'Red Sea', ar: 'البحر الأحمر' },
  kassala: { en: 'Kassala', ar: 'كسلا' },
  gedaref: { en: 'Gedaref', ar: 'القضارف' },
  north_kordofan: { en: 'North Kordofan', ar: 'شمال كردفان' },
  south_kordofan: { en: 'South Kordofan', ar: 'جنوب كردفان' },
  west_kordofan: { en: 'West Kordofan', ar: 'غرب كردفان' },
  north_darfur: { en: 'North Darfur', ar: 'شمال دارفور' },
  south_darfur: { en: 'South Darfur', ar: 'جنوب دارفور' },
  east_darfur: { en: 'East Darfur', ar: 'شرق دارفور' },
  west_darfur: { en: 'West Darfur', ar: 'غرب دارفور' },
  central_darfur: { en: 'Central Darfur', ar: 'وسط دارفور' },
};

export const SUDAN_STATES: readonly SudanState[] = Object.freeze(
  SUDAN_STATE_CODES.map((code) => Object.freeze({ code, ...NAMES[code] })),
);

const CODE_SET: ReadonlySet<string> = new Set(SUDAN_STATE_CODES);

export function isSudanState(code: unknown): code is SudanStateCode {
  return typeof code === 'string' && CODE_SET.has(code);
}
