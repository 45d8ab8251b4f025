// What a side-by-side comparison shows, row by row, for a record and for what was typed in the
// form: a key to compare (spelling and formatting aside) and the raw parts to display. Pure.
import { normaliseArabic, normaliseLatin, normaliseNationalId, normalisePhone } from '../../../server/modules/patients/text/index.ts';
import type { Patient } from '../../api/types.ts';
import { arabicName, latinName } from './names.ts';
import type { PatientFormValues } from './patient-form.ts';

export const COMPARE_ROWS = ['nameAr', 'nameLatin', 'sex', 'birth', 'phone', 'nationalId', 'state', 'locality'] as const;
export type CompareRow = (typeof COMPARE_ROWS)[number];

/** A row's content: what to show, and what to compare it by (null: nothing to compare). */
export interface Side {
  nameAr: string; nameLatin: string; sex: string;
  birth: { dateOfBirth: string | null; birthYear: number; birthDateEstimated: boolean } | null;
  phone: string; nationalId: string; state: string; locality: string;
}

export function sideOfRecord(p: Patient): Side {
  return {
    nameAr: arabicName(p), nameLatin: latinName(p), sex: p.sex,
    birth: { dateOfBirth: p.dateOfBirth, birthYear: p.birthYear, birthDateEstimated: p.birthDateEstimated },
    phone: p.phone ?? '', nationalId: p.nationalId ?? '', state: p.address?.state ?? '', locality: p.address?.locality ?? '',
  };
}

export function sideOfForm(v: PatientFormValues): Side {
  const year = Number(v.birthYear.trim());
  return {
    nameAr: arabicName(v), nameLatin: latinName(v), sex: v.sex,
    birth: v.birthKnown === 'date'
      ? (v.dateOfBirth ? { dateOfBirth: v.dateOfBirth, birthYear: Number(v.dateOfBirth.slice(0, 4)), birthDateEstimated: false } : null)
      : (Number.isInteger(year) && year > 0 ? { dateOfBirth: null, birthYear: year, birthDateEstimated: true } : null),
    phone: v.phone.trim(), nationalId: v.nationalId.trim(), state: v.address.state, locality: v.address.locality.trim(),
  };
}

export function compareKey(side: Side, row: CompareRow): string | null {
  const key = (() => {
    switch (row) {
      case 'nameAr': return normaliseArabic(side.nameAr);
      case 'nameLatin': return normaliseLatin(side.nameLatin);
      case 'sex': return side.sex === 'unknown' ? '' : side.sex;
      // An estimate matches on the year only, as the duplicate check does.
      case 'birth': return side.birth ? (side.birth.dateOfBirth && !side.birth.birthDateEstimated ? side.birth.dateOfBirth : `~${side.birth.birthYear}`) : '';
      case 'phone': return side.phone ? normalisePhone(side.phone) ?? side.phone : '';
      case 'nationalId': return side.nationalId ? normaliseNationalId(side.nationalId) ?? side.nationalId : '';
      case 'state': return side.state;
      case 'locality': return normaliseLatin(side.locality) || normaliseArabic(side.locality);
    }
  })();
  return key ? key : null;
}

/** The rows where every side has the same value (an empty value matches nothing). */
export function sameRows(sides: readonly Side[]): Set<CompareRow> {
  const same = new Set<CompareRow>();
  for (const row of COMPARE_ROWS) {
    const keys = sides.map((s) => compareKey(s, row));
    if (keys[0] !== null && keys.every((k) => k === keys[0])) same.add(row);
  }
  return same;
}
