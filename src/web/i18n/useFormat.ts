// Formatting bound to the user's language and digits and the active facility's time zone.
import { useMemo } from 'react';
import { usePreferences } from '../app/preferences/PreferencesProvider.tsx';
import { useSession } from '../app/session/SessionProvider.tsx';
import { formatCalendarDate, formatDate, formatDateTime, formatNumber, formatTime, timeZoneName, type FormatSettings } from './format.ts';

const DEFAULT_TIME_ZONE = 'Africa/Khartoum';

export function useFormat() {
  const { language, digits } = usePreferences();
  const { facility } = useSession();
  const timeZone = facility?.timeZone ?? DEFAULT_TIME_ZONE;
  return useMemo(() => {
    const s: FormatSettings = { language, digits, timeZone };
    return {
      settings: s,
      date: (value: string | number | Date) => formatDate(value, s),
      time: (value: string | number | Date) => formatTime(value, s),
      dateTime: (value: string | number | Date) => formatDateTime(value, s),
      calendarDate: (value: string) => formatCalendarDate(value, s),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, s, options),
      timeZoneName: () => timeZoneName(s),
    };
  }, [language, digits, timeZone]);
}
