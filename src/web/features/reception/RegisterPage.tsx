// Registering a patient. When the server finds people who may be the same (409
// duplicate_candidates) the form makes way for the side-by-side review; the form keeps what was
// typed, so "back to the form" and "register as new" (confirmNew) work from it.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { isApiError } from '../../api/problem.ts';
import type { DuplicateCandidate } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { NotAllowedPage } from '../../app/pages/NotFoundPage.tsx';
import { useCan } from '../../app/session/permissions.ts';
import { emptyPatientForm, toCreateBody, type PatientFormValues } from './patient-form.ts';
import { focusFirstError, usePatientForm } from './usePatientForm.ts';
import { PatientFields } from './PatientFields.tsx';
import { DuplicateReview } from './DuplicateReview.tsx';
import { patientKey } from './queries.ts';

export function RegisterPage() {
  const { t } = useTranslation('reception');
  usePageTitle(t('reception:register.title'));
  return useCan('patients:write') ? <RegisterForm /> : <NotAllowedPage />;
}

function RegisterForm() {
  const { t } = useTranslation('reception');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, applyRefusal } = usePatientForm(emptyPatientForm());
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const register = async (values: PatientFormValues, confirmNew: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      const request = api.POST('/api/v1/patients', { body: toCreateBody(values, confirmNew) });
      const created = await call(request);
      const etag = (await request).response.headers.get('etag') ?? `"${created.version}"`;
      queryClient.setQueryData(patientKey(created.id), { record: created, etag });
      await queryClient.invalidateQueries({ queryKey: ['patients', 'search'] });
      navigate(`/reception/patients/${created.id}`, { state: { registered: true } });
    } catch (error) {
      if (isApiError(error) && error.code === 'duplicate_candidates' && Array.isArray(error.problem.candidates)) {
        setCandidates(error.problem.candidates as DuplicateCandidate[]);
        return;
      }
      setCandidates(null);
      setProblem(applyRefusal(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={1000} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('reception:register.title')}</Title>
        {!candidates && <Text c="dimmed">{t('reception:register.intro')}</Text>}
      </Stack>
      {candidates
        ? <DuplicateReview
            typed={form.getValues()}
            candidates={candidates}
            busy={busy}
            problem={problem}
            onSame={(id) => navigate(`/reception/patients/${id}`)}
            onNew={() => void register(form.getValues(), true)}
            onBack={() => setCandidates(null)}
          />
        : (
          <form onSubmit={form.onSubmit((values) => register(values, false), focusFirstError)} noValidate>
            <Stack gap="lg">
              {problem !== null && <ProblemAlert error={problem} />}
              <PatientFields form={form} />
              <Group gap="sm">
                <Button type="submit" loading={busy}>{t('reception:register.submit')}</Button>
                <Button variant="default" onClick={() => navigate('/reception')}>{t('common:cancel')}</Button>
              </Group>
            </Stack>
          </form>
        )}
    </Stack>
  );
}
