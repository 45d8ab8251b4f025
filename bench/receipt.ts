// What one receipt PDF costs: GET /payments/:id/receipt in English and in Arabic against the same
// run's GET /invoices/:id (same invoice, same auth, audit and facility checks, JSON instead of a
// PDF), in-process through Fastify's inject so only the server's work is timed, one request at a
// time, the three interleaved so drift on a shared machine falls on all of them. Also the PDF
// rendering alone (data already read), and the process CPU per request.
//   node bench/receipt.ts [--db sqlite|postgres|mysql] [--requests 200]
// postgres and mysql need TEST_POSTGRES_URL / TEST_MYSQL_URL, as the tests do.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { startTestApp } from '../test/support/app.ts';
import { configuredDialects } from '../test/support/dialects.ts';
import { createClinic } from '../test/support/scheduling.ts';
import { call } from '../test/support/clinical.ts';
import { uuidv7 } from '../src/server/platform/ids.ts';
import { receiptData } from '../src/server/modules/billing/receipt-data.ts';
import { renderReceipt } from '../src/server/modules/billing/receipt-pdf.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'sqlite' }, requests: { type: 'string', default: '200' } } });
const dialect = configuredDialects().find((d) => d.client === values.db);
if (!dialect) throw new Error(`--db ${values.db}: set TEST_POSTGRES_URL or TEST_MYSQL_URL`);
const requests = Number(values.requests);

const t = await startTestApp(dialect, { LOG_LEVEL: 'warn' });
const clinic = await createClinic(t.app);
await call(t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 0 });
const patient = (await call(t.app, clinic.receptionist, 'POST', '/patients', {
  firstName: 'Mohamed', fatherName: 'Ahmed', lastName: 'Osman', firstNameAr: 'محمد', fatherNameAr: 'أحمد', lastNameAr: 'عثمان', dateOfBirth: '1980-03-01', confirmNew: true,
})).json();
const lines = ['General consultation', 'Malaria RDT', 'Complete blood count', 'Amoxicillin 500 mg capsules', 'Paracetamol 500 mg tablets']
  .map((description, i) => ({ description, quantity: i + 1, unitPrice: 25_000 + i * 1_050 }));
const invoice = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: patient.id, lines })).json();
const payment = (await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${invoice.id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload: { amount: 125_050, method: 'cash' } })).json();

const kinds = {
  'GET /invoices/:id (baseline)': `/api/v1/invoices/${invoice.id}`,
  'GET /payments/:id/receipt?lang=en': `/api/v1/payments/${payment.id}/receipt?lang=en`,
  'GET /payments/:id/receipt?lang=ar': `/api/v1/payments/${payment.id}/receipt?lang=ar`,
};
type Kind = keyof typeof kinds;
const samples = Object.fromEntries(Object.keys(kinds).map((k) => [k, { ms: [] as number[], cpu: 0, bytes: 0 }])) as Record<Kind, { ms: number[]; cpu: number; bytes: number }>;
const once = async (kind: Kind) => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const res = await t.app.inject({ method: 'GET', url: kinds[kind], headers: clinic.billing.headers });
  const ms = performance.now() - start;
  if (res.statusCode !== 200) throw new Error(`${kind}: ${res.statusCode} ${res.body}`);
  const used = process.cpuUsage(cpu);
  return { ms, cpu: (used.user + used.system) / 1000, bytes: res.rawPayload.length };
};
for (let i = 0; i < 20; i++) for (const k of Object.keys(kinds) as Kind[]) await once(k); // warm-up
for (let i = 0; i < requests; i++) {
  for (const k of Object.keys(kinds) as Kind[]) {
    const r = await once(k);
    samples[k].ms.push(r.ms);
    samples[k].cpu += r.cpu;
    samples[k].bytes = r.bytes;
  }
}
const data = await receiptData(t.db.kysely, clinic.facility.id, payment.id);
const render: Record<string, number[]> = { en: [], ar: [] };
for (let i = 0; i < requests; i++) {
  for (const lang of ['en', 'ar'] as const) {
    const start = performance.now();
    await renderReceipt(data, lang);
    render[lang]!.push(performance.now() - start);
  }
}
await t.close();

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const base = samples['GET /invoices/:id (baseline)'];
const baseP50 = pct(base.ms, 0.5);
console.log(`${values.db}, ${requests} requests of each, interleaved, one at a time, ${new Date().toISOString().slice(0, 16)}Z\n`);
console.log('| request | p50 ms | p95 ms | p50 ÷ baseline | CPU ms / request | bytes |');
console.log('|---|---|---|---|---|---|');
for (const [k, s] of Object.entries(samples)) {
  console.log(`| ${k} | ${pct(s.ms, 0.5).toFixed(1)} | ${pct(s.ms, 0.95).toFixed(1)} | ${(pct(s.ms, 0.5) / baseP50).toFixed(1)}× | ${(s.cpu / requests).toFixed(1)} | ${s.bytes} |`);
}
for (const lang of ['en', 'ar']) console.log(`| renderReceipt alone, ${lang} | ${pct(render[lang]!, 0.5).toFixed(1)} | ${pct(render[lang]!, 0.95).toFixed(1)} | ${(pct(render[lang]!, 0.5) / baseP50).toFixed(1)}× | | |`);
