// Words and times of the scheduling screens, bound to the language, digits and facility zone.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { formatTime } from '../../i18n/format.ts';
import { patientName, patientNameLine } from '../reception/names.ts';
import { nameFields, type PatientNames } from './names.ts';
import { wallInstant } from './day.ts';

const STATUSES = ['scheduled', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show'];
const TYPES = ['consultation', 'follow_up', 'procedure', 'vaccination', 'antenatal', 'other'];

export const STATUS_COLOR: Record<string, string> = {
  scheduled: 'blue', checked_in: 'teal', in_progress: 'violet', completed: 'gray', cancelled: 'red', no_show: 'orange',
};

/** A status badge's colour: a shade dark enough for white text on it to pass 4.5:1. */
const BADGE: Record<string, string> = {
  scheduled: 'blue.8', checked_in: 'teal.9', in_progress: 'violet.8', completed: 'gray.7', cancelled: 'red.9', no_show: 'grape.9',
};
export const badgeColor = (status: string) => BADGE[status] ?? 'blue.8';

export function useScheduleText() {
  const { t, i18n } = useTranslation('scheduling');
  const format = useFormat();
  const language: 'ar' | 'en' = i18n.language === 'ar' ? 'ar' : 'en';
  return {
    language,
    format,
    status: (s: string) => t(`scheduling:status.${STATUSES.includes(s) ? s : 'scheduled'}`),
    type: (s: string) => t(`scheduling:type.${TYPES.includes(s) ? s : 'other'}`),
    name: (a: PatientNames) => patientName(nameFields(a), language),
    nameLine: (a: PatientNames) => patientNameLine(nameFields(a), language),
    /** A wall-clock time in the facility (minutes since midnight), formatted like every other time. */
    wall: (minutes: number) => formatTime(wallInstant(minutes), { ...format.settings, timeZone: 'UTC' }),
    /** "Tuesday 1 December 2026" for a calendar date. */
    day: (date: string) => new Intl.DateTimeFormat(`${language === 'ar' ? 'ar-SD' : 'en-GB'}-u-nu-${format.settings.digits}`, {
      weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
    }).format(Date.parse(`${date}T12:00:00Z`)),
  };
}
