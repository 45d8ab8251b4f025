// The facility's price list by category (consultations and procedures, lab tests, medicines): the
// current price of each code, changing one (a new version), adding one, and each price's history.
import { useRef, useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { Money } from './Money.tsx';
import { moneyText } from './money.ts';
import { PriceForm, type PriceDraft } from './PriceForm.tsx';
import { PriceHistory } from './PriceHistory.tsx';
import { PricingNav } from './PricingNav.tsx';
import { PRICE_KINDS, usePrices, type PriceKind } from './queries.ts';

export function PriceListPage() {
  const { t } = useTranslation('pricing');
  usePageTitle(t('pricing:prices.title'));
  const format = useFormat();
  const [kind, setKind] = useState<PriceKind>('service');
  const [draft, setDraft] = useState<PriceDraft | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const prices = usePrices(kind);
  const items = prices.data?.items ?? [];
  const change = (p: (typeof items)[number]) => {
    setSaved(null);
    setDraft({ code: p.code, name: p.name, unitPrice: moneyText(p.unitPrice), currency: p.currency });
    formRef.current?.scrollIntoView({ block: 'center' });
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input[inputmode="decimal"]')?.focus());
  };
  return (
    <Stack maw={1100} gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('pricing:prices.title')}</Title>
        <Text c="dimmed">{t('pricing:prices.intro')}</Text>
      </Stack>
      <PricingNav />
      <SegmentedControl aria-label={t('pricing:prices.category')} value={kind} onChange={(v) => { setKind(v as PriceKind); setDraft(null); }}
        data={PRICE_KINDS.map((k) => ({ value: k, label: t(`pricing:kinds.${k}`) }))} style={{ alignSelf: 'flex-start' }} />
      {saved && <Alert role="status" color="teal" withCloseButton closeButtonLabel={t('common:close')} onClose={() => setSaved(null)}>{saved}</Alert>}
      {prices.isError && <ProblemAlert error={prices.error} />}
      {prices.isSuccess && items.length === 0 && <Text c="dimmed" role="status">{t('pricing:prices.none')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t(`pricing:kinds.${kind}`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pricing:prices.code')}</Table.Th><Table.Th>{t('pricing:prices.name')}</Table.Th><Table.Th>{t('pricing:prices.price')}</Table.Th>
                <Table.Th>{t('pricing:history.version')}</Table.Th><Table.Th>{t('pricing:prices.since')}</Table.Th><Table.Th><VisuallyHidden>{t('pricing:prices.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td><Bdi ltr>{p.code}</Bdi></Table.Td>
                  <Table.Td dir="auto">{p.name}</Table.Td>
                  <Table.Td><Money minor={p.unitPrice} currency={p.currency} /></Table.Td>
                  <Table.Td>{format.number(p.version)}</Table.Td>
                  <Table.Td>{format.date(p.validFrom)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      <Button size="xs" variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => change(p)} aria-label={t('pricing:prices.changeOf', { name: p.name })}>{t('pricing:prices.change')}</Button>
                      <Button size="xs" variant="subtle" leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setHistoryOf(p.code)} aria-label={t('pricing:prices.historyOf', { name: p.name })}>{t('pricing:prices.history')}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <div ref={formRef}>
        <PriceForm key={`${kind}:${draft?.code ?? ''}:${draft?.currency ?? ''}`} kind={kind} draft={draft} onSaved={(message) => { setDraft(null); setSaved(message); }} />
      </div>
      {draft && <Group><Button variant="subtle" onClick={() => setDraft(null)}>{t('pricing:prices.addInstead')}</Button></Group>}
      <PriceHistory kind={kind} code={historyOf} onClose={() => setHistoryOf(null)} />
    </Stack>
  );
}
