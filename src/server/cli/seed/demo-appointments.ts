// Demo appointments that never double-book: each doctor's 30-minute slots in Sunday–Thursday
// 08:00–16:00 (the default facility hours), from three weeks back to three weeks ahead.
import type { SeedAppointment } from '../../modules/scheduling/index.ts';
import { addDays, localDateOf, localMinutesToInstant, weekdayOf } from '../../platform/time.ts';

const TYPES = ['consultation', 'consultation', 'consultation', 'follow_up', 'follow_up', 'procedure', 'vaccination', 'antenatal'];
const DAY_START = 8 * 60;
const SLOT = 30;
const SLOTS_PER_DAY = 16;

function workingDays(zone: string): string[] {
  const today = localDateOf(zone, Date.now());
  const days: string[] = [];
  for (let d = -21; d <= 21; d++) {
    const date = addDays(today, d);
    if (weekdayOf(date) <= 4) days.push(date); // 0 = Sunday … 4 = Thursday
  }
  return days;
}

/** How many appointments one doctor's calendar holds in the seeded weeks. */
export function slotsPerDoctor(zone: string): number {
  return workingDays(zone).length * SLOTS_PER_DAY;
}

export function demoAppointments(random: () => number, o: { patientIds: string[]; doctorIds: string[]; count: number; zone: string }): SeedAppointment[] {
  const today = localDateOf(o.zone, Date.now());
  const days = workingDays(o.zone);
  // Every free (doctor, day, slot), shuffled, then the first `count` taken.
  const free: [number, number, number][] = [];
  for (let doc = 0; doc < o.doctorIds.length; doc++) for (let day = 0; day < days.length; day++) for (let s = 0; s < SLOTS_PER_DAY; s++) free.push([doc, day, s]);
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [free[i], free[j]] = [free[j]!, free[i]!];
  }
  return free.slice(0, o.count).map(([doc, day, s]) => {
    const date = days[day]!;
    const startsAt = new Date(localMinutesToInstant(o.zone, date, DAY_START + s * SLOT));
    const past = date < today;
    const r = random();
    return {
      patientId: o.patientIds[Math.floor(random() * o.patientIds.length)]!,
      providerId: o.doctorIds[doc]!,
      startsAt,
      durationMinutes: SLOT,
      type: TYPES[Math.floor(random() * TYPES.length)]!,
      status: past ? (r < 0.8 ? 'completed' : r < 0.9 ? 'no_show' : 'cancelled') : date === today ? (r < 0.3 ? 'checked_in' : 'scheduled') : 'scheduled',
    };
  });
}
