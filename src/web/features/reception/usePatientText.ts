// A patient's details in words, in the interface language, with the user's digits and the
// facility's calendar: the pure helpers (names.ts, age.ts, display.ts) bound to the session.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { ageOf, todayIn, type Birth } from './age.ts';
import { patientName, type NameFields } from './names.ts';
import { stateName } from './display.ts';

export function usePatientText() {
  const { t, i18n } = useTranslation('reception');
  const format = useFormat();
  const language: 'ar' | 'en' = i18n.language === 'ar' ? 'ar' : 'en';
  const today = todayIn(format.settings.timeZone);
  const year = (y: number) => format.number(y, { useGrouping: false });
  return {
    language,
    today,
    name: (n: NameFields) => patientName(n, language),
    sex: (sex: string) => t(`reception:sex.${sex === 'female' || sex === 'male' ? sex : 'unknown'}`),
    age(birth: Birth): string {
      const age = ageOf(birth, today);
      if (!age) return '';
      return t(`reception:age.${age.estimated ? 'about' : 'exact'}.${age.unit}`, { count: age.value });
    },
    /** "12 May 1990", or "born about 1985" when only the year is known. */
    birth(birth: Birth): string {
      if (!birth.dateOfBirth) return birth.birthYear > 0 ? t('reception:birth.aboutYear', { year: year(birth.birthYear) }) : '';
      const date = format.calendarDate(birth.dateOfBirth);
      return birth.birthDateEstimated ? t('reception:birth.estimatedDate', { date }) : date;
    },
    state: (code: string | null | undefined) => stateName(code, language),
    status: (status: string) => t(`reception:status.${status === 'inactive' || status === 'deceased' || status === 'merged' ? status : 'active'}`),
    preferredLanguage: (lang: string) => t(`reception:languages.${lang === 'en' ? 'en' : 'ar'}`),
  };
}
