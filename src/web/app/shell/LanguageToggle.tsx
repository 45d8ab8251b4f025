// Switches between English and Arabic; the button names the other language in its own script.
import { Button, Text } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';

export function LanguageToggle() {
  const { t } = useTranslation();
  const { language, setLanguage } = usePreferences();
  const other = language === 'ar' ? 'en' : 'ar';
  return (
    <Button
      variant="subtle"
      color="gray"
      size="compact-sm"
      leftSection={<IconLanguage size={16} aria-hidden />}
      lang={other}
      aria-label={t('common:switchLanguage', { language: other === 'ar' ? 'العربية' : 'English' })}
      onClick={() => void setLanguage(other)}
    >
      {/* On a phone the icon alone: the header has room for little else. */}
      <Text span inherit visibleFrom="sm">{other === 'ar' ? 'العربية' : 'English'}</Text>
    </Button>
  );
}
