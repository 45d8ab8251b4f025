// What every browser test does with a page: watch for CSP violations and errors, sign in, look
// (screenshots a person can review, at a laptop's and a phone's size), and check accessibility.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PASSWORD } from './server.ts';

export const SCREENSHOTS = path.join(import.meta.dirname, '..', '..', '..', 'test-artifacts', 'screenshots');
export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface WatchedPage { page: Page; context: BrowserContext; problems: string[] }

/** A new context (its own cookies) and page; every CSP violation, page error and console error is recorded. */
export async function openPage(browser: Browser, opts: { language?: 'en' | 'ar' } = {}): Promise<WatchedPage> {
  // Reduced motion: the app then skips transitions, so axe measures colours of a settled screen, not mid-fade.
  const context = await browser.newContext({ viewport: LAPTOP, locale: opts.language === 'ar' ? 'ar-SD' : 'en-GB', timezoneId: 'Africa/Khartoum', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    // A refused request (401 after sign-out, 400 on a wrong password, 422 completing without a diagnosis) is logged by the browser; that is the app working.
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of (400|401|403|404|409|422|429)/.test(text)) {
      problems.push(`console: ${text}`);
    }
  });
  return { page, context, problems };
}

/**
 * Runs `fn` with a fresh page; when it throws, the page is photographed into
 * test-artifacts/failures/<name>.png (CI keeps the folder) before the error is passed on.
 * Afterwards the page must have logged no CSP violation, page error or console error.
 */
export async function withPage(browser: Browser, name: string, opts: { language?: 'en' | 'ar' }, fn: (watched: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(browser, opts);
  try {
    await fn(watched);
    assertNoProblems(watched);
  } catch (error) {
    const dir = path.join(SCREENSHOTS, '..', 'failures');
    fs.mkdirSync(dir, { recursive: true });
    await watched.page.screenshot({ path: path.join(dir, `${name.replace(/[^\w-]+/g, '_')}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await watched.context.close();
  }
}

export function assertNoProblems(watched: WatchedPage): void {
  assert.deepEqual(watched.problems, [], 'no CSP violation, page error or console error');
}

/** The input labelled exactly `label` (Mantine appends " *" to required fields' labels), on the page or in a part of it. */
export function field(page: Page | Locator, label: string) {
  return page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`));
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  const ar = (await page.locator('html').getAttribute('lang')) === 'ar';
  await field(page, ar ? 'البريد الإلكتروني' : 'Email').fill(email);
  await field(page, ar ? 'كلمة المرور' : 'Password').fill(password);
  await page.getByRole('button', { name: ar ? 'دخول' : 'Sign in', exact: true }).click();
}

/** Screenshots at 1366×768 and at 390 px wide: test-artifacts/screenshots/<lang>/<name>.png and <name>-phone.png. */
export async function capture(page: Page, name: string): Promise<void> {
  const lang = await page.locator('html').getAttribute('lang') ?? 'unknown';
  const dir = path.join(SCREENSHOTS, lang);
  fs.mkdirSync(dir, { recursive: true });
  const original = page.viewportSize() ?? LAPTOP;
  await page.evaluate('window.scrollTo(0, 0)'); // fixed headers otherwise land mid-page in a full-page shot
  await page.setViewportSize(LAPTOP);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, animations: 'disabled' });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(dir, `${name}-phone.png`), fullPage: true, animations: 'disabled' });
  await page.setViewportSize(original);
}

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** axe-core in the page (evaluated through the debugging protocol, so the app's CSP stays on). */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  // A string, so the server's type-check needs no DOM types: this runs in the page.
  const violations = await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) })))`) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${label}`);
}

/** Direction and language of the page as the browser has them. */
export async function documentLanguage(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  const html = page.locator('html');
  return { lang: await html.getAttribute('lang'), dir: await html.getAttribute('dir') };
}

/**
 * Presses Tab until the focused element matches `description` (its accessible text or label), at
 * most `limit` times, checking that every element reached shows a focus indicator.
 */
export async function tabTo(page: Page, description: RegExp, limit = 15): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const label = el.labels?.[0]?.textContent ?? '';
      return { text: (el.getAttribute('aria-label') ?? '') + ' ' + (el.textContent ?? '') + ' ' + label,
        visible: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' || style.boxShadow !== 'none' };
    })()`) as { text: string; visible: boolean } | null;
    if (!focused) continue;
    assert.ok(focused.visible, `keyboard focus is visible on "${focused.text.trim()}"`);
    if (description.test(focused.text)) return;
  }
  assert.fail(`${description} was not reached with ${limit} presses of Tab`);
}
