// The vitals trend's data: the current (not corrected) recordings of the given encounters, as
// series of points in time order, and the scale a chart draws them on. Pure (trend.test.ts).
import type { Vitals } from './types.ts';

export interface Point { at: number; value: number; flagged: boolean }
export interface Series { key: 'weightKg' | 'systolic' | 'diastolic' | 'temperatureC'; points: Point[] }

export function trendSeries(recordings: readonly Vitals[], keys: readonly Series['key'][]): Series[] {
  const current = recordings.filter((v) => v.amendedById === null).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  return keys.map((key) => ({
    key,
    points: current.flatMap((v) => v[key] === null ? [] : [{ at: Date.parse(v.recordedAt), value: v[key], flagged: v.abnormal.some((a) => a.field === key) }]),
  }));
}

export interface Scale { min: number; max: number; ticks: number[] }

/** A value axis with round ticks that holds every point (with some room above and below). */
export function valueScale(series: readonly Series[], minSpan: number): Scale {
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  if (values.length === 0) return { min: 0, max: 1, ticks: [] };
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    [lo, hi] = [mid - minSpan / 2, mid + minSpan / 2];
  }
  const rough = (hi - lo) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return { min, max, ticks };
}
