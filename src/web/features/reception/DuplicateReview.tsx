// The server's 409 duplicate_candidates: each registered person it found, side by side with what
// was typed, so the clerk can tell whether the patient is already registered. "This is the same
// person" opens that record; "Register as new" sends the registration again with confirmNew.
// Each candidate's full record is read (an audited read: the clerk is looking at it).
import { useEffect, useRef } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { IconArrowBackUp, IconUserCheck, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../api/types.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { CompareTable } from './CompareTable.tsx';
import { sideOfForm, sideOfRecord } from './compare.ts';
import { fetchPatient, patientKey } from './queries.ts';
import type { PatientFormValues } from './patient-form.ts';

interface Props {
  typed: PatientFormValues;
  candidates: DuplicateCandidate[];
  busy: boolean;
  problem: unknown;
  onSame(id: string): void;
  onNew(): void;
  onBack(): void;
}

const REASONS = ['nationalId', 'phone', 'nameAndBirth'] as const;

export function DuplicateReview({ typed, candidates, busy, problem, onSame, onNew, onBack }: Props) {
  const { t } = useTranslation('reception');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const records = useQueries({
    queries: candidates.map((c) => ({ queryKey: patientKey(c.id), queryFn: ({ signal }: { signal: AbortSignal }) => fetchPatient(c.id, signal) })),
  });
  const typedSide = sideOfForm(typed);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2} ref={heading} tabIndex={-1}>{t('reception:duplicates.title', { count: candidates.length })}</Title>
        <Text>{t('reception:duplicates.explain')}</Text>
      </Stack>
      {candidates.map((c, i) => {
        const record = records[i]!;
        return (
          <Paper key={c.id} withBorder p={{ base: 'xs', sm: 'md' }} radius="md" component="section" aria-labelledby={`nc-candidate-${c.id}`}>
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={4}>
                  <Title order={3} size="h4" id={`nc-candidate-${c.id}`}>
                    {t('reception:duplicates.candidate', { mrn: c.mrn })}
                  </Title>
                  <Group gap={6}>
                    {REASONS.filter((r) => c.matchedOn.includes(r)).map((r) => (
                      <Badge key={r} variant="filled" color="yellow.3" autoContrast>{t(`reception:duplicates.matchedOn.${r}`)}</Badge>
                    ))}
                  </Group>
                </Stack>
                <Button leftSection={<IconUserCheck size={18} aria-hidden />} onClick={() => onSame(c.id)} aria-describedby={`nc-candidate-${c.id}`}>
                  {t('reception:duplicates.same')}
                </Button>
              </Group>
              {record.isError && <ProblemAlert error={record.error} />}
              <CompareTable
                caption={t('reception:duplicates.caption', { mrn: c.mrn })}
                columns={[
                  { key: 'typed', header: t('reception:duplicates.typed'), side: typedSide },
                  { key: c.id, header: <>{t('reception:duplicates.registered')} <Bdi ltr>{c.mrn}</Bdi></>, side: record.data ? sideOfRecord(record.data.record) : null },
                ]}
              />
            </Stack>
          </Paper>
        );
      })}
      {problem !== null && <ProblemAlert error={problem} />}
      <Alert color="gray" variant="light" title={t('reception:duplicates.noneTitle')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('reception:duplicates.noneText')}</Text>
          <Group gap="sm">
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} loading={busy} onClick={onNew}>{t('reception:duplicates.registerNew')}</Button>
            <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={onBack}>{t('reception:duplicates.back')}</Button>
          </Group>
        </Stack>
      </Alert>
    </Stack>
  );
}
