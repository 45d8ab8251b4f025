// The language of problem details: Arabic when the caller prefers it (Accept-Language), else English.
export const LANGUAGES = ['en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The caller's most preferred language we speak; English when none is named or none matches. */
export function languageOf(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return 'en';
  const ranked = header.split(',').slice(0, 20).map((part, order) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { base: tag.split('-')[0]!, q: q === undefined ? 1 : Number(q), order };
  }).filter((l) => l.q > 0).sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked.find((l): l is typeof l & { base: Language } => (LANGUAGES as readonly string[]).includes(l.base))?.base ?? 'en';
}
