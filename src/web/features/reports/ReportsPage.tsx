// The reports dashboard: a period (the month so far unless chosen; kept in the URL so a link
// shares it), headline figures, revenue by day and method as a chart, then every section as a
// table with its CSV download. Days are the facility's, as the server counts them.
import { useState } from 'react';
import { Button, Grid, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSession } from '../../app/session/SessionProvider.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { addDays, isDate, todayIn } from '../scheduling/day.ts';
import { formatMoney } from './money.ts';
import { RevenueChart } from './RevenueChart.tsx';
import { CsvButton, SectionTable } from './SectionTable.tsx';
import './reports.css';
import { sectionOf, useSummary, type Summary } from './summary.ts';

// Revenue by day is the chart (a year would be a table of 1,460 rows); its CSV button sits on the chart.
const TABLES = ['billing.revenueByMethod', 'billing.outstanding', 'billing.payerShares', 'clinical.topDiagnoses', 'scheduling.appointmentsByStatus', 'clinical.encountersByType'];

export function ReportsPage() {
  const { t } = useTranslation('reports');
  usePageTitle(t('reports:title'));
  const { facility } = useSession();
  const today = todayIn(facility?.timeZone ?? 'Africa/Khartoum');
  const [params, setParams] = useSearchParams();
  const from = isDate(params.get('from')) ? params.get('from')! : `${today.slice(0, 8)}01`;
  const to = isDate(params.get('to')) ? params.get('to')! : today;
  const summary = useSummary(from, to);
  const choose = (f: string, tt: string) => setParams({ from: f, to: tt }, { replace: true });

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('reports:title')}</Title>
      <PeriodPicker from={from} to={to} today={today} onChange={choose} />
      {summary.isError && <ProblemAlert error={summary.error} detail />}
      {summary.data && <Dashboard summary={summary.data} />}
      {summary.isPending && <Text c="dimmed" role="status">{t('reports:loading')}</Text>}
    </Stack>
  );
}

function PeriodPicker({ from, to, today, onChange }: { from: string; to: string; today: string; onChange(from: string, to: string): void }) {
  const { t } = useTranslation('reports');
  const [draft, setDraft] = useState({ from, to });
  const presets = [
    { label: t('reports:period.month'), from: `${today.slice(0, 8)}01`, to: today },
    { label: t('reports:period.last30'), from: addDays(today, -29), to: today },
    { label: t('reports:period.year'), from: `${today.slice(0, 4)}-01-01`, to: today },
  ];
  return (
    <Group align="flex-end" gap="sm" role="group" aria-label={t('reports:period.label')}>
      {presets.map((p) => (
        <Button key={p.label} variant={p.from === from && p.to === to ? 'filled' : 'default'} aria-pressed={p.from === from && p.to === to}
          onClick={() => { setDraft({ from: p.from, to: p.to }); onChange(p.from, p.to); }}>{p.label}</Button>
      ))}
      <TextInput type="date" label={t('reports:period.from')} value={draft.from} max={draft.to} dir="ltr" w={170} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
      <TextInput type="date" label={t('reports:period.to')} value={draft.to} min={draft.from} dir="ltr" w={170} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
      <Button variant="light" disabled={!isDate(draft.from) || !isDate(draft.to)} onClick={() => onChange(draft.from, draft.to)}>{t('reports:period.show')}</Button>
    </Group>
  );
}

function Dashboard({ summary }: { summary: Summary }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const byMethod = sectionOf(summary, 'billing.revenueByMethod');
  const currencies = [...new Set([...(byMethod?.rows ?? []), ...(sectionOf(summary, 'billing.outstanding')?.rows ?? [])].map((r) => String(r[0])))].sort();
  const [chosen, setCurrency] = useState<string | null>(null);
  const currency = chosen && currencies.includes(chosen) ? chosen : currencies[0] ?? 'SDG';
  const net = (byMethod?.rows ?? []).filter((r) => r[0] === currency).reduce((s, r) => s + Number(r[5]), 0);
  const outstandingSection = sectionOf(summary, 'billing.outstanding');
  // By column name: the section's columns grew a payer's share before the outstanding amount.
  const outstanding = Number(outstandingSection?.rows.find((r) => r[0] === currency)?.[outstandingSection.columns.indexOf('outstanding')] ?? 0);
  const registered = Number(sectionOf(summary, 'patients.registered')?.rows[0]?.[0] ?? 0);
  const encounters = (sectionOf(summary, 'clinical.encountersByType')?.rows ?? []).reduce((s, r) => s + Number(r[1]), 0);
  const byDay = sectionOf(summary, 'billing.revenueByDay');
  const figures: [string, string, string, number][] = [
    ['registered', t('reports:figures.registered'), format.number(registered), registered],
    ['encounters', t('reports:figures.encounters'), format.number(encounters), encounters],
    ['net', t('reports:figures.net', { currency }), formatMoney(net, currency, format.settings), net],
    ['outstanding', t('reports:figures.outstanding', { currency }), formatMoney(outstanding, currency, format.settings), outstanding],
  ];
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">{t('reports:periodShown', { from: format.calendarDate(summary.from), to: format.calendarDate(summary.to) })}</Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {figures.map(([key, label, shown, value]) => (
          <Paper key={key} withBorder radius="md" p="md" data-figure={key} data-value={value}>
            <Text size="sm" c="dimmed">{label}</Text>
            <Text fw={700} size="xl">{shown}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      {byDay && (
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm" align="flex-start">
            <Title order={2} size="h4">{t('reports:chart.heading')}</Title>
            <Group gap="sm" align="flex-start">
              {currencies.length > 1 && <SegmentedControl size="xs" data={currencies} value={currency} onChange={setCurrency} aria-label={t('reports:chart.currency')} />}
              <CsvButton id="billing.revenueByDay" from={summary.from} to={summary.to} />
            </Group>
          </Group>
          <RevenueChart section={byDay} from={summary.from} to={summary.to} currency={currency} />
        </Paper>
      )}
      <Grid>
        {TABLES.map((id) => sectionOf(summary, id)).filter((s) => s !== undefined).map((s) => (
          // Tables of four or more columns (money by currency) take the whole width.
          <Grid.Col key={s.id} span={{ base: 12, md: s.columns.length > 3 ? 12 : 6 }}>
            <SectionTable section={s} from={summary.from} to={summary.to} caption={s.note ? t(`reports:notes.${s.id}`) : undefined} />
          </Grid.Col>
        ))}
      </Grid>
    </Stack>
  );
}
