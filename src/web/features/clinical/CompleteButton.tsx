// Completing the encounter. The server refuses without a diagnosis, and a second completion; both
// refusals are said here in plain words (not the API's wording), the first with a way to the fix.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCompleteEncounter } from './queries.ts';

export function completeRefusal(error: unknown): 'needsDiagnosis' | 'alreadyCompleted' | null {
  if (!isApiError(error)) return null;
  if (error.code === 'unprocessable' && (error.problem.errors ?? []).some((e) => e.field === 'diagnoses')) return 'needsDiagnosis';
  if (error.code === 'invalid_transition') return 'alreadyCompleted';
  return null;
}

export function CompleteButton({ encounterId, hasDiagnosis }: { encounterId: string; hasDiagnosis: boolean }) {
  const { t } = useTranslation('clinical');
  const complete = useCompleteEncounter(encounterId);
  const refused = completeRefusal(complete.error);
  // Once a diagnosis is added, the refusal that asked for one has been answered.
  const refusal = refused === 'needsDiagnosis' && hasDiagnosis ? null : refused;
  return (
    <Stack gap="xs" align="flex-end" className="nc-complete">
      <Button leftSection={<IconCircleCheck size={18} aria-hidden />} loading={complete.isPending} onClick={() => complete.mutate()}>
        {t('clinical:complete.action')}
      </Button>
      {refusal && (
        <Alert color="red" variant="light" role="alert" title={t(`clinical:complete.${refusal}.title`)} maw={420}>
          <Text size="sm">{t(`clinical:complete.${refusal}.text`)}</Text>
          {refusal === 'needsDiagnosis' && <Button mt="xs" size="compact-sm" variant="light" component="a" href="#diagnoses-title">{t('clinical:complete.needsDiagnosis.go')}</Button>}
        </Alert>
      )}
      {complete.isError && !refused && <ProblemAlert error={complete.error} />}
    </Stack>
  );
}
