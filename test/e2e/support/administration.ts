// Administration and compliance in the browser: the words on screen, read from the app's own
// catalogues so a test finds buttons and fields by what a person sees in each language, and the
// steps other browser tests reuse (an administrator adds a staff member and reads the password).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { field } from './page.ts';

export type Language = 'en' | 'ar';
type Catalogue = Record<string, unknown>;

const I18N = path.join(import.meta.dirname, '..', '..', '..', 'src', 'web', 'i18n');
const cache = new Map<string, Catalogue>();

/** A string of the app's catalogue: words('ar', 'administration:staff.add'). */
export function words(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const [ns, rest] = key.split(':') as [string, string];
  const file = `${language}/${ns}`;
  if (!cache.has(file)) cache.set(file, JSON.parse(fs.readFileSync(path.join(I18N, `${file}.json`), 'utf8')) as Catalogue);
  let at: unknown = cache.get(file);
  for (const part of rest.split('.')) at = (at as Catalogue | undefined)?.[part];
  if (typeof at !== 'string') throw new Error(`no string ${language}/${key}`);
  return at.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

export interface NewStaff { name: string; email: string; phone?: string; role: string }

/** From the staff list: adds someone and returns the temporary password shown once. */
export async function addStaff(page: Page, language: Language, person: NewStaff): Promise<string> {
  const w = (key: string) => words(language, key);
  await page.getByRole('link', { name: w('administration:staff.add') }).click();
  await page.getByRole('heading', { name: w('administration:create.title'), level: 1 }).waitFor();
  await field(page, w('administration:staff.name')).fill(person.name);
  await field(page, w('administration:staff.email')).fill(person.email);
  if (person.phone) await field(page, w('administration:staff.phone')).fill(person.phone);
  await page.getByRole('combobox', { name: w('administration:staff.role') }).click();
  await page.getByRole('option', { name: words(language, `common:roles.${person.role}`), exact: true }).click();
  await page.getByRole('button', { name: w('administration:create.submit') }).click();
  const password = page.getByTestId('temporary-password');
  await password.waitFor();
  return (await password.innerText()).trim();
}
