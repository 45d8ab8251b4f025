// Finding an ICD-10 code by typing in English or Arabic ("malaria", "ملاريا", "B50"): results as
// the user types, the title in the interface's language with the other beside it. The same ARIA
// combobox pattern as the patient search: focus stays in the box, arrows walk, Enter picks.
import { useId, useState, type KeyboardEvent } from 'react';
import { Badge, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useIcd10Search } from './queries.ts';
import type { Icd10Item } from './types.ts';
import '../reception/reception.css';
import './clinical.css';

const DEBOUNCE_MS = 250;

export function Icd10Title({ item }: { item: Pick<Icd10Item, 'titleEn' | 'titleAr'> }) {
  const { i18n } = useTranslation();
  const arFirst = i18n.language === 'ar' && item.titleAr;
  const [main, other] = arFirst ? [item.titleAr!, item.titleEn] : [item.titleEn, item.titleAr];
  return (
    <span className="nc-name-pair">
      <Text span fw={600} size="sm" lang={arFirst ? 'ar' : 'en'}>{main}</Text>
      {other && <Text span size="sm" c="dimmed" lang={arFirst ? 'en' : 'ar'} dir={arFirst ? 'ltr' : 'rtl'}>{other}</Text>}
    </span>
  );
}

export function Icd10Search({ onPick, label }: { onPick(item: Icd10Item): void; label: string }) {
  const { t } = useTranslation('clinical');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const ready = q.length >= 2 && text.trim().length >= 2;
  const search = useIcd10Search(q, ready);
  const items = ready ? (search.data?.items ?? []).filter((i) => !i.hidden) : [];
  const [active, setActive] = useState(-1);
  const id = useId();
  const optionId = (i: number) => `${id}-o${i}`;

  const pick = (item: Icd10Item) => {
    onPick(item);
    setText('');
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && items.length) setActive(Math.min(items.length - 1, active + 1));
    else if (e.key === 'ArrowUp' && items.length) setActive(Math.max(0, active - 1));
    else if (e.key === 'Enter' && active >= 0 && items[active]) pick(items[active]);
    else if (e.key === 'Escape' && text) setText('');
    else return;
    e.preventDefault();
  };

  return (
    <Stack gap={6}>
      <TextInput
        label={label}
        description={t('clinical:diagnoses.searchHint')}
        value={text}
        onChange={(e) => { setText(e.currentTarget.value); setActive(-1); }}
        onKeyDown={onKeyDown}
        dir="auto"
        type="search"
        autoComplete="off"
        maxLength={100}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={ready && search.isFetching ? <Loader size="xs" aria-hidden /> : null}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
      />
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {ready && search.isSuccess && !search.isPlaceholderData ? (items.length ? t('clinical:diagnoses.found', { count: items.length }) : t('clinical:diagnoses.noneFound')) : ''}
      </Text>
      {search.isError && ready && <ProblemAlert error={search.error} />}
      <ul id={`${id}-list`} role="listbox" aria-label={t('clinical:diagnoses.results')} className="nc-results nc-icd-results" hidden={items.length === 0}>
        {items.map((item, i) => (
          <li key={item.code} id={optionId(i)} role="option" aria-selected={i === active} className="nc-result" onClick={() => pick(item)} onMouseMove={() => i !== active && setActive(i)}>
            <span className="nc-icd-row">
              <Badge variant="light" radius="sm" className="nc-code"><Bdi ltr>{item.code}</Bdi></Badge>
              <Icd10Title item={item} />
              {!item.billable && <Text span size="xs" c="dimmed">{t('clinical:diagnoses.category')}</Text>}
            </span>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
