// Revenue by day, stacked by payment method, as a plain SVG (no chart library: a few hundred
// bytes of drawing instead of recharts' ~100 kB). Refund-heavy days go below the zero line. Time
// runs in the reading direction, so in Arabic the first day is on the right.
import { useId } from 'react';
import { useElementSize } from '@mantine/hooks';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { localeOf } from '../../i18n/format.ts';
import { formatMoney } from './money.ts';
import type { Section } from './summary.ts';

export const METHODS = ['cash', 'mobile_money', 'bank_transfer', 'card'] as const;
export const METHOD_COLOURS: Record<string, string> = {
  cash: 'var(--mantine-color-teal-6)', mobile_money: 'var(--mantine-color-violet-6)', bank_transfer: 'var(--mantine-color-blue-6)', card: 'var(--mantine-color-orange-6)',
};
const H = 260, PAD_AXIS = 64, PAD_END = 8, PAD_TOP = 10, PAD_BOTTOM = 28;

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`) && out.length < 400; d += 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

export function RevenueChart({ section, from, to, currency }: { section: Section; from: string; to: string; currency: string }) {
  const { t, i18n } = useTranslation('reports');
  const format = useFormat();
  const titleId = useId();
  // Drawn at the width it is shown at, so labels keep their size on a phone instead of shrinking.
  const { ref, width } = useElementSize();
  const W = Math.max(300, Math.round(width) || 800);
  const rtl = i18n.dir() === 'rtl';
  const days = daysBetween(from, to);
  const byDay = new Map<string, Record<string, number>>();
  for (const [day, cur, method, net] of section.rows as [string, string, string, number][]) {
    if (cur !== currency) continue;
    const d = byDay.get(day) ?? {};
    d[method] = (d[method] ?? 0) + net;
    byDay.set(day, d);
  }
  const sums = days.map((d) => Object.values(byDay.get(d) ?? {}));
  const top = Math.max(1, ...sums.map((v) => v.filter((x) => x > 0).reduce((a, b) => a + b, 0)));
  const bottom = Math.min(0, ...sums.map((v) => v.filter((x) => x < 0).reduce((a, b) => a + b, 0)));
  const plotW = W - PAD_AXIS - PAD_END, plotH = H - PAD_TOP - PAD_BOTTOM;
  const y = (v: number) => PAD_TOP + ((top - v) / (top - bottom)) * plotH;
  const band = plotW / days.length;
  const x = (i: number) => (rtl ? W - PAD_AXIS - (i + 1) * band : PAD_AXIS + i * band);
  const axisX = rtl ? W - PAD_AXIS + 6 : PAD_AXIS - 6;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => bottom + (top - bottom) * f);
  const short = (minor: number) => format.number(minor / 100, { notation: 'compact', maximumFractionDigits: 1 });
  const dayLabel = new Intl.DateTimeFormat(localeOf(format.settings), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(W / 130))));
  const total = sums.flat().reduce((a, b) => a + b, 0);

  return (
    <figure ref={ref} className="nc-report-chart" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={titleId} data-testid="revenue-chart">
        <title id={titleId}>{t('reports:chart.title', { currency, total: formatMoney(total, currency, format.settings) })}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={rtl ? PAD_END : PAD_AXIS} x2={rtl ? W - PAD_AXIS : W - PAD_END} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-gray-3)" strokeWidth={v === 0 ? 1.5 : 1} />
            <text x={axisX} y={y(v) + 4} fontSize={12} textAnchor={rtl ? 'start' : 'end'} fill="var(--mantine-color-dimmed)">{short(v)}</text>
          </g>
        ))}
        {days.map((day, i) => {
          const parts = byDay.get(day) ?? {};
          let up = 0, down = 0;
          return (
            <g key={day} data-day={day}>
              {METHODS.filter((m) => parts[m]).map((m) => {
                const v = parts[m]!;
                const [a, b] = v > 0 ? [up, (up += v)] : [down, (down += v)];
                return <rect key={m} x={x(i) + band * 0.1} width={Math.max(band * 0.8, 0.5)} y={y(Math.max(a, b))} height={Math.max(Math.abs(y(a) - y(b)), 0.5)} fill={METHOD_COLOURS[m]}>
                  <title>{`${dayLabel.format(new Date(`${day}T00:00:00Z`))} · ${t(`reports:values.${m}`)}: ${formatMoney(v, currency, format.settings)}`}</title>
                </rect>;
              })}
              {i % labelEvery === 0 && <text x={x(i) + band / 2} y={H - 8} fontSize={12} textAnchor="middle" fill="var(--mantine-color-dimmed)">{dayLabel.format(new Date(`${day}T00:00:00Z`))}</text>}
            </g>
          );
        })}
      </svg>
      <Group component="figcaption" gap="md" mt="xs" aria-label={t('reports:chart.legend')}>
        {METHODS.map((m) => (
          <Group key={m} gap={6} wrap="nowrap">
            <span aria-hidden style={{ inlineSize: 12, blockSize: 12, borderRadius: 2, background: METHOD_COLOURS[m], display: 'inline-block' }} />
            <Text size="sm">{t(`reports:values.${m}`)}</Text>
          </Group>
        ))}
      </Group>
    </figure>
  );
}
