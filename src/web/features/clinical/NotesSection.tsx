// SOAP notes: subjective, objective, assessment, plan. Notes are added, never edited in place; a
// completed encounter's note is corrected by an amendment that starts from its text, with a reason.
import { useState } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useCan } from '../../app/session/permissions.ts';
import { useWriteNote } from './queries.ts';
import type { Encounter, Note } from './types.ts';
import './clinical.css';

const SOAP = ['subjective', 'objective', 'assessment', 'plan'] as const;
type Soap = Record<(typeof SOAP)[number], string>;
const EMPTY: Soap = { subjective: '', objective: '', assessment: '', plan: '' };

export function NotesSection({ encounter }: { encounter: Encounter }) {
  const { t } = useTranslation('clinical');
  const format = useFormat();
  const canWrite = useCan('encounters:write');
  const [amending, setAmending] = useState<Note | null>(null);
  const open = encounter.status === 'in_progress';
  return (
    <Stack gap="sm" component="section" aria-labelledby="notes-title">
      <Title order={2} size="h3" id="notes-title">{t('clinical:notes.title')}</Title>
      {encounter.notes.length === 0 && <Text size="sm" c="dimmed">{t('clinical:notes.none')}</Text>}
      {encounter.notes.map((n) => (
        <Paper key={n.id} withBorder radius="md" p="sm" className={n.amendedById ? 'nc-superseded' : undefined} data-testid="note">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>{format.dateTime(n.writtenAt)}{n.amendedById ? ` · ${t('clinical:amend.corrected')}` : ''}{n.amendsId ? ` · ${t('clinical:amend.correction')}` : ''}</Text>
            {canWrite && !n.amendedById && !amending && (
              <Button size="compact-sm" variant="subtle" onClick={() => setAmending(n)} aria-label={t('clinical:amend.correctNote')}>{t('clinical:amend.correct')}</Button>
            )}
          </Group>
          {n.amendReason && <Text size="sm">{t('clinical:amend.reasonShown', { reason: n.amendReason })}</Text>}
          <dl className="nc-soap">
            {SOAP.filter((k) => n[k]).map((k) => (
              <div key={k}><dt>{t(`clinical:notes.${k}`)}</dt><dd dir="auto">{n[k]}</dd></div>
            ))}
          </dl>
        </Paper>
      ))}
      {canWrite && (open || amending) && <NoteForm key={amending?.id ?? 'new'} encounterId={encounter.id} amends={amending} onDone={() => setAmending(null)} />}
    </Stack>
  );
}

function NoteForm({ encounterId, amends, onDone }: { encounterId: string; amends: Note | null; onDone(): void }) {
  const { t } = useTranslation('clinical');
  const write = useWriteNote(encounterId);
  const [values, setValues] = useState<Soap>(amends ? Object.fromEntries(SOAP.map((k) => [k, amends[k] ?? ''])) as Soap : EMPTY);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'empty' | 'reason' | null>(null);

  const save = async () => {
    const body = Object.fromEntries(SOAP.filter((k) => values[k].trim()).map((k) => [k, values[k].trim()]));
    if (Object.keys(body).length === 0) return setProblem('empty');
    if (amends && !reason.trim()) return setProblem('reason');
    setProblem(null);
    await write.mutateAsync({ ...body, ...(amends && { amendsId: amends.id, reason: reason.trim() }) }).then(() => {
      setValues(EMPTY);
      onDone();
    }, () => undefined);
  };

  return (
    <Paper withBorder radius="md" p="sm" component="form" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-label={t(amends ? 'clinical:notes.amendForm' : 'clinical:notes.form')}>
      <Stack gap="sm">
        {amends && <Alert color="grape" variant="light">{t('clinical:amend.noteIntro')}</Alert>}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {SOAP.map((k) => (
            <Textarea key={k} label={t(`clinical:notes.${k}`)} description={t(`clinical:notes.hint.${k}`)} value={values[k]} autosize minRows={2} maxRows={8} maxLength={20000} dir="auto"
              onChange={(e) => { const v = e.currentTarget.value; setValues((s) => ({ ...s, [k]: v })); setProblem(null); }} />
          ))}
        </SimpleGrid>
        {amends && (
          <TextInput label={t('clinical:amend.reason')} value={reason} withAsterisk maxLength={500} dir="auto" error={problem === 'reason' ? t('clinical:amend.reasonRequired') : undefined}
            onChange={(e) => { setReason(e.currentTarget.value); setProblem(null); }} />
        )}
        {problem === 'empty' && <Alert color="red" variant="light" role="alert">{t('clinical:notes.empty')}</Alert>}
        {write.isError && <ProblemAlert error={write.error} />}
        <Group gap="sm">
          <Button type="submit" loading={write.isPending}>{t(amends ? 'clinical:amend.save' : 'clinical:notes.save')}</Button>
          {amends && <Button variant="default" onClick={onDone}>{t('clinical:actions.cancel')}</Button>}
        </Group>
      </Stack>
    </Paper>
  );
}
