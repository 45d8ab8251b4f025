// Realistic demo patients: Sudanese four-part names in both scripts, states, Sudanese mobile
// numbers, birth dates. A seeded generator makes the same data for the same seed.
import type { PatientInput } from '../../modules/patients/patients.schemas.ts';
import { SUDAN_STATES } from '../../modules/patients/text/sudan.ts';
import { MALE_NAMES, FEMALE_NAMES, FAMILY_NAMES } from './demo-names.ts';

/** mulberry32: small, fast, good enough for demo data, and repeatable. */
export function randomGenerator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MOBILE_PREFIXES = ['91', '92', '96', '99', '11', '12', '90', '95'];

export function demoPatient(random: () => number, index: number): PatientInput {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const female = random() < 0.5;
  const [first, firstAr] = pick(female ? FEMALE_NAMES : MALE_NAMES);
  const [father, fatherAr] = pick(MALE_NAMES);
  const [grandfather, grandfatherAr] = pick(MALE_NAMES);
  const [family, familyAr] = pick(FAMILY_NAMES);
  const year = 1940 + Math.floor(random() * 84);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const state = pick(SUDAN_STATES);
  const estimated = random() < 0.05;
  return {
    firstName: first, fatherName: father, grandfatherName: grandfather, lastName: family,
    firstNameAr: firstAr, fatherNameAr: fatherAr, grandfatherNameAr: grandfatherAr, lastNameAr: familyAr,
    sex: female ? 'female' : 'male',
    ...(estimated ? { birthYear: year, birthDateEstimated: true } : { dateOfBirth: `${year}-${pad(month)}-${pad(day)}` }),
    // Unique per index so the demo data has no accidental duplicates by phone.
    phone: `0${pick(MOBILE_PREFIXES)}${String(index % 10_000_000).padStart(7, '0')}`,
    address: { state: state.code, locality: state.en },
    // Seven in ten carry a national number (encrypted at rest, so backups and key rotation are
    // measured on realistic data); chosen by index so the random sequence stays as it was.
    ...(index % 10 < 7 ? { nationalId: `1${String(index % 10_000_000_000).padStart(10, '0')}` } : {}),
    preferredLanguage: random() < 0.85 ? 'ar' : 'en',
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
