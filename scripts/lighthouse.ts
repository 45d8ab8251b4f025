// `npm run lighthouse`: Lighthouse (the npm package) with its default mobile throttling, driving
// Debian's Chromium, on the screens a clinic opens most — sign-in, patient search and the day view
// — against the real server with the built app on a fresh SQLite database with demo data. Three
// runs per screen; the median is reported and checked against the floors
// (performance ≥ 90, accessibility ≥ 95). Writes test-artifacts/lighthouse/<screen>.json.
// Not part of CI: it takes a few minutes and scores move with the machine's load.
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { startE2EServer } from '../test/e2e/support/server.ts';
import { signIn } from '../test/e2e/support/page.ts';
import { chromiumPath } from '../test/e2e/support/browser.ts';
import { seedPatients } from '../src/server/modules/patients/index.ts';
import { seedAppointments } from '../src/server/modules/scheduling/index.ts';
import { demoPatient, randomGenerator } from '../src/server/cli/seed/demo-patients.ts';
import { demoAppointments } from '../src/server/cli/seed/demo-appointments.ts';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const FLOORS = { performance: 90, accessibility: 95 };
const OUT = path.join(import.meta.dirname, '..', 'test-artifacts', 'lighthouse');

interface Screen { name: string; path: string; signedIn: boolean }
const SCREENS: Screen[] = [
  { name: 'sign-in', path: '/sign-in', signedIn: false },
  { name: 'patient-search', path: '/reception', signedIn: true },
  { name: 'day-view', path: '/scheduling', signedIn: true },
];

if (!chromiumPath) {
  console.error('lighthouse: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)');
  process.exit(2);
}

const server = await startE2EServer({ client: 'sqlite' });
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
let failed = false;
try {
  const { ctx } = server.app;
  const random = randomGenerator(7);
  const patientIds = await seedPatients(ctx, server.facility.id, Array.from({ length: 500 }, (_, i) => demoPatient(random, i)));
  const doctors = await Promise.all(['Khalid Osman Ali', 'Mona Yousif Ahmed', 'Tariq Hassan Idris'].map((name) => server.user('doctor', { name })));
  await seedAppointments(ctx, server.facility.id, demoAppointments(random, { patientIds, doctorIds: doctors.map((d) => d.id), count: 600, zone: 'Africa/Khartoum' }));
  const receptionist = await server.user('receptionist', { name: 'Amira Hassan Mohamed' });

  let signedIn = false;
  const signInOnce = async () => {
    // Sign in once in Lighthouse's own browser: the refresh cookie it leaves lets each audited
    // page sign itself in silently, as a returning user's browser does.
    const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    const page = await cdp.contexts()[0]!.newPage();
    await page.goto(`${server.url}/sign-in`);
    await signIn(page, receptionist.email);
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.close();
    await cdp.close();
    signedIn = true;
  };

  fs.mkdirSync(OUT, { recursive: true });
  console.log(`Lighthouse ${RUNS}× per screen, mobile throttling (Lighthouse defaults), Chromium ${chromiumPath}`);
  for (const screen of [...SCREENS.filter((s) => !s.signedIn), ...SCREENS.filter((s) => s.signedIn)]) {
    if (screen.signedIn && !signedIn) await signInOnce();
    const scores: { performance: number; accessibility: number; lcp: number; tbt: number }[] = [];
    for (let run = 0, retries = 0; run < RUNS; run++) {
      const result = await lighthouse(`${server.url}${screen.path}`, {
        port: chrome.port, output: 'json', logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        disableStorageReset: screen.signedIn, // keep the refresh cookie
      });
      if (!result) throw new Error(`lighthouse gave no result for ${screen.path}`);
      const { categories, audits, finalDisplayedUrl, runtimeError } = result.lhr;
      // Lighthouse itself sometimes loses the trace (NO_NAVSTART): that run measured nothing.
      if (runtimeError && retries++ < 3) {
        console.log(`     ${screen.name}: run lost (${runtimeError.code}), again`);
        run--;
        continue;
      }
      if (runtimeError) throw new Error(`${screen.path}: ${runtimeError.message}`);
      if (new URL(finalDisplayedUrl).pathname !== screen.path) throw new Error(`${screen.path} ended on ${finalDisplayedUrl}: not signed in?`);
      scores.push({
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        lcp: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
        tbt: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
      });
      if (run === RUNS - 1) fs.writeFileSync(path.join(OUT, `${screen.name}.json`), result.report as string);
    }
    const median = (key: keyof (typeof scores)[number]) => scores.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(scores.length / 2)]!;
    const m = { performance: median('performance'), accessibility: median('accessibility'), lcp: median('lcp'), tbt: median('tbt') };
    const ok = m.performance >= FLOORS.performance && m.accessibility >= FLOORS.accessibility;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${screen.name.padEnd(15)} performance ${m.performance} (runs ${scores.map((s) => s.performance).join('/')}), `
      + `accessibility ${m.accessibility}, LCP ${m.lcp} ms, TBT ${m.tbt} ms`);
  }
} finally {
  chrome.kill();
  await server.close();
}
process.exit(failed ? 1 : 0);
