// Editing a record with optimistic concurrency: the PATCH carries If-Match with the ETag the record
// was loaded with, and only the fields the user changed. When someone else saved first (409
// version_conflict) the page says so and offers to reload: the newer record comes in, the user's
// own changes stay in the form on top of it, and where both changed the same field what is on
// record now is shown under it. Then they save again against the new version.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { isApiError } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Splash } from '../../components/Splash.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { NotAllowedPage } from '../../app/pages/NotFoundPage.tsx';
import { useCan } from '../../app/session/permissions.ts';
import { fetchPatient, patientKey, usePatient, type PatientWithEtag } from './queries.ts';
import { formValuesOf, rebase, toPatchBody, type FormPath, type PatientFormValues } from './patient-form.ts';
import { focusFirstError, usePatientForm } from './usePatientForm.ts';
import { PatientFields } from './PatientFields.tsx';
import { PatientName } from './PatientName.tsx';
import type { PatientPageNotice } from './PatientPage.tsx';

export function EditPatientPage() {
  const { t } = useTranslation('reception');
  usePageTitle(t('reception:edit.title'));
  const { id } = useParams();
  const query = usePatient(id);
  const canEdit = useCan('patients:write');
  if (!canEdit) return <NotAllowedPage />;
  if (query.isPending) return <Splash />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  // Keyed by id: another patient's edit starts from scratch.
  return <EditForm key={id} loaded={query.data} />;
}

interface Base { values: PatientFormValues; etag: string; record: PatientWithEtag['record'] }
type Conflict = { kind: 'version' } | { kind: 'merged'; mergedIntoId: string | null };

function EditForm({ loaded }: { loaded: PatientWithEtag }) {
  const { t } = useTranslation('reception');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = loaded.record.id;
  // The version this edit is based on: what the diff is taken against and what If-Match names.
  const [base, setBase] = useState<Base>(() => ({ values: formValuesOf(loaded.record), etag: loaded.etag, record: loaded.record }));
  const { form, applyRefusal } = usePatientForm(base.values);
  const [problem, setProblem] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [clashes, setClashes] = useState<Partial<Record<FormPath, string>>>({});
  const [reloaded, setReloaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const back = `/reception/patients/${id}`;
  // Save is at the foot of a long form; the conflict is said at its head, and the way out takes the focus.
  const reloadButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (conflict?.kind === 'version') reloadButton.current?.focus();
  }, [conflict]);

  const save = async (values: PatientFormValues) => {
    const body = toPatchBody(base.values, values);
    if (Object.keys(body).length === 0) return navigate(back);
    setBusy(true);
    setProblem(null);
    setReloaded(false);
    try {
      const request = api.PATCH('/api/v1/patients/{id}', { params: { path: { id }, header: { 'if-match': base.etag } }, body });
      const record = await call(request);
      const etag = (await request).response.headers.get('etag') ?? `"${record.version}"`;
      queryClient.setQueryData(patientKey(id), { record, etag });
      await queryClient.invalidateQueries({ queryKey: ['patients', 'search'] });
      navigate(back, { state: { saved: true } satisfies PatientPageNotice });
    } catch (error) {
      if (isApiError(error) && error.code === 'version_conflict') setConflict({ kind: 'version' });
      else if (isApiError(error) && error.code === 'invalid_transition') setConflict({ kind: 'merged', mergedIntoId: typeof error.problem.mergedIntoId === 'string' ? error.problem.mergedIntoId : null });
      else setProblem(applyRefusal(error));
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    setBusy(true);
    try {
      const fresh = await queryClient.fetchQuery({ queryKey: patientKey(id), queryFn: ({ signal }) => fetchPatient(id, signal), staleTime: 0 });
      const next = formValuesOf(fresh.record);
      const rebased = rebase(base.values, next, form.getValues());
      setBase({ values: next, etag: fresh.etag, record: fresh.record });
      form.setValues(rebased.values);
      setClashes(rebased.clashes);
      setConflict(null);
      setReloaded(true);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={1000} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('reception:edit.title')}</Title>
        <PatientName patient={base.record} />
      </Stack>
      <form onSubmit={form.onSubmit(save, focusFirstError)} noValidate>
        <Stack gap="lg">
          {conflict?.kind === 'version' && (
            <Alert color="orange" role="alert" title={t('reception:edit.conflictTitle')} data-testid="edit-conflict">
              <Stack gap="sm" align="flex-start">
                <Text size="sm">{t('reception:edit.conflictText')}</Text>
                <Button ref={reloadButton} leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => void reload()} loading={busy}>{t('reception:edit.reload')}</Button>
              </Stack>
            </Alert>
          )}
          {conflict?.kind === 'merged' && (
            <Alert color="yellow" role="alert" title={t('reception:patient.mergedAwayTitle')}>
              <Text size="sm">{t('reception:edit.mergedText')}</Text>
              {conflict.mergedIntoId && <Anchor component={Link} to={`/reception/patients/${conflict.mergedIntoId}`} size="sm">{t('reception:patient.openSurvivor')}</Anchor>}
            </Alert>
          )}
          {reloaded && (
            <Alert color="teal" role="status" title={t('reception:edit.reloadedTitle')}>
              {Object.keys(clashes).length > 0 ? t('reception:edit.reloadedClashes') : t('reception:edit.reloadedText')}
            </Alert>
          )}
          {problem !== null && <ProblemAlert error={problem} />}
          <PatientFields form={form} clashes={clashes} />
          <Group gap="sm">
            <Button type="submit" loading={busy} disabled={conflict !== null}>{t('reception:edit.submit')}</Button>
            <Button variant="default" component={Link} to={back}>{t('common:cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
