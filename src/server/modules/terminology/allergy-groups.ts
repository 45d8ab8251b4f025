// Allergy classes of the formulary: an allergy recorded as a class (an allergy to penicillins)
// is an allergy to every medicine of the class. A medicine lists its classes in the catalogue;
// beta_lactams is the wider class that also holds cephalosporins and carbapenems, for a patient
// whose allergy is recorded that broadly.
//
// Allergies are mostly recorded as said ("Penicillin", "PENICILLINS", "بنسلين", "sulfa drugs"), so a
// free-text allergen is matched against each class's id, labels and a few common other names, and
// against medicine names, after the folding the catalogue search uses (case, accents, Arabic
// letter variants and article), plurals made singular and words like "allergy" dropped.
import { foldWords } from './search-keys.ts';

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

// Other names people record a class under, beyond its id and labels.
const ALSO_CALLED: Partial<Record<keyof typeof ALLERGY_GROUPS, string[]>> = {
  sulfonamides: ['sulfa', 'sulpha', 'sulfa drugs', 'سلفا'],
  nsaids: ['non-steroidal anti-inflammatory drugs', 'مضادات الالتهاب'],
  iodinated_contrast: ['iodine', 'contrast', 'contrast media', 'يود'],
};

export type AllergyGroup = keyof typeof ALLERGY_GROUPS;

export function isAllergyGroup(value: string): value is AllergyGroup {
  return Object.hasOwn(ALLERGY_GROUPS, value);
}

/** The classes of a medicine, parsed from the catalogue column. */
export function parseAllergyGroups(column: string): AllergyGroup[] {
  return column.split(',').map((g) => g.trim()).filter(isAllergyGroup);
}

// Words that say "allergy" or "drug" rather than what to: "Penicillin allergy", "حساسية من البنسلين".
const FILLER_WORDS = ['allergy', 'allergic', 'to', 'drug', 'antibiotic', 'medicine', 'medication', 'class', 'حساسية', 'من', 'ضد', 'دواء', 'أدوية'];

/** Plural to singular, the same on both sides of a comparison: penicillins → penicillin, البنسلينات → بنسلين. */
function singular(word: string): string {
  if (/^[a-z]/.test(word)) return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  return word.length > 4 && word.endsWith('ات') ? word.slice(0, -2) : word;
}

const FILLER: ReadonlySet<string> = new Set(FILLER_WORDS.flatMap(foldWords).map(singular));
const phraseWords = (text: string) => foldWords(text).map(singular).filter((w) => !FILLER.has(w));

// Each class under every phrase that names it: its id, its labels (the English one also without
// its parenthesis, a note such as "(incl. aspirin)"), and its other names.
const GROUPS_BY_PHRASE: ReadonlyMap<string, AllergyGroup> = new Map(
  (Object.entries(ALLERGY_GROUPS) as [AllergyGroup, { en: string; ar: string }][]).flatMap(([id, label]) =>
    [id.replace(/_/g, ' '), label.en, label.en.replace(/\s*\([^)]*\)/g, ''), label.ar, ...(ALSO_CALLED[id] ?? [])].map((name) => [phraseWords(name).join(' '), id] as const)),
);

/** The class a recorded allergen names — its id, English or Arabic label, or another common name — if any. */
export function allergenGroup(allergen: string): AllergyGroup | undefined {
  const raw = allergen.trim().toLowerCase();
  return isAllergyGroup(raw) ? raw : GROUPS_BY_PHRASE.get(phraseWords(allergen).join(' '));
}

/** What a medicine could be allergic under: its classes. The clinical module compares these with a patient's recorded allergies. */
export function allergyGroupsOf(medication: { allergyGroups: readonly AllergyGroup[] }): readonly AllergyGroup[] {
  return medication.allergyGroups;
}

const containsRun = (words: string[], run: string[]) => words.some((_, i) => run.every((w, j) => words[i + j] === w));

/**
 * Whether an allergy recorded as `allergen` (a class id, a formulary code, a class's name in
 * English or Arabic, or a substance name) covers this medicine: the class is one of the
 * medicine's, the code is the medicine's, or the name is (words of) the medicine's English name
 * — an allergy to "amoxicillin" covers "Amoxicillin + clavulanic acid" — or the start of its
 * Arabic one (the rest of an Arabic name can be the form: أمبيسيلين حقن).
 */
export function allergyCovers(medication: { code: string; name: string; nameAr?: string | null; allergyGroups: readonly AllergyGroup[] }, allergen: string): boolean {
  if (!allergen.trim()) return false;
  if (medication.code === allergen.trim().toLowerCase()) return true;
  const group = allergenGroup(allergen);
  if (group && medication.allergyGroups.includes(group)) return true;
  const words = phraseWords(allergen);
  if (!words.length) return false;
  if (containsRun(phraseWords(medication.name), words)) return true;
  const ar = medication.nameAr ? phraseWords(medication.nameAr) : [];
  return words.every((w, i) => ar[i] === w);
}
