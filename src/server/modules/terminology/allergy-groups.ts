// Allergy classes of the formulary: an allergy recorded as a class (an allergy to penicillins)
// is an allergy to every medicine of the class. A medicine lists its classes in the catalogue;
// beta_lactams is the wider class that also holds cephalosporins and carbapenems, for a patient
// whose allergy is recorded that broadly.

export const ALLERGY_GROUPS = {
  penicillins: { en: 'Penicillins', ar: 'البنسلينات' },
  cephalosporins: { en: 'Cephalosporins', ar: 'السيفالوسبورينات' },
  carbapenems: { en: 'Carbapenems', ar: 'الكاربابينيمات' },
  beta_lactams: { en: 'Beta-lactam antibiotics', ar: 'مضادات بيتا لاكتام' },
  sulfonamides: { en: 'Sulfonamides (sulfa drugs)', ar: 'السلفوناميدات' },
  macrolides: { en: 'Macrolides', ar: 'الماكروليدات' },
  fluoroquinolones: { en: 'Fluoroquinolones', ar: 'الفلوروكينولونات' },
  aminoglycosides: { en: 'Aminoglycosides', ar: 'الأمينوغليكوزيدات' },
  tetracyclines: { en: 'Tetracyclines', ar: 'التتراسيكلينات' },
  nitroimidazoles: { en: 'Nitroimidazoles', ar: 'النيتروإيميدازولات' },
  nsaids: { en: 'NSAIDs (incl. aspirin)', ar: 'مضادات الالتهاب غير الستيرويدية' },
  opioids: { en: 'Opioids', ar: 'الأفيونات' },
  artemisinins: { en: 'Artemisinin derivatives', ar: 'مشتقات الأرتيميسينين' },
  quinolines: { en: 'Quinine and quinolines', ar: 'الكينين ومشتقاته' },
  anticonvulsants_aromatic: { en: 'Aromatic anticonvulsants (carbamazepine, phenytoin, phenobarbital)', ar: 'مضادات الاختلاج العطرية' },
  iodinated_contrast: { en: 'Iodine and iodinated contrast', ar: 'اليود وصبغات الأشعة اليودية' },
} as const;

export type AllergyGroup = keyof typeof ALLERGY_GROUPS;

export function isAllergyGroup(value: string): value is AllergyGroup {
  return Object.hasOwn(ALLERGY_GROUPS, value);
}

/** The classes of a medicine, parsed from the catalogue column. */
export function parseAllergyGroups(column: string): AllergyGroup[] {
  return column.split(',').map((g) => g.trim()).filter(isAllergyGroup);
}

/** What a medicine could be allergic under: its classes. The clinical module compares these with a patient's recorded allergies. */
export function allergyGroupsOf(medication: { allergyGroups: readonly AllergyGroup[] }): readonly AllergyGroup[] {
  return medication.allergyGroups;
}

/**
 * Whether an allergy recorded as `allergen` (a class id, a formulary code, or a substance name)
 * covers this medicine: the class is one of the medicine's, the code is the medicine's, or the
 * name is the medicine's name or the first word of it (an allergy to "amoxicillin" covers
 * "Amoxicillin + clavulanic acid").
 */
export function allergyCovers(medication: { code: string; name: string; allergyGroups: readonly AllergyGroup[] }, allergen: string): boolean {
  const a = allergen.trim().toLowerCase();
  if (!a) return false;
  if ((medication.allergyGroups as readonly string[]).includes(a) || medication.code === a) return true;
  const name = medication.name.toLowerCase();
  return name === a || name.split(/[\s+/(,]+/).includes(a);
}
