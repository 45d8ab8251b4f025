// What catalogue search costs once a site has loaded a full ICD-10-CM release (~74,000 billable
// codes), and how long the import takes.
//   node bench/terminology.ts --db sqlite|postgres|mysql [--codes 74000] [--rounds 30] [--search-only]
// The release itself is not shipped, so this writes a synthetic order file of the same size and
// format (codes A00.00–Z99.99 with 4–14-word titles drawn from a medical vocabulary, common words
// far more often than rare ones) into a dedicated `nilecare_terminology_bench` database, imports
// it with the real importer (and refreshes planner statistics, as the CLI does), then times each query (median of --rounds) next to the baseline of
// the same session: looking one code up by its primary key (findIcd10).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase } from '../src/server/db/connect.ts';
import { migrateUp } from '../src/server/db/migrate.ts';
import { refreshStatistics } from '../src/server/db/statistics.ts';
import { findIcd10, importIcd10 } from '../src/server/modules/terminology/index.ts';
import { searchCatalogue } from '../src/server/modules/terminology/search.ts';
import { benchEnv } from './lib/env.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'sqlite' }, codes: { type: 'string', default: '74000' }, rounds: { type: 'string', default: '30' }, 'search-only': { type: 'boolean', default: false } } });
const client = values.db as 'sqlite' | 'postgres' | 'mysql';
const env = await benchEnv(client, 'nilecare_terminology_bench');
const db = connectDatabase(parseConfig({ ...process.env, ...env, LOG_LEVEL: 'warn' }).db);
await migrateUp(db);

const COMMON = ['unspecified', 'fracture', 'right', 'left', 'initial', 'encounter', 'subsequent', 'injury', 'disorder', 'chronic', 'acute', 'open', 'closed', 'displaced', 'malignant', 'neoplasm'];
const RARE = ['falciparum', 'schistosomiasis', 'leishmaniasis', 'typhoid', 'mycetoma', 'kwashiorkor', 'eclampsia', 'brucellosis', 'trachoma', 'onchocerciasis'];
const OTHER = Array.from({ length: 3000 }, (_, i) => `term${i.toString(36)}`);
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
function title(): string {
  const words = Array.from({ length: 4 + Math.floor(rand() * 11) }, () => (rand() < 0.5 ? pick(COMMON) : rand() < 0.01 ? pick(RARE) : pick(OTHER)));
  return words.join(' ').slice(0, 200);
}

const file = path.join(os.tmpdir(), 'icd10cm_order_2099.txt');
const total = Number(values.codes);
const lines: string[] = [];
for (let i = 0; i < total; i++) {
  const letter = String.fromCharCode(65 + (i % 26));
  const n = Math.floor(i / 26);
  const code = `${letter}${String(n % 100).padStart(2, '0')}${String(Math.floor(n / 100) % 100).padStart(2, '0')}${Math.floor(n / 10000)}`;
  const long = title();
  lines.push(`${String(i + 1).padStart(5, '0').slice(-5)} ${code.padEnd(7)} 1 ${long.slice(0, 60).padEnd(60)} ${long}`);
}
fs.writeFileSync(file, `${lines.join('\n')}\n`);

let importLine = 'Import: not run (--search-only).';
let written = 0;
if (!values['search-only']) {
  let started = performance.now();
  const result = await importIcd10(db.kysely, client, file, { batchSize: 1000 });
  const importSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const again = await importIcd10(db.kysely, client, file, { batchSize: 1000 });
  const reimportSeconds = (performance.now() - started) / 1000;
  written = result.written;
  importLine = `Import: ${importSeconds.toFixed(1)} s (${Math.round(result.written / importSeconds)} codes/s); again (all updates): ${reimportSeconds.toFixed(1)} s, ${again.written} codes.`;
}
await refreshStatistics(db, ['terminology_icd10', 'terminology_search_keys']); // as the CLI does
const facility = await db.kysely.selectFrom('facilities').select('id').executeTakeFirst();
const facilityId = facility?.id ?? '00000000-0000-7000-8000-000000000000';

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < Number(values.rounds); i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const baseline = await median(() => findIcd10(db.kysely, facilityId, 'B50.9'));
console.log(`#### ${client}, ${written} imported now, ${(await db.kysely.selectFrom('terminology_icd10').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n} in the catalogue, ${new Date().toISOString().slice(0, 16)}Z\n`);
console.log(`${importLine}\n`);
console.log('| query (limit 20) | rows | median ms | × baseline (look-up by code) |\n|---|--:|--:|--:|');
console.log(`| findIcd10('B50.9') — baseline | 1 | ${baseline.toFixed(2)} | 1.0 |`);
for (const q of ['malaria', 'falciparum', 'unspecified', 'fracture right initial', 'u', 'term1 unspecified', 'B50', 'A01.0', 'ملاريا', 'zzzz']) {
  const page = await searchCatalogue(db.kysely, facilityId, 'icd10', { q, limit: 20 });
  const ms = await median(() => searchCatalogue(db.kysely, facilityId, 'icd10', { q, limit: 20 }));
  console.log(`| \`${q}\` | ${page.rows.length} | ${ms.toFixed(2)} | ${(ms / baseline).toFixed(1)} |`);
}
await db.destroy();
fs.rmSync(file);
