// i18next for the app: one JSON catalogue per language and namespace under i18n/<lang>/, each its
// own chunk, loaded when a screen that uses the namespace first renders. Keys in code are always
// qualified (`t('auth:signIn.title')`) so the catalogue test can find and check every one.
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, formatNumber, isLanguage, LANGUAGES, type Digits, type Language } from './format.ts';

const catalogues = import.meta.glob<Record<string, unknown>>('./*/*.json', { import: 'default' });

/** Loaded before the first screen renders: the shell, sign-in and problem messages. */
export const CORE_NAMESPACES = ['common', 'auth', 'errors'];

const LANGUAGE_KEY = 'nilecare.language';
const DIGITS_KEY = 'nilecare.digits';

const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = catalogues[`./${language}/${namespace}.json`];
    if (!load) return callback(new Error(`no catalogue ${language}/${namespace}`), false);
    load().then((data) => callback(null, data), (error: Error) => callback(error, false));
  },
};

let digits: Digits = readStored(DIGITS_KEY) === 'arab' ? 'arab' : 'latn';

/** The language before anyone signs in: the last choice on this computer, else the browser's. */
export function initialLanguage(): Language {
  const stored = readStored(LANGUAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = (navigator.languages ?? [navigator.language]).map((l) => l.slice(0, 2));
  return browser.find(isLanguage) ?? 'en';
}

export async function initI18n(language: Language): Promise<void> {
  applyDocumentLanguage(language);
  await i18next.use(backend).use(initReactI18next).init({
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: false, // both catalogues are complete (src/web/i18n/catalogues.test.ts)
    ns: CORE_NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: true },
  });
  // `{{count, number}}` in a catalogue shows the digits the user chose.
  i18next.services.formatter?.add('number', (value: number, lng: string | undefined, options: Intl.NumberFormatOptions) =>
    formatNumber(value, { language: isLanguage(lng) ? lng : 'en', digits }, options));
}

/** Switches the interface language: catalogues, <html lang dir>, and this computer's memory of it. */
export async function changeLanguage(language: Language): Promise<void> {
  store(LANGUAGE_KEY, language);
  await i18next.changeLanguage(language);
  applyDocumentLanguage(language);
}

export function setDigits(value: Digits): void {
  digits = value;
  store(DIGITS_KEY, value);
}

export const currentDigits = (): Digits => digits;

function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

// UI choices only: nothing about patients is ever written to browser storage.
function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}
