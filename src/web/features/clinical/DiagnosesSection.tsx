// Diagnosing: search the ICD-10 catalog in English or Arabic, pick a code, say primary or
// secondary (the first is primary unless one already is), add a note, save. On a completed
// encounter a diagnosis is corrected by an amendment: a replacement code with a reason.
import { useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../app/session/permissions.ts';
import { DiagnosisLine } from './DiagnosisLine.tsx';
import { Icd10Search } from './Icd10Search.tsx';
import { useRecordDiagnosis } from './queries.ts';
import type { Diagnosis, Encounter, Icd10Item } from './types.ts';
import './clinical.css';

export function DiagnosesSection({ encounter }: { encounter: Encounter }) {
  const { t } = useTranslation('clinical');
  const canWrite = useCan('diagnoses:write');
  const [amending, setAmending] = useState<Diagnosis | null>(null);
  const open = encounter.status === 'in_progress';
  const current = encounter.diagnoses.filter((d) => d.amendedById === null);
  const hasPrimary = current.some((d) => d.type === 'primary');
  return (
    <Stack gap="sm" component="section" aria-labelledby="diagnoses-title">
      <Title order={2} size="h3" id="diagnoses-title">{t('clinical:diagnoses.title')}</Title>
      {encounter.diagnoses.length === 0 && <Text size="sm" c="dimmed">{t('clinical:diagnoses.none')}</Text>}
      <Stack gap="xs" component="ul" className="nc-plain-list" aria-label={t('clinical:diagnoses.title')}>
        {encounter.diagnoses.map((d) => (
          <li key={d.id} className={d.amendedById ? 'nc-superseded' : undefined} data-testid="diagnosis">
            <DiagnosisLine diagnosis={d}>
              {d.amendedById && <Tag text={t('clinical:amend.corrected')} />}
              {d.amendReason && <Text size="sm" component="span">{t('clinical:amend.reasonShown', { reason: d.amendReason })}</Text>}
              {canWrite && !d.amendedById && !amending && (
                <Button size="compact-sm" variant="subtle" onClick={() => setAmending(d)} aria-label={t('clinical:amend.correctDiagnosis', { code: d.code })}>{t('clinical:amend.correct')}</Button>
              )}
            </DiagnosisLine>
          </li>
        ))}
      </Stack>
      {canWrite && (open || amending) && (
        <DiagnosisForm key={amending?.id ?? 'new'} encounterId={encounter.id} defaultType={amending?.type === 'secondary' || (!amending && hasPrimary) ? 'secondary' : 'primary'} amends={amending} onDone={() => setAmending(null)} />
      )}
    </Stack>
  );
}

function Tag({ text }: { text: string }) {
  return <Text span size="xs" fw={700} c="dimmed" className="nc-tag">{text}</Text>;
}

interface FormProps { encounterId: string; defaultType: 'primary' | 'secondary'; amends: Diagnosis | null; onDone(): void }

function DiagnosisForm({ encounterId, defaultType, amends, onDone }: FormProps) {
  const { t } = useTranslation('clinical');
  const record = useRecordDiagnosis(encounterId);
  const [picked, setPicked] = useState<Icd10Item | null>(null);
  const [type, setType] = useState<'primary' | 'secondary'>(defaultType);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);

  const save = async () => {
    if (!picked) return;
    if (amends && !reason.trim()) return setMissingReason(true);
    await record.mutateAsync({ code: picked.code, type, ...(note.trim() && { note: note.trim() }), ...(amends && { amendsId: amends.id, reason: reason.trim() }) }).then(() => {
      setPicked(null);
      setNote('');
      setType('secondary');
      onDone();
    }, () => undefined);
  };

  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="sm">
        {amends && <Alert color="grape" variant="light">{t('clinical:amend.diagnosisIntro', { code: amends.code })}</Alert>}
        <Icd10Search label={t(amends ? 'clinical:diagnoses.searchReplacement' : 'clinical:diagnoses.search')} onPick={(item) => { setPicked(item); record.reset(); }} />
        {picked && (
          <Stack gap="sm" data-testid="picked-diagnosis">
            <DiagnosisLine diagnosis={{ code: picked.code, title: picked.titleEn, type, note: null }} />
            <SegmentedControl
              value={type}
              onChange={(v) => setType(v === 'primary' ? 'primary' : 'secondary')}
              data={[{ value: 'primary', label: t('clinical:diagnoses.type.primary') }, { value: 'secondary', label: t('clinical:diagnoses.type.secondary') }]}
              aria-label={t('clinical:diagnoses.typeLabel')}
              w="fit-content"
            />
            <TextInput label={t('clinical:diagnoses.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} dir="auto" />
            {amends && (
              <TextInput label={t('clinical:amend.reason')} value={reason} withAsterisk maxLength={500} dir="auto"
                onChange={(e) => { setReason(e.currentTarget.value); setMissingReason(false); }}
                error={missingReason ? t('clinical:amend.reasonRequired') : undefined} />
            )}
          </Stack>
        )}
        {record.isError && <ProblemAlert error={record.error} />}
        <Group gap="sm">
          <Button onClick={() => void save()} disabled={!picked} loading={record.isPending}>{t(amends ? 'clinical:amend.save' : 'clinical:diagnoses.add')}</Button>
          {amends && <Button variant="default" onClick={onDone}>{t('clinical:actions.cancel')}</Button>}
        </Group>
      </Stack>
    </Paper>
  );
}
