// Language and digits, saved for the user (they follow them to any computer).
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../app/preferences/PreferencesProvider.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useNow } from '../../components/useNow.ts';
import type { Digits, Language } from '../../i18n/format.ts';

export function PreferencesSection() {
  const { t } = useTranslation('account');
  const { language, digits, setLanguage, setDigits } = usePreferences();
  const format = useFormat();
  const now = useNow();
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text fw={500} size="sm" id="nc-pref-language">{t('account:preferences.language')}</Text>
        <SegmentedControl
          aria-labelledby="nc-pref-language"
          value={language}
          onChange={(v) => void setLanguage(v as Language)}
          data={[{ value: 'en', label: 'English' }, { value: 'ar', label: 'العربية' }]}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <Stack gap={6}>
        <Text fw={500} size="sm" id="nc-pref-digits">{t('account:preferences.digits')}</Text>
        <SegmentedControl
          aria-labelledby="nc-pref-digits"
          value={digits}
          onChange={(v) => void setDigits(v as Digits)}
          data={[{ value: 'latn', label: t('account:preferences.digitsLatin') }, { value: 'arab', label: t('account:preferences.digitsArabic') }]}
          style={{ alignSelf: 'flex-start' }}
        />
        <Text size="sm" c="dimmed">{t('account:preferences.example', { date: format.dateTime(now), number: format.number(1234567.5) })}</Text>
      </Stack>
    </Stack>
  );
}
