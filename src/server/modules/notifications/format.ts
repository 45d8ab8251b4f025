// Dates in messages: the facility's local time, in the message's language (Arabic digits and month
// names for Arabic), since a patient reads "Sunday 14 December, 09:30" and not an ISO instant.
import type { Language } from './notifications.table.ts';

export function formatWhen(iso: string, timeZone: string, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-SD' : 'en-GB', {
    timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(at);
}
