// The catalogues shipped with the project, read from the data files beside this module (their
// sources are in docs/terminology.md) and written into the catalogue tables by a migration.
import fs from 'node:fs';
import path from 'node:path';
import type { DbClient } from '../../config.ts';
import type { MigrationDb } from '../../db/migrations/helpers.ts';
import { nowIso } from '../../platform/ids.ts';
import { upsertEntries, type Icd10Row, type LabTestRow, type MedicationRow } from './catalogue-store.ts';
import { normaliseIcd10Code, normaliseLoincCode, normaliseMedicationCode } from './codes.ts';
import { isAllergyGroup } from './allergy-groups.ts';

const DATA = path.join(import.meta.dirname, 'data');
export const SHIPPED_SOURCE = 'curated';

/** Rows of a tab-separated file with a header line, as records by column name. */
function readTsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(path.join(DATA, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const columns = header!.split('\t');
  return lines.map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== columns.length) throw new Error(`${file} line ${i + 2}: ${cells.length} cells, expected ${columns.length}`);
    return Object.fromEntries(columns.map((c, j) => [c, cells[j]!.trim()]));
  });
}

function checked(file: string, code: string, normalised: string | null): string {
  if (normalised !== code) throw new Error(`${file}: "${code}" is not a code in its normal form`);
  return code;
}

export function shippedIcd10(at = nowIso()): Icd10Row[] {
  return readTsv('icd10.tsv').map((r) => ({
    code: checked('icd10.tsv', r.code!, normaliseIcd10Code(r.code!)), title_en: r.title_en!, title_ar: r.title_ar || null, billable: 1, source: SHIPPED_SOURCE, updated_at: at,
  }));
}

export function shippedMedications(at = nowIso()): MedicationRow[] {
  return readTsv('medications.tsv').map((r) => {
    const groups = r.allergy_groups ? r.allergy_groups.split(',') : [];
    const unknown = groups.filter((g) => !isAllergyGroup(g));
    if (unknown.length) throw new Error(`medications.tsv ${r.code}: unknown allergy group ${unknown.join(', ')}`);
    return {
      code: checked('medications.tsv', r.code!, normaliseMedicationCode(r.code!)), name: r.name!, strength: r.strength!, form: r.form!,
      name_ar: r.name_ar || null, atc: r.atc || null, allergy_groups: groups.join(','), source: SHIPPED_SOURCE, updated_at: at,
    };
  });
}

interface LabTestFile {
  code: string; name: string; nameAr: string; specimen: string; kind: 'numeric' | 'coded'; unit?: string | null;
  low: number | null; high: number | null; femaleLow?: number; femaleHigh?: number; criticalLow: number | null; criticalHigh: number | null;
  answers?: string[]; normalAnswers?: string[];
}

export function shippedLabTests(at = nowIso()): LabTestRow[] {
  const tests = JSON.parse(fs.readFileSync(path.join(DATA, 'lab-tests.json'), 'utf8')) as LabTestFile[];
  return tests.map((t) => ({
    code: checked('lab-tests.json', t.code, normaliseLoincCode(t.code)), name: t.name, name_ar: t.nameAr, specimen: t.specimen, kind: t.kind,
    unit: t.unit ?? null, low: t.low, high: t.high, female_low: t.femaleLow ?? null, female_high: t.femaleHigh ?? null,
    critical_low: t.criticalLow, critical_high: t.criticalHigh,
    answers: t.answers ? t.answers.join('|') : null, normal_answers: t.normalAnswers ? t.normalAnswers.join('|') : null,
    source: SHIPPED_SOURCE, updated_at: at,
  }));
}

/**
 * Writes every shipped entry, updating the ones already there to the shipped text (except the
 * English title of an ICD-10 code imported from a release since). Run by the
 * migrations that bring a database up to the data files of their day; running it again is harmless.
 */
export async function loadShippedCatalogues(db: MigrationDb, client: DbClient): Promise<void> {
  // A code a site has since loaded from an official release keeps that release's English title and
  // flag; it only gains the curated Arabic title.
  const icd10 = shippedIcd10();
  const imported = new Set((await db.selectFrom('terminology_icd10').select('code').where('source', '<>', SHIPPED_SOURCE).execute()).map((r: { code: string }) => r.code));
  await upsertEntries(db, client, 'icd10', icd10.filter((r) => !imported.has(r.code)), ['title_en', 'title_ar', 'billable', 'source', 'updated_at']);
  await upsertEntries(db, client, 'icd10', icd10.filter((r) => imported.has(r.code)), ['title_ar']);
  await upsertEntries(db, client, 'medication', shippedMedications(), ['name', 'strength', 'form', 'name_ar', 'atc', 'allergy_groups', 'source', 'updated_at']);
  await upsertEntries(db, client, 'lab_test', shippedLabTests(), ['name', 'name_ar', 'specimen', 'kind', 'unit', 'low', 'high', 'female_low', 'female_high', 'critical_low', 'critical_high', 'answers', 'normal_answers', 'source', 'updated_at']);
}
