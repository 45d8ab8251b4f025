// The banner's ways to keep the patient's allergies and problem list: each opens a dialog, so the
// workspace or chart behind it stays as it was. The allergy dialog also lists what is on record,
// each with "entered in error" (the record stays, marked, for the audit trail).
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconListDetails } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session/permissions.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AllergyForm } from './AllergyForm.tsx';
import { ProblemForm } from './ProblemForm.tsx';
import { useAllergies, useSetAllergyStatus } from './queries.ts';

export function HistoryActions({ patientId }: { patientId: string }) {
  const { t } = useTranslation('clinical');
  const canAllergies = useCan('allergies:write');
  const canProblems = useCan('diagnoses:write');
  const [allergyOpen, allergy] = useDisclosure(false);
  const [problemOpen, problem] = useDisclosure(false);
  if (!canAllergies && !canProblems) return null;
  const modal = { closeButtonProps: { 'aria-label': t('common:close') }, size: 'lg', centered: true } as const;
  return (
    <Group gap="xs" ms="auto">
      {canAllergies && <Button size="compact-sm" variant="default" leftSection={<IconAlertTriangle size={14} aria-hidden />} onClick={allergy.open}>{t('clinical:allergy.add')}</Button>}
      {canProblems && <Button size="compact-sm" variant="default" leftSection={<IconListDetails size={14} aria-hidden />} onClick={problem.open}>{t('clinical:problem.add')}</Button>}
      <Modal {...modal} opened={allergyOpen} onClose={allergy.close} title={t('clinical:allergy.title')}>
        <Stack gap="md">
          <RecordedAllergies patientId={patientId} />
          <AllergyForm patientId={patientId} onDone={allergy.close} onCancel={allergy.close} />
        </Stack>
      </Modal>
      <Modal {...modal} opened={problemOpen} onClose={problem.close} title={t('clinical:problem.title')}>
        <ProblemForm patientId={patientId} onDone={problem.close} onCancel={problem.close} />
      </Modal>
    </Group>
  );
}

function RecordedAllergies({ patientId }: { patientId: string }) {
  const { t } = useTranslation('clinical');
  const allergies = useAllergies(patientId);
  const setStatus = useSetAllergyStatus(patientId);
  const items = allergies.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Stack gap={4} component="section" aria-label={t('clinical:allergy.recorded')}>
      <Text size="sm" fw={700}>{t('clinical:allergy.recorded')}</Text>
      <Stack gap={4} component="ul" className="nc-plain-list">
        {items.map((a) => (
          <Group key={a.id} component="li" gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm"><bdi>{a.substance}</bdi>{' · '}{t(`clinical:severity.${a.severity === 'severe' || a.severity === 'moderate' ? a.severity : 'mild'}`)}{a.reaction && <>{' · '}<bdi>{a.reaction}</bdi></>}</Text>
            <Button size="compact-xs" variant="default" loading={setStatus.isPending && setStatus.variables.id === a.id}
              aria-label={t('clinical:allergy.enteredInErrorOf', { substance: a.substance })} onClick={() => setStatus.mutate({ id: a.id, status: 'entered_in_error' })}>
              {t('clinical:allergy.enteredInError')}
            </Button>
          </Group>
        ))}
      </Stack>
      {setStatus.isError && <ProblemAlert error={setStatus.error} />}
    </Stack>
  );
}
