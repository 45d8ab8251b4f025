// The filters of the audit log. Each is checked as it is typed (filters.ts, the server's rules);
// "Apply" puts them in the address, which the list reads.
import { useState } from 'react';
import { Autocomplete, Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { filterProblems, OUTCOMES, type FilterKey, type Filters } from './filters.ts';
import { useStaffSearch } from './queries.ts';

// The families of actions the server records; a family ending in a dot matches every action in it.
const ACTIONS = ['auth.', 'auth.login', 'patient.', 'patient.read', 'patient.update', 'patient.merge', 'appointment.', 'user.', 'facility.', 'schedule.', 'audit.read'];

interface Props { initial: Filters; zone: string; serverErrors: Record<string, string>; onApply(f: Filters): void }

export function AuditFilters({ initial, zone, serverErrors, onApply }: Props) {
  const { t } = useTranslation('compliance');
  const [draft, setDraft] = useState<Filters>(initial);
  const [who, setWho] = useState('');
  const [whoQ] = useDebouncedValue(who.trim(), 300);
  const staff = useStaffSearch(whoQ);
  const problems = filterProblems(draft, zone);
  const error = (k: FilterKey) => (problems[k] ? t(`compliance:rules.${problems[k]}`) : serverErrors[k]);
  const set = (k: FilterKey) => (value: string | null) => setDraft({ ...draft, [k]: value ?? '' });
  const people = (staff.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  if (draft.actorId && !people.some((p) => p.value === draft.actorId)) people.unshift({ value: draft.actorId, label: draft.actorId });

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => { e.preventDefault(); if (Object.keys(problems).length === 0) onApply(draft); }} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Select
              label={t('compliance:filters.who')} placeholder={t('compliance:filters.anyone')} searchable clearable
              searchValue={who} onSearchChange={setWho} data={people} value={draft.actorId || null} onChange={set('actorId')}
              nothingFoundMessage={t('compliance:filters.noStaff')} filter={({ options }) => options} error={error('actorId')}
            />
            <TextInput label={t('compliance:filters.patient')} description={t('compliance:filters.patientHint')} dir="ltr"
              value={draft.patientId} onChange={(e) => set('patientId')(e.currentTarget.value)} error={error('patientId')} />
            <Autocomplete label={t('compliance:filters.action')} description={t('compliance:filters.actionHint')} dir="ltr"
              data={ACTIONS} value={draft.action} onChange={set('action')} error={error('action')} />
            <Select label={t('compliance:filters.outcome')} placeholder={t('compliance:filters.anyOutcome')} clearable
              data={OUTCOMES.map((o) => ({ value: o, label: t(`compliance:outcome.${o}`) }))} value={draft.outcome || null} onChange={set('outcome')} />
            <TextInput type="datetime-local" label={t('compliance:filters.from')} dir="ltr" value={draft.from} onChange={(e) => set('from')(e.currentTarget.value)} error={error('from')} />
            <TextInput type="datetime-local" label={t('compliance:filters.to')} dir="ltr" value={draft.to} onChange={(e) => set('to')(e.currentTarget.value)} error={error('to')} />
          </SimpleGrid>
          <Group>
            <Button type="submit" disabled={Object.keys(problems).length > 0}>{t('compliance:filters.apply')}</Button>
            <Button variant="default" onClick={() => { setDraft({ actorId: '', patientId: '', action: '', outcome: '', from: '', to: '' }); onApply({ actorId: '', patientId: '', action: '', outcome: '', from: '', to: '' }); }}>
              {t('compliance:filters.clear')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
