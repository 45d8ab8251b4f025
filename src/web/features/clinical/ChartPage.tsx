// The patient chart: what a clinician needs first — allergies and active problems on top, the
// latest vitals, the medicines being taken, the vitals trend (weight, blood pressure, temperature),
// lab results with their flags, then past encounters with their diagnoses, newest first, a page at a time.
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Splash } from '../../components/Splash.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { DiagnosisLine } from './DiagnosisLine.tsx';
import { LabOrderCard } from './LabOrderCard.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { PrescriptionLine } from './PrescriptionLine.tsx';
import { ProblemLine } from './ProblemLine.tsx';
import { useChart, useEncountersDetail } from './queries.ts';
import { TrendChart } from './TrendChart.tsx';
import { trendSeries } from './trend.ts';
import { VitalsCard } from './VitalsCard.tsx';
import { useEncounterText } from './useEncounterText.ts';
import './clinical.css';

export function ChartPage() {
  const { t } = useTranslation('clinical');
  usePageTitle(t('clinical:chart.title'));
  const { id } = useParams();
  const chart = useChart(id);
  const format = useFormat();
  const words = useEncounterText();
  const encounters = chart.data?.pages.flatMap((p) => p.encounters.items) ?? [];
  const history = useEncountersDetail(encounters.map((e) => e.id));

  if (chart.isPending) return <Splash />;
  if (chart.isError) return <ProblemAlert error={chart.error} />;
  const first = chart.data.pages[0]!;
  const trend = (keys: Parameters<typeof trendSeries>[1]) => trendSeries(history.vitals, keys);

  return (
    <Stack gap="lg" maw={1280}>
      <PatientBanner patientId={first.patient.id} chartLink={false} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs" component="section" aria-labelledby="problems-title">
            <Title order={2} size="h3" id="problems-title">{t('clinical:chart.problems')}</Title>
            {first.problems.length === 0 && <Text size="sm" c="dimmed">{t('clinical:chart.noProblems')}</Text>}
            <Stack gap={4} component="ul" className="nc-plain-list">
              {first.problems.map((p) => <ProblemLine key={p.id} problem={p} />)}
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs" component="section" aria-labelledby="latest-title">
            <Title order={2} size="h3" id="latest-title">{t('clinical:chart.latestVitals')}</Title>
            {first.latestVitals ? <VitalsCard vitals={first.latestVitals} /> : <Text size="sm" c="dimmed">{t('clinical:vitals.none')}</Text>}
          </Stack>
        </Grid.Col>
      </Grid>
      <Stack gap="xs" component="section" aria-labelledby="medicines-title">
        <Title order={2} size="h3" id="medicines-title">{t('clinical:chart.medicines')}</Title>
        {first.activePrescriptions.length === 0 && <Text size="sm" c="dimmed">{t('clinical:chart.noMedicines')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" component="ul" className="nc-plain-list">
          {first.activePrescriptions.map((p) => <Paper key={p.id} component="li" withBorder radius="md" p="sm" data-testid="active-medicine"><PrescriptionLine prescription={p} /></Paper>)}
        </SimpleGrid>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="trend-title">
        <Title order={2} size="h3" id="trend-title">{t('clinical:chart.trend')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TrendChart title={t('clinical:vitals.field.weightKg')} unit={t('clinical:vitals.unit.weightKg')} series={trend(['weightKg'])} minSpan={4} decimals={1} />
          <TrendChart title={t('clinical:vitals.field.bloodPressure')} unit={t('clinical:vitals.unit.bloodPressure')} series={trend(['systolic', 'diastolic'])} minSpan={40} />
          <TrendChart title={t('clinical:vitals.field.temperatureC')} unit={t('clinical:vitals.unit.temperatureC')} series={trend(['temperatureC'])} minSpan={2} decimals={1} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">{t('clinical:chart.trendScope', { count: encounters.length })}</Text>
      </Stack>
      {history.labOrders.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="results-title">
          <Title order={2} size="h3" id="results-title">{t('clinical:chart.labResults')}</Title>
          {history.labOrders.map((o) => <LabOrderCard key={o.id} order={o} />)}
        </Stack>
      )}
      <Stack gap="xs" component="section" aria-labelledby="history-title">
        <Title order={2} size="h3" id="history-title">{t('clinical:chart.encounters')}</Title>
        {encounters.length === 0 && <Text size="sm" c="dimmed">{t('clinical:chart.noEncounters')}</Text>}
        <Stack gap="xs" component="ul" className="nc-plain-list">
          {encounters.map((e) => (
            <Paper key={e.id} component="li" withBorder radius="md" p="sm" data-testid="chart-encounter">
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to={`/clinical/encounters/${e.id}`} fw={600}>{format.date(e.startedAt)} · {words.type(e.type)}</Anchor>
                <Badge color={e.status === 'completed' ? 'teal.9' : 'blue.8'} radius="sm">{words.status(e.status)}</Badge>
              </Group>
              {e.chiefComplaint && <Text size="sm" dir="auto">{e.chiefComplaint}</Text>}
              <Stack gap={4} mt={4}>
                {e.diagnoses.filter((d) => d.amendedById === null).map((d) => <DiagnosisLine key={d.id} diagnosis={d} />)}
              </Stack>
            </Paper>
          ))}
        </Stack>
        {chart.hasNextPage && <Group><Button variant="default" loading={chart.isFetchingNextPage} onClick={() => void chart.fetchNextPage()}>{t('clinical:chart.more')}</Button></Group>}
      </Stack>
    </Stack>
  );
}
