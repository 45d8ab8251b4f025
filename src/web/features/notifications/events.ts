// Event keys as the server names them ("appointment.reminder") and their i18n keys: dots become
// underscores, since a dot nests keys in the catalogues. An event the catalogue does not know
// (a module added one since) shows its key.
import type { TFunction } from 'i18next';

export function eventLabel(t: TFunction, event: string): string {
  return t(`messaging:events.${event.replace(/\./g, '_')}`, { defaultValue: event });
}

export const STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead', 'skipped_opt_out', 'cancelled'] as const;
// Light badges in colours whose text passes WCAG AA contrast on their tint (teal and orange do not).
export const STATUS_COLOURS: Record<string, string> = { queued: 'gray', sending: 'nile', sent: 'nile', failed: 'red', dead: 'red', skipped_opt_out: 'gray', cancelled: 'gray' };
