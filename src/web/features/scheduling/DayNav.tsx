// Moving through days: previous, today, next, and a date picker (the browser's own date input:
// keyboard-friendly, localised, and nothing more to download). Arrows point the way time runs in
// the interface's direction, so in Arabic "previous" points right.
import { ActionIcon, Button, Group, TextInput } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { addDays, isDate } from './day.ts';

/** `onChange` gets how to move from the day shown now (which may be newer than `date`, see DayPage). */
export function DayNav({ date, today, onChange }: { date: string; today: string; onChange(to: (current: string) => string): void }) {
  const { t, i18n } = useTranslation('scheduling');
  const rtl = i18n.dir() === 'rtl';
  const [Back, Forward] = rtl ? [IconChevronRight, IconChevronLeft] : [IconChevronLeft, IconChevronRight];
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={t('scheduling:dayNav.label')}>
      <ActionIcon variant="default" size="lg" onClick={() => onChange((d) => addDays(d, -1))} aria-label={t('scheduling:dayNav.previous')}>
        <Back size={18} aria-hidden />
      </ActionIcon>
      <Button variant={date === today ? 'filled' : 'default'} onClick={() => onChange(() => today)} aria-pressed={date === today}>
        {t('scheduling:dayNav.today')}
      </Button>
      <ActionIcon variant="default" size="lg" onClick={() => onChange((d) => addDays(d, 1))} aria-label={t('scheduling:dayNav.next')}>
        <Forward size={18} aria-hidden />
      </ActionIcon>
      <TextInput
        type="date"
        aria-label={t('scheduling:dayNav.pick')}
        value={date}
        onChange={(e) => {
          const picked = e.currentTarget.value;
          if (isDate(picked)) onChange(() => picked);
        }}
        w={170}
        dir="ltr"
      />
    </Group>
  );
}
