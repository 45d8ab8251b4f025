// One box that finds a patient by name (Arabic or Latin, spelling variants), MRN, phone or national
// ID, with results as the user types. The ARIA combobox pattern: focus stays in the box, the arrow
// keys walk the results (aria-activedescendant), Enter opens the one marked, Escape clears. Typing
// is debounced; a search overtaken by newer typing is cancelled (queries.ts). "More results" pages
// through the API's cursor.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useMergedSearch, usePatientSearch } from './queries.ts';
import { PatientName } from './PatientName.tsx';
import { PatientFacts } from './PatientFacts.tsx';
import './reception.css';

/** Shorter text finds too much to be useful; one letter is never what the user means. */
export const MIN_QUERY = 2;
export const DEBOUNCE_MS = 300;

interface Props {
  label: string;
  onPick(patient: PatientSummary): void;
  /** A record not to offer (the merge screen's own patient). */
  exclude?: string;
  /** When nothing current matches, offer records merged into another (they lead to the record kept). */
  includeMerged?: boolean;
  autoFocus?: boolean;
}

export function PatientSearch({ label, onPick, exclude, includeMerged = false, autoFocus }: Props) {
  const { t } = useTranslation('reception');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, DEBOUNCE_MS);
  const ready = q.trim().length >= MIN_QUERY && text.trim().length >= MIN_QUERY;
  const search = usePatientSearch(q, ready);
  const current = ready ? (search.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => p.id !== exclude) : [];
  const noneCurrent = ready && search.isSuccess && !search.isPlaceholderData && current.length === 0;
  const merged = useMergedSearch(q, includeMerged && noneCurrent);
  const onlyMerged = noneCurrent && includeMerged && (merged.data?.items.length ?? 0) > 0;
  const items = onlyMerged ? merged.data!.items : current;
  // The marked result belongs to one query; new results start unmarked.
  const [marked, setMarked] = useState({ q: '', index: -1 });
  const active = marked.q === q && marked.index < items.length ? marked.index : -1;
  const id = useId();
  const listId = `${id}-results`;
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const move = (to: number) => setMarked({ q, index: Math.max(0, Math.min(items.length - 1, to)) });
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && items.length > 0) move(active + 1);
    else if (event.key === 'ArrowUp' && items.length > 0) move(active - 1);
    else if (event.key === 'Enter' && active >= 0) onPick(items[active]!);
    else if (event.key === 'Escape' && text) setText('');
    else return;
    event.preventDefault();
  };

  const waiting = ready && (search.isPending || (search.isFetching && search.isPlaceholderData));
  return (
    <Stack gap="sm">
      <TextInput
        label={label}
        description={t('reception:search.hint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        maxLength={100}
        dir="auto"
        size="md"
        type="search"
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        // Inside a drawer or modal, Mantine's focus trap moves the focus to the element marked so.
        data-autofocus={autoFocus || undefined}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={waiting ? <Loader size="xs" aria-hidden /> : null}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
      />
      <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="search-status">
        {statusText()}
      </Text>
      {search.isError && ready && <ProblemAlert error={search.error} />}
      <ul id={listId} role="listbox" aria-label={t('reception:search.results')} className="nc-results" hidden={items.length === 0}>
        {items.map((patient, i) => (
          <li
            key={patient.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="nc-result"
            onClick={() => onPick(patient)}
            onMouseMove={() => i !== active && setMarked({ q, index: i })}
          >
            <Stack gap={4}>
              <PatientName patient={patient} />
              <PatientFacts patient={patient} />
            </Stack>
          </li>
        ))}
      </ul>
      {ready && search.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
            {t('reception:search.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );

  function statusText(): string {
    if (text.trim().length > 0 && text.trim().length < MIN_QUERY) return t('reception:search.keepTyping', { count: MIN_QUERY });
    if (!ready || !search.isSuccess || search.isPlaceholderData) return ready && search.isFetching ? t('reception:search.searching') : '';
    if (onlyMerged) return t('reception:search.mergedOnly', { count: items.length });
    if (items.length === 0) return includeMerged && merged.isFetching ? t('reception:search.searching') : t('reception:search.none');
    return search.hasNextPage ? t('reception:search.foundMore', { count: items.length }) : t('reception:search.found', { count: items.length });
  }
}
