// The facility's payers: each with its coverage of consultations and procedures, lab tests and
// medicines. Admins add one, change one (later invoices use the new shares), or deactivate one
// (no new coverage or shares; its claims stay) and bring it back.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { PayerForm, type PayerValues } from './PayerForm.tsx';
import { PricingNav } from './PricingNav.tsx';
import { PRICE_KINDS, usePayers, type Payer } from './queries.ts';

export function PayersPage() {
  const { t } = useTranslation('pricing');
  usePageTitle(t('pricing:payers.title'));
  const format = useFormat();
  const client = useQueryClient();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Payer | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const payers = usePayers(showInactive);
  const items = payers.data?.items ?? [];
  const refresh = () => client.invalidateQueries({ queryKey: ['pricing', 'payers'] });

  const save = async (values: PayerValues) => {
    if (editing === 'new') await call(api.POST('/api/v1/payers', { body: values }));
    else if (editing) await call(api.PATCH('/api/v1/payers/{id}', { params: { path: { id: editing.id } }, body: values }));
    await refresh();
    setNotice(t(editing === 'new' ? 'pricing:payers.added' : 'pricing:payers.saved', { name: values.name }));
    setEditing(null);
  };
  const setActive = async (p: Payer, active: boolean) => {
    setProblem(null);
    try {
      if (active) await call(api.PATCH('/api/v1/payers/{id}', { params: { path: { id: p.id } }, body: { active: true } }));
      else await call(api.POST('/api/v1/payers/{id}/deactivate', { params: { path: { id: p.id } } }));
      await refresh();
      setNotice(t(active ? 'pricing:payers.reactivated' : 'pricing:payers.deactivated', { name: p.name }));
    } catch (error) {
      setProblem(error);
    }
  };
  const percent = (bp: number) => format.number(bp / 10000, { style: 'percent', maximumFractionDigits: 2 });

  return (
    <Stack maw={1100} gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('pricing:payers.title')}</Title>
          <Text c="dimmed">{t('pricing:payers.intro')}</Text>
        </Stack>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => { setNotice(null); setEditing('new'); }}>{t('pricing:payers.add')}</Button>
      </Group>
      <PricingNav />
      <Switch label={t('pricing:payers.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
      {notice && <Alert role="status" color="teal" withCloseButton closeButtonLabel={t('common:close')} onClose={() => setNotice(null)}>{notice}</Alert>}
      {problem !== null && <ProblemAlert error={problem} />}
      {payers.isError && <ProblemAlert error={payers.error} />}
      {payers.isSuccess && items.length === 0 && <Text c="dimmed" role="status">{t('pricing:payers.none')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label={t('pricing:payers.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pricing:payers.name')}</Table.Th><Table.Th>{t('pricing:payers.kind')}</Table.Th>
                {PRICE_KINDS.map((k) => <Table.Th key={k}>{t(`pricing:kinds.${k}`)}</Table.Th>)}
                <Table.Th>{t('pricing:payers.status')}</Table.Th><Table.Th><VisuallyHidden>{t('pricing:prices.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id} data-testid="payer-row">
                  <Table.Td dir="auto">{p.name}</Table.Td>
                  <Table.Td>{t(`pricing:payerKinds.${p.kind}`)}</Table.Td>
                  {PRICE_KINDS.map((k) => <Table.Td key={k}>{percent(p.coverage[k])}</Table.Td>)}
                  <Table.Td><Badge variant="light" color={p.active ? 'nile' : 'gray'}>{t(p.active ? 'pricing:payers.active' : 'pricing:payers.inactive')}</Badge></Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      <Button size="xs" variant="default" onClick={() => { setNotice(null); setEditing(p); }} aria-label={t('pricing:payers.editOf', { name: p.name })}>{t('pricing:payers.edit')}</Button>
                      <Button size="xs" variant="subtle" color={p.active ? 'red' : undefined} onClick={() => void setActive(p, !p.active)}
                        aria-label={t(p.active ? 'pricing:payers.deactivateOf' : 'pricing:payers.reactivateOf', { name: p.name })}>{t(p.active ? 'pricing:payers.deactivate' : 'pricing:payers.reactivate')}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} size="lg" centered closeButtonProps={{ 'aria-label': t('common:close') }}
        title={editing === 'new' ? t('pricing:payers.addTitle') : t('pricing:payers.editTitle')}>
        {editing !== null && <PayerForm payer={editing === 'new' ? undefined : editing} onSubmit={save} />}
      </Modal>
    </Stack>
  );
}
