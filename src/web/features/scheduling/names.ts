// The appointment's patient as reception's name display wants it: the API sends the whole name in
// each script the record has, which fills the first part of reception's four-part fields.
import type { NameFields } from '../reception/names.ts';

export interface PatientNames { patientName: string | null; patientNameLatin?: string | null; patientNameArabic?: string | null }

export function nameFields(a: PatientNames): NameFields {
  // An old response without the per-script names still shows something: the name as registered.
  if (!a.patientNameLatin && !a.patientNameArabic) {
    return /[\u0600-\u06FF]/.test(a.patientName ?? '') ? { firstNameAr: a.patientName } : { firstName: a.patientName };
  }
  return { firstName: a.patientNameLatin, firstNameAr: a.patientNameArabic };
}
