// The encounter's vital signs: the form on top while the encounter is open, the recordings below,
// newest first. A recording corrected later stays visible, marked, next to its correction; on a
// completed encounter "Correct" is the only way to change one (an amendment with a reason).
import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session/permissions.ts';
import type { Encounter, Vitals } from './types.ts';
import { VitalsCard } from './VitalsCard.tsx';
import { VitalsForm } from './VitalsForm.tsx';

export function VitalsSection({ encounter, ageMonths }: { encounter: Encounter; ageMonths: number | null }) {
  const { t } = useTranslation('clinical');
  const canWrite = useCan('vitals:write');
  const [amending, setAmending] = useState<Vitals | null>(null);
  // Once vitals are in, the recordings come first and the form waits behind a button.
  const [adding, setAdding] = useState(false);
  const open = encounter.status === 'in_progress';
  const recordings = [...encounter.vitals].reverse();
  return (
    <Stack gap="sm" component="section" aria-labelledby="vitals-title">
      <Title order={2} size="h3" id="vitals-title">{t('clinical:vitals.title')}</Title>
      {canWrite && open && !amending && (recordings.length === 0 || adding) && (
        <VitalsForm encounterId={encounter.id} ageMonths={ageMonths} autoFocus={adding} onDone={() => setAdding(false)} onCancel={adding ? () => setAdding(false) : undefined} />
      )}
      {canWrite && open && !amending && recordings.length > 0 && !adding && (
        <Group><Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>{t('clinical:vitals.again')}</Button></Group>
      )}
      {amending && (
        <VitalsForm key={amending.id} encounterId={encounter.id} ageMonths={ageMonths} amends={amending} onDone={() => setAmending(null)} onCancel={() => setAmending(null)} autoFocus />
      )}
      {recordings.length === 0 && <Text size="sm" c="dimmed">{t('clinical:vitals.none')}</Text>}
      {recordings.map((v) => (
        <VitalsCard
          key={v.id}
          vitals={v}
          superseded={v.amendedById !== null}
          actions={canWrite && v.amendedById === null && !amending
            ? <Button size="compact-sm" variant="subtle" onClick={() => setAmending(v)} aria-label={t('clinical:amend.correctVitals')}>{t('clinical:amend.correct')}</Button>
            : null}
        />
      ))}
    </Stack>
  );
}
