// Message templates, keyed by event, in English and Arabic. A template is code (functions of the
// event's data), so every module registers its own events' templates next to the code that queues
// them; rendering happens at send time, so a corrected template also fixes queued and retried messages.
import type { Language } from './notifications.table.ts';

export interface RenderedMessage {
  subject: string;
  /** Plain text: the SMS body, and the text part of the email. */
  text: string;
  /** Simple HTML for the email; made from the text when absent. */
  html?: string;
}

export type TemplateData = Record<string, unknown>;
/** One language's message for one event. Must not throw on missing data (say "—" instead). */
export type TemplateFn = (data: TemplateData) => RenderedMessage;
export type Template = Record<Language, TemplateFn>;

const templates = new Map<string, Template>();

/** Registers (or replaces) the template of an event. */
export function registerTemplate(event: string, template: Template): void {
  templates.set(event, template);
}

export function hasTemplate(event: string): boolean {
  return templates.has(event);
}

export function templateEvents(): string[] {
  return [...templates.keys()].sort();
}

export function renderTemplate(event: string, language: Language, data: TemplateData): RenderedMessage {
  const template = templates.get(event);
  if (!template) throw new Error(`no template for notification event ${event}`);
  const message = template[language](data);
  return { ...message, html: message.html ?? textToHtml(message.text, language) };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Paragraphs from blank-line-separated text, right-to-left for Arabic. */
export function textToHtml(text: string, language: Language): string {
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n');
  return `<!doctype html><html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"><body>\n${paragraphs}\n</body></html>`;
}

/** A data value as text for a template, or "—" when it is missing. */
export function str(data: TemplateData, key: string): string {
  const v = data[key];
  return v === undefined || v === null || v === '' ? '—' : String(v);
}
