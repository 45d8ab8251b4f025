// A search box over one of the catalogs (ICD-10, formulary, lab tests) that offers results as the
// user types, in English or Arabic: the ARIA combobox pattern — focus stays in the box, the arrow
// keys walk the results, Enter picks, Escape clears.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import '../reception/reception.css';
import './clinical.css';

const DEBOUNCE_MS = 250;

interface Props<T> {
  label: string;
  hint: string;
  useSearch(q: string, enabled: boolean): UseQueryResult<{ items: T[] }>;
  keyOf(item: T): string;
  render(item: T): ReactNode;
  onPick(item: T): void;
}

export function CatalogSearch<T extends { hidden: boolean }>({ label, hint, useSearch, keyOf, render, onPick }: Props<T>) {
  const { t } = useTranslation('clinical');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const ready = q.length >= 2 && text.trim().length >= 2;
  const search = useSearch(q, ready);
  const items = ready ? (search.data?.items ?? []).filter((i) => !i.hidden) : [];
  const [active, setActive] = useState(-1);
  const id = useId();
  const optionId = (i: number) => `${id}-o${i}`;

  const pick = (item: T) => {
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
        description={hint}
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
        {ready && search.isSuccess && !search.isPlaceholderData ? (items.length ? t('clinical:search.found', { count: items.length }) : t('clinical:search.none')) : ''}
      </Text>
      {search.isError && ready && <ProblemAlert error={search.error} />}
      <ul id={`${id}-list`} role="listbox" aria-label={t('clinical:search.results', { what: label })} className="nc-results nc-icd-results" hidden={items.length === 0}>
        {items.map((item, i) => (
          <li key={keyOf(item)} id={optionId(i)} role="option" aria-selected={i === active} className="nc-result" onClick={() => pick(item)} onMouseMove={() => i !== active && setActive(i)}>
            {render(item)}
          </li>
        ))}
      </ul>
    </Stack>
  );
}
