// The encounter's lab orders: each with its results and flags as the lab enters them, and — while
// the encounter is open — ordering: pick tests from the catalog (English or Arabic), the priority, order.
import { useState } from 'react';
import { Button, CloseButton, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCan } from '../../app/session/permissions.ts';
import { CatalogSearch } from './CatalogSearch.tsx';
import { TwoScriptTitle } from './Icd10Search.tsx';
import { LabOrderCard } from './LabOrderCard.tsx';
import { useLabTestSearch, useOrderLabTests } from './queries.ts';
import type { Encounter, LabTestItem } from './types.ts';

type Priority = 'routine' | 'urgent' | 'stat';

export function LabOrdersSection({ encounter }: { encounter: Encounter }) {
  const { t } = useTranslation('clinical');
  const canOrder = useCan('lab:order');
  const open = encounter.status === 'in_progress';
  return (
    <Stack gap="sm" component="section" aria-labelledby="lab-title">
      <Title order={2} size="h3" id="lab-title">{t('clinical:lab.title')}</Title>
      {encounter.labOrders.length === 0 && <Text size="sm" c="dimmed">{t('clinical:lab.none')}</Text>}
      {encounter.labOrders.map((o) => <LabOrderCard key={o.id} order={o} />)}
      {canOrder && open && <LabOrderForm encounterId={encounter.id} />}
    </Stack>
  );
}

function LabOrderForm({ encounterId }: { encounterId: string }) {
  const { t } = useTranslation('clinical');
  const order = useOrderLabTests(encounterId);
  const [tests, setTests] = useState<LabTestItem[]>([]);
  const [priority, setPriority] = useState<Priority>('routine');
  const add = (item: LabTestItem) => setTests((list) => (list.some((x) => x.code === item.code) ? list : [...list, item]));
  const send = () => order.mutate({ tests: tests.map((x) => x.code), priority }, { onSuccess: () => { setTests([]); setPriority('routine'); } });
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="sm">
        <CatalogSearch<LabTestItem>
          label={t('clinical:lab.search')} hint={t('clinical:lab.searchHint')} useSearch={useLabTestSearch} keyOf={(x) => x.code} onPick={add}
          render={(x) => <span className="nc-icd-row"><TwoScriptTitle en={x.name} ar={x.nameAr} /><Text span size="xs" c="dimmed"><Bdi ltr>{x.code}</Bdi> · {x.specimen}</Text></span>}
        />
        {tests.length > 0 && (
          <Stack gap={4} component="ul" className="nc-plain-list" aria-label={t('clinical:lab.chosen')}>
            {tests.map((x) => (
              <Group key={x.code} component="li" gap="xs" data-testid="chosen-test">
                <TwoScriptTitle en={x.name} ar={x.nameAr} />
                <CloseButton size="sm" aria-label={t('clinical:lab.remove', { name: x.name })} onClick={() => setTests((list) => list.filter((y) => y.code !== x.code))} />
              </Group>
            ))}
          </Stack>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="lab-priority">{t('clinical:lab.priorityLabel')}</Text>
          <SegmentedControl aria-labelledby="lab-priority" value={priority} onChange={(v) => setPriority(v === 'stat' || v === 'urgent' ? v : 'routine')} w="fit-content"
            data={(['routine', 'urgent', 'stat'] as const).map((p) => ({ value: p, label: t(`clinical:lab.priority.${p}`) }))} />
        </Stack>
        {order.isError && <ProblemAlert error={order.error} />}
        <Group><Button onClick={send} disabled={tests.length === 0} loading={order.isPending}>{t('clinical:lab.order', { count: tests.length })}</Button></Group>
      </Stack>
    </Paper>
  );
}
