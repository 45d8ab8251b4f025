// What the benchmark asks for: the front desk's patient search and the day's appointment list,
// plus a patient record read; each request picks its own patient, term or doctor.
import type { Db } from '../src/server/db/connect.ts';
import { localDateOf } from '../src/server/platform/time.ts';

export interface Fixtures { patientIds: string[]; terms: string[]; doctorIds: string[]; today: string }

const NAME_TERMS = ['Muhammad', 'moh', 'Ahmad', 'fatma', 'Abdel Rahman', 'osman', 'Hussain', 'Yousef Elamin', 'khadija', 'amna ibr',
  'احمد', 'محمد', 'فاطمه', 'عبدالرحمن', 'عثمان', 'محمد الطيب', 'امنه', 'يوسف'];

export const scenarios = {
  async fixtures(db: Db): Promise<Fixtures> {
    const sample = await db.kysely.selectFrom('patients').select(['id', 'mrn', 'phone']).orderBy('id').limit(1000).execute();
    const facility = await db.kysely.selectFrom('facilities').select('time_zone').orderBy('created_at').limit(1).executeTakeFirstOrThrow();
    const today = localDateOf(facility.time_zone, Date.now());
    const doctors = await db.kysely.selectFrom('memberships').select('user_id').where('role', '=', 'doctor').execute();
    const pick = (i: number) => sample[(i * 37) % sample.length]!;
    const identifiers = Array.from({ length: 20 }, (_, i) => (i % 2 ? pick(i).mrn : `0${pick(i).phone!.slice(4)}`));
    return { patientIds: sample.map((p) => p.id), terms: [...NAME_TERMS, ...identifiers], doctorIds: doctors.map((d) => d.user_id), today };
  },

  list(f: Fixtures) {
    let i = 0;
    const next = <T>(list: T[]) => list[i++ % list.length]!;
    return [
      { name: 'patient search (name in either script, MRN, phone)', path: () => `/api/v1/patients?q=${encodeURIComponent(next(f.terms))}&limit=20` },
      { name: "day's appointment list (one doctor)", path: () => `/api/v1/appointments?from=${f.today}&to=${f.today}&providerId=${next(f.doctorIds)}&limit=50` },
      { name: 'patient record by id', path: () => `/api/v1/patients/${next(f.patientIds)}` },
    ];
  },

  baselinePath(f: Fixtures) {
    let i = 0;
    return () => `/baseline/patients/${f.patientIds[i++ % f.patientIds.length]}`;
  },
};
