// Merging a duplicate registration into this record. The user finds the duplicate, then sees both
// records side by side and confirms that they are one person before anything happens. The record
// kept is this page's (its MRN stays; the other becomes "merged" and points here, and its
// appointments move here); "keep the other one instead" swaps the two. Only roles with
// patients:merge see the way here; the server checks again.
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowsExchange, IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Patient } from '../../api/types.ts';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Splash } from '../../components/Splash.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { NotAllowedPage } from '../../app/pages/NotFoundPage.tsx';
import { useCan } from '../../app/session/permissions.ts';
import { usePatient } from './queries.ts';
import { PatientSearch } from './PatientSearch.tsx';
import { PatientName } from './PatientName.tsx';
import { CompareTable } from './CompareTable.tsx';
import { sideOfRecord } from './compare.ts';
import type { PatientPageNotice } from './PatientPage.tsx';

export function MergePage() {
  const { t } = useTranslation('reception');
  usePageTitle(t('reception:merge.title'));
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const duplicateId = params.get('with') ?? undefined;
  const keep = usePatient(id);
  const retire = usePatient(duplicateId);
  const canMerge = useCan('patients:merge');

  if (!canMerge) return <NotAllowedPage />;
  if (keep.isPending) return <Splash />;
  if (keep.isError) return <ProblemAlert error={keep.error} />;
  const survivor = keep.data.record;

  return (
    <Stack maw={1000} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('reception:merge.title')}</Title>
        <Text c="dimmed">{t('reception:merge.intro')}</Text>
      </Stack>
      <Paper withBorder p="md" radius="md">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">{t('reception:merge.keepLabel')}</Text>
          <PatientName patient={survivor} />
          <Text size="sm"><Bdi ltr>{survivor.mrn}</Bdi></Text>
        </Stack>
      </Paper>
      {!duplicateId && (
        <PatientSearch label={t('reception:merge.find')} exclude={survivor.id} autoFocus onPick={(p) => setParams({ with: p.id })} />
      )}
      {duplicateId && retire.isPending && <Splash />}
      {duplicateId && retire.isError && <ProblemAlert error={retire.error} />}
      {duplicateId && retire.data && (
        <Confirm
          key={duplicateId}
          keepId={survivor.id}
          keep={survivor}
          retire={retire.data.record}
          onChooseOther={() => setParams({})}
        />
      )}
      <Group>
        <Anchor component={Link} to={`/reception/patients/${survivor.id}`}>{t('reception:merge.backToRecord')}</Anchor>
      </Group>
    </Stack>
  );
}



function Confirm({ keepId, keep, retire, onChooseOther }: { keepId: string; keep: Patient; retire: Patient; onChooseOther(): void }) {
  const { t } = useTranslation('reception');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const merge = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await call(api.POST('/api/v1/patients/{id}/merge', { params: { path: { id: keepId } }, body: { duplicateId: retire.id } }));
      await queryClient.invalidateQueries({ queryKey: ['patients'] });
      navigate(`/reception/patients/${keepId}`, { state: { merged: true } satisfies PatientPageNotice });
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="nc-merge-confirm">
      <Title order={2} size="h3" id="nc-merge-confirm">{t('reception:merge.confirmTitle')}</Title>
      <CompareTable
        caption={t('reception:merge.caption')}
        columns={[
          { key: 'keep', header: <>{t('reception:merge.keepColumn')} <Bdi ltr>{keep.mrn}</Bdi></>, side: sideOfRecord(keep) },
          { key: 'retire', header: <>{t('reception:merge.retireColumn')} <Bdi ltr>{retire.mrn}</Bdi></>, side: sideOfRecord(retire) },
        ]}
      />
      <Alert color="yellow" title={t('reception:merge.whatHappens')}>
        <Text size="sm">{t('reception:merge.consequences')}</Text>
      </Alert>
      {problem !== null && <ProblemAlert error={problem} />}
      <Checkbox
        checked={checked}
        onChange={(e) => setChecked(e.currentTarget.checked)}
        label={t('reception:merge.checked')}
      />
      <Group gap="sm">
        <Button color="red" leftSection={<IconGitMerge size={18} aria-hidden />} disabled={!checked} loading={busy} onClick={() => void merge()}>
          {t('reception:merge.confirm')}
        </Button>
        <Button variant="default" leftSection={<IconArrowsExchange size={18} aria-hidden />} onClick={() => navigate(`/reception/patients/${retire.id}/merge?with=${keepId}`)}>
          {t('reception:merge.swap')}
        </Button>
        <Button variant="subtle" onClick={onChooseOther}>{t('reception:merge.chooseOther')}</Button>
      </Group>
    </Stack>
  );
}
