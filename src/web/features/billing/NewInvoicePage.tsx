// A manual invoice (a walk-in buying a service, a procedure without an encounter): the patient
// from the registry, lines picked from the facility's price list with a quantity. The server
// computes the totals and the number; the screen shows the running total from the same integers.
import { useState } from 'react';
import { Button, CloseButton, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PatientSummary } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { PatientSearch } from '../reception/PatientSearch.tsx';
import { PatientName } from '../reception/PatientName.tsx';
import { BillingNav } from './BillingNav.tsx';
import { useCreateInvoice, usePriceList } from './queries.ts';
import { useMoney } from './useMoney.ts';
import type { Price } from './types.ts';
import './billing.css';

interface Line { price: Price; quantity: number }
const CURRENCY = 'SDG'; // the facility's default; a USD invoice would filter the list by USD prices

export function NewInvoicePage() {
  const { t } = useTranslation('invoicing');
  usePageTitle(t('invoicing:new.title'));
  const format = useFormat();
  const money = useMoney();
  const navigate = useNavigate();
  const prices = usePriceList();
  const create = useCreateInvoice();
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [missing, setMissing] = useState(false);
  const offered = (prices.data ?? []).filter((p) => p.currency === CURRENCY);
  const total = lines.reduce((sum, l) => sum + l.quantity * l.price.unitPrice, 0); // integers: exact
  const qty = Number(quantity);
  const qtyValid = Number.isInteger(qty) && qty >= 1 && qty <= 10_000;

  function add() {
    const price = offered.find((p) => p.id === picked);
    if (!price || !qtyValid) return;
    setLines([...lines, { price, quantity: qty }]);
    setPicked(null);
    setQuantity(1);
  }
  function submit() {
    if (!patient || lines.length === 0) return setMissing(true);
    create.mutate({ patientId: patient.id, lines: lines.map((l) => ({ description: l.price.name, quantity: l.quantity, unitPrice: l.price.unitPrice, serviceCode: l.price.code })) },
      { onSuccess: (inv) => void navigate(`/billing/invoices/${inv.id}`) });
  }

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('invoicing:new.title')}</Title>
      <BillingNav />
      <Paper withBorder radius="md" p="md">
        {patient ? (
          <Group gap="xs">
            <Text size="sm">{t('invoicing:new.patient')}</Text>
            <PatientName patient={patient} />
            <CloseButton aria-label={t('invoicing:search.clearPatient')} onClick={() => setPatient(null)} />
          </Group>
        ) : <PatientSearch label={t('invoicing:new.findPatient')} onPick={setPatient} />}
        {missing && !patient && <Text size="sm" c="red.8" mt="xs">{t('invoicing:new.patientRequired')}</Text>}
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="lines-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="lines-title">{t('invoicing:new.lines')}</Title>
          {prices.isError && <ProblemAlert error={prices.error} />}
          <Group align="flex-end" gap="sm">
            <Select label={t('invoicing:new.service')} searchable value={picked} onChange={setPicked} nothingFoundMessage={t('invoicing:new.noPrice')} style={{ flex: '1 1 320px' }}
              data={offered.map((p) => ({ value: p.id, label: `${p.name} · ${money(p.unitPrice, p.currency)}` }))} />
            <NumberInput label={t('invoicing:invoice.quantity')} value={quantity} onChange={setQuantity} min={1} max={10_000} allowDecimal={false} w={110}
              error={!qtyValid ? t('invoicing:new.quantityRange') : undefined} />
            <Button variant="default" onClick={add} disabled={!picked || !qtyValid}>{t('invoicing:new.addLine')}</Button>
          </Group>
          {lines.length > 0 && (
            <Table verticalSpacing="xs" aria-label={t('invoicing:new.lines')}>
              <Table.Tbody>
                {lines.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{l.price.name}</Table.Td>
                    <Table.Td className="nc-money">{format.number(l.quantity)} × {money(l.price.unitPrice, l.price.currency)}</Table.Td>
                    <Table.Td className="nc-money">{money(l.quantity * l.price.unitPrice, l.price.currency)}</Table.Td>
                    <Table.Td w={40}><CloseButton aria-label={t('invoicing:new.removeLine', { name: l.price.name })} onClick={() => setLines(lines.filter((_, j) => j !== i))} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {missing && lines.length === 0 && <Text size="sm" c="red.8">{t('invoicing:new.linesRequired')}</Text>}
          <Group justify="space-between">
            <Text fw={700}>{t('invoicing:new.total', { total: money(total, CURRENCY) })}</Text>
            <Button onClick={submit} loading={create.isPending}>{t('invoicing:new.issue')}</Button>
          </Group>
          {create.isError && <ProblemAlert error={create.error} detail />}
        </Stack>
      </Paper>
    </Stack>
  );
}
