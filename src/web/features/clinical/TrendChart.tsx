// A small line chart in SVG (no chart library: the chart's screen stays a small chunk): one or two
// series over time, flagged points drawn as larger rings, each point with its value as a tooltip.
// For screen readers the chart is one image with a sentence; the readings are also in a table.
import { Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { valueScale, type Series } from './trend.ts';
import './clinical.css';

const W = 320;
const H = 140;
const PAD = { left: 40, right: 10, top: 10, bottom: 20 };
const COLORS = ['var(--mantine-color-blue-8)', 'var(--mantine-color-grape-8)'];

export function TrendChart({ title, unit, series, minSpan, decimals = 0 }: { title: string; unit: string; series: Series[]; minSpan: number; decimals?: number }) {
  const { t } = useTranslation('clinical');
  const format = useFormat();
  const points = series.flatMap((s) => s.points);
  const num = (v: number) => format.number(v, { maximumFractionDigits: decimals });
  if (points.length === 0) {
    return (
      <Paper withBorder radius="md" p="sm"><Text fw={600} size="sm">{title}</Text><Text size="sm" c="dimmed">{t('clinical:chart.noReadings')}</Text></Paper>
    );
  }
  const scale = valueScale(series, minSpan);
  const times = points.map((p) => p.at);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const x = (at: number) => t1 === t0 ? (PAD.left + W - PAD.right) / 2 : PAD.left + ((at - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - scale.min) / (scale.max - scale.min)) * (H - PAD.top - PAD.bottom);
  const latest = series.map((s) => s.points.at(-1)).filter((p) => p !== undefined);
  const summary = t('clinical:chart.summary', { title, count: Math.max(...series.map((s) => s.points.length)), latest: latest.map((p) => num(p.value)).join('/'), unit });
  const label = (s: Series) => t(`clinical:vitals.field.${s.key}`);

  return (
    <Paper withBorder radius="md" p="sm" data-testid="trend-chart">
      <Stack gap={4}>
        <Text fw={600} size="sm">{title} <Text span size="xs" c="dimmed">{unit}</Text></Text>
        {series.length > 1 && (
          <Group gap="sm" aria-hidden>
            {series.map((s, i) => <Text key={s.key} size="xs"><span className={`nc-legend nc-legend-${i}`} /> {label(s)}</Text>)}
          </Group>
        )}
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary} direction="ltr" className="nc-trend">
          {scale.ticks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="nc-trend-grid" />
              <text x={PAD.left - 4} y={y(v) + 4} textAnchor="end" className="nc-trend-tick">{num(v)}</text>
            </g>
          ))}
          <text x={PAD.left} y={H - 4} className="nc-trend-tick">{format.date(t0)}</text>
          {t1 !== t0 && <text x={W - PAD.right} y={H - 4} textAnchor="end" className="nc-trend-tick">{format.date(t1)}</text>}
          {series.map((s, i) => (
            <g key={s.key} stroke={COLORS[i]} fill={COLORS[i]}>
              <polyline fill="none" strokeWidth={2} points={s.points.map((p) => `${x(p.at)},${y(p.value)}`).join(' ')} />
              {s.points.map((p) => (
                <circle key={p.at} cx={x(p.at)} cy={y(p.value)} r={p.flagged ? 5 : 3} fill={p.flagged ? 'var(--mantine-color-red-8)' : COLORS[i]} stroke={p.flagged ? 'var(--mantine-color-red-8)' : COLORS[i]}>
                  <title>{`${label(s)} ${num(p.value)} ${unit} · ${format.dateTime(p.at)}`}</title>
                </circle>
              ))}
            </g>
          ))}
        </svg>
        <VisuallyHidden>
          <Table>
            <Table.Caption>{title}</Table.Caption>
            <Table.Tbody>
              {series.flatMap((s) => s.points.map((p) => (
                <Table.Tr key={`${s.key}-${p.at}`}><Table.Td>{format.dateTime(p.at)}</Table.Td><Table.Td>{label(s)}</Table.Td><Table.Td>{num(p.value)} {unit}</Table.Td></Table.Tr>
              )))}
            </Table.Tbody>
          </Table>
        </VisuallyHidden>
      </Stack>
    </Paper>
  );
}
