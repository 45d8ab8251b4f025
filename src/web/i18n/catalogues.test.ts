// The English and Arabic catalogues are complete and agree, and every key the code uses exists.
// Keys in code are always qualified with their namespace ('auth:signIn.title'), which is what
// makes this check possible; see docs/architecture.md, "The web app".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ERROR_STATUS } from '../../server/platform/errors.ts';
import { PERMISSIONS } from '../../server/platform/access/roles.ts';

const here = import.meta.dirname;
const webRoot = path.join(here, '..');
const LANGUAGES = ['en', 'ar'] as const;
const CORE = ['common', 'auth', 'errors'];
const PLURAL = /_(zero|one|two|few|many|other)$/;
// Brand names and the like, the same in both languages.
const SAME_IN_BOTH = new Set(['common:appName']);

type Catalogue = Record<string, string>;

function flatten(value: unknown, prefix = '', out: Catalogue = {}): Catalogue {
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (v && typeof v === 'object') flatten(v, full, out);
    else out[full] = String(v);
  }
  return out;
}

const namespaces = fs.readdirSync(path.join(here, 'en')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const catalogues = Object.fromEntries(LANGUAGES.map((lang) => [lang, Object.fromEntries(namespaces.map((ns) => {
  const file = path.join(here, lang, `${ns}.json`);
  return [ns, fs.existsSync(file) ? flatten(JSON.parse(fs.readFileSync(file, 'utf8'))) : {}];
}))])) as Record<(typeof LANGUAGES)[number], Record<string, Catalogue>>;

const base = (key: string) => key.replace(PLURAL, '');
const baseKeys = (c: Catalogue) => new Set(Object.keys(c).map(base));
const variables = (text: string) => [...text.matchAll(/\{\{\s*([a-zA-Z]+)/g)].map((m) => m[1]).sort();

test('both languages have the same namespaces and keys', () => {
  assert.deepEqual(fs.readdirSync(path.join(here, 'ar')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort(), namespaces);
  for (const ns of namespaces) {
    const en = [...baseKeys(catalogues.en[ns]!)].sort();
    const ar = [...baseKeys(catalogues.ar[ns]!)].sort();
    assert.deepEqual(ar.filter((k) => !en.includes(k)), [], `${ns}: keys only in Arabic`);
    assert.deepEqual(en.filter((k) => !ar.includes(k)), [], `${ns}: keys missing from Arabic`);
  }
});

test('plural keys have every form the language needs; placeholders match; nothing is left empty or untranslated', () => {
  for (const lang of LANGUAGES) {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const ns of namespaces) {
      const c = catalogues[lang][ns]!;
      for (const key of Object.keys(c).filter((k) => PLURAL.test(k))) {
        for (const category of categories) assert.ok(`${base(key)}_${category}` in c, `${lang}/${ns}: ${base(key)}_${category}`);
      }
      for (const [key, text] of Object.entries(c)) {
        assert.ok(text.trim(), `${lang}/${ns}: ${key} is empty`);
        const other = catalogues[lang === 'en' ? 'ar' : 'en'][ns]!;
        const twin = other[key] ?? other[`${base(key)}_other`];
        if (twin !== undefined && !PLURAL.test(key)) assert.deepEqual(variables(text), variables(twin), `${ns}:${key} placeholders`);
        if (lang === 'ar' && !SAME_IN_BOTH.has(`${ns}:${key}`)) assert.match(text, /[\u0600-\u06FF]/, `ar/${ns}: ${key} is not Arabic: "${text}"`);
      }
    }
  }
});

test('every problem code the server can answer has a message in both languages', () => {
  for (const lang of LANGUAGES) {
    const missing = Object.keys(ERROR_STATUS).filter((code) => !(code in catalogues[lang].errors!));
    assert.deepEqual(missing, [], `${lang}/errors.json`);
  }
});

const sources = fs.globSync('**/*.{ts,tsx}', { cwd: webRoot }).filter((f) => !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
const NS = new RegExp(`['"\`](${namespaces.join('|')}):([A-Za-z0-9_.]+)(\\$\\{)?`, 'g');

test('every key used in the code exists; a dynamic key\'s prefix exists', () => {
  const problems: string[] = [];
  let checked = 0;
  for (const file of sources) {
    const text = fs.readFileSync(path.join(webRoot, file), 'utf8');
    for (const [, ns, key, dynamic] of text.matchAll(NS)) {
      // A permission named like a namespace ('reports:read' in the reports area) is not a catalogue key.
      if (!dynamic && (PERMISSIONS as readonly string[]).includes(`${ns}:${key}`)) continue;
      checked++;
      const keys = baseKeys(catalogues.en[ns!]!);
      const ok = dynamic ? [...keys].some((k) => k.startsWith(key!)) : keys.has(key!);
      if (!ok) problems.push(`${file}: ${ns}:${key}${dynamic ? '${…}' : ''}`);
    }
  }
  assert.ok(checked > 50, `found ${checked} keys: is the pattern still right?`);
  assert.deepEqual(problems, []);
});

test('a component loads every namespace it translates with (core ones are always loaded)', () => {
  const problems: string[] = [];
  for (const file of sources.filter((f) => f.endsWith('.tsx'))) {
    const text = fs.readFileSync(path.join(webRoot, file), 'utf8');
    if (!text.includes('useTranslation(')) continue;
    const declared = new Set([...text.matchAll(/useTranslation\(([^)]*)\)/g)].flatMap((m) => [...m[1]!.matchAll(/'([a-z]+)'/g)].map((n) => n[1]!)));
    const used = new Set([...text.matchAll(/\bt\(\s*['`]([a-z]+):/g)].map((m) => m[1]!));
    for (const ns of used) if (!CORE.includes(ns) && !declared.has(ns)) problems.push(`${file} uses ${ns}: without useTranslation('${ns}')`);
  }
  assert.deepEqual(problems, []);
});

test('no string shown to people is written in a component instead of a catalogue', () => {
  // Words directly inside an element (`<Text>Hello</Text>`) or in a text attribute are a bug.
  const problems: string[] = [];
  for (const file of sources.filter((f) => f.endsWith('.tsx'))) {
    const text = fs.readFileSync(path.join(webRoot, file), 'utf8');
    for (const m of text.matchAll(/<[A-Za-z][\w.]*(?:\s[^<>]*)?>([^<>{}\n]*[A-Za-z\u0600-\u06FF]{2,}[^<>{}\n]*)<\//g)) {
      problems.push(`${file}: "${m[1]!.trim()}"`);
    }
    for (const m of text.matchAll(/\b(label|title|placeholder|aria-label|alt|description)="([^"]*[A-Za-z]{2,}[^"]*)"/g)) problems.push(`${file}: ${m[1]}="${m[2]}"`);
  }
  assert.deepEqual(problems, []);
});
