// The vitals trend's data: corrected recordings left out, time order, flagged points marked, and a
// value axis with round ticks that holds every point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trendSeries, valueScale } from './trend.ts';
import type { Vitals } from './types.ts';

const at = (day: number) => `2026-03-0${day}T08:00:00.000Z`;
const recording = (o: Partial<Vitals>): Vitals => ({
  id: 'v', encounterId: 'e', temperatureC: null, pulse: null, respiratoryRate: null, systolic: null, diastolic: null, spo2: null, weightKg: null, heightCm: null,
  muacMm: null, painScore: null, bloodGlucoseMmol: null, bmi: null, abnormal: [], recordedBy: 'u', recordedAt: at(1),
  amendsId: null, amendReason: null, amendedById: null, ...o,
});

test('series in time order, without recordings corrected later, flagged points marked', () => {
  const [weight, temperature] = trendSeries([
    recording({ recordedAt: at(3), weightKg: 61, temperatureC: 39, abnormal: [{ field: 'temperatureC', flag: 'high', normalRange: '36–37.5', band: 'adult' }] }),
    recording({ recordedAt: at(1), weightKg: 64 }),
    recording({ recordedAt: at(2), weightKg: 6.3, amendedById: 'x' }),
  ], ['weightKg', 'temperatureC']);
  assert.deepEqual(weight!.points.map((p) => p.value), [64, 61]);
  assert.deepEqual(temperature!.points.map((p) => [p.value, p.flagged]), [[39, true]]);
});

test('the value axis holds every point with round ticks, and a minimum span around a single value', () => {
  const series = (values: number[]) => [{ key: 'weightKg' as const, points: values.map((value, i) => ({ at: i, value, flagged: false })) }];
  const wide = valueScale(series([62, 71.5]), 4);
  assert.ok(wide.min <= 62 && wide.max >= 71.5);
  assert.deepEqual(wide.ticks, [60, 65, 70, 75]);
  const single = valueScale(series([64]), 4);
  assert.deepEqual([single.min, single.max], [62, 66]);
  assert.deepEqual(valueScale([], 4).ticks, []);
});
