// tests/e2e/helpers.mjs — owns the browser-test plumbing: Chromium, pages that record errors, waiting.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.E2E_DIST || join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
export const STORAGE_KEY = 'lai-chau-plan-2023:data';
export const FIRST_PAINT_KEY = 'lai-chau-plan-2023:first-paint';
export const PLAN = JSON.parse(readFileSync(join(ROOT, 'src/plan/data/plan-2023.json'), 'utf8'));
export const STATUSES = ['achieved', 'on-track', 'at-risk', 'off-track', 'missed', 'no-data', 'needs-baseline'];

/** Throws a clear message unless the release build is in dist/ (the tests build nothing). */
export function requireDist() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build the app first (bash scripts/build.sh)`);
  }
  return DIST;
}

/** Debian's Chromium, headless, kept off the network; never a downloaded browser. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a fresh context (empty localStorage). `errors` collects every console error
 * and uncaught page error; the context closes when test `t` ends, if given.
 */
export async function openPage(browser, t, { width = 1280, height = 900, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers });
  if (t) t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return { context, page, errors };
}

/** Loads `url` + `hash` and waits until the app has rendered (main[data-app-ready]). */
export async function gotoApp(page, url, hash = '') {
  await page.goto(url + hash);
  await page.waitForSelector('main[data-app-ready]', { timeout: 30_000 });
}

/** Reloads the page and waits until the app has rendered again. */
export async function reloadApp(page) {
  await page.reload();
  await page.waitForSelector('main[data-app-ready]', { timeout: 30_000 });
}

/**
 * Waits until a save the app deferred has run: it saves in the task after the next paint,
 * so after two animation frames and a task it has.
 */
export function settled(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))));
}

/** Retries `check` (which throws on failure) until it passes or `timeout` ms pass. */
export async function eventually(check, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Text of the first match of `selector`, trimmed, with spaces collapsed; null if absent. */
export async function text(page, selector) {
  const el = page.locator(selector).first();
  if ((await el.count()) === 0) return null;
  return (await el.textContent()).replace(/\s+/g, ' ').trim();
}

/** The raw localStorage string of the app's data (null if nothing saved). */
export function storedRaw(page) {
  return page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
}

/** Waits until the <canvas> inside `selector` exists and has at least one painted pixel. */
export async function waitForDrawnCanvas(page, selector, timeout = 20_000) {
  await page.waitForSelector(`${selector} canvas`, { timeout }).catch(() => {
    throw new Error(`no <canvas> in ${selector} after ${timeout} ms (ECharts not loaded?)`);
  });
  const drawn = page.waitForFunction(
    (sel) => {
      const canvas = document.querySelector(`${sel} canvas`);
      if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
      const ctx = canvas.getContext('2d');
      if (!ctx) return false;
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return true;
      return false;
    },
    selector,
    { timeout, polling: 200 },
  );
  await drawn.catch(() => {
    throw new Error(`the <canvas> in ${selector} is still blank after ${timeout} ms`);
  });
}

/** Fails with every collected console/page error listed. */
export function assertNoErrors(errors) {
  if (errors.length) throw new Error(`browser errors:\n  ${errors.join('\n  ')}`);
}

/**
 * The fixture of a test file: before its tests, dist/ served on loopback and one browser;
 * after them, both closed. Read `suite.server` and `suite.browser` inside tests.
 */
export function fileSuite() {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await serve(requireDist());
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** The saved value the app writes for `data` (schema 1), to seed a page with. */
export function envelope(data) {
  return JSON.stringify({ schema: 1, app: 'lai-chau-plan', saved_at: '2023-10-05T08:00:00.000Z', data });
}

/**
 * Puts `raw` under the app's storage key before the page's first load in this tab, and never
 * again, so that a reload shows what the app itself saved.
 */
export function seedStorage(page, raw) {
  return page.addInitScript(([key, value]) => {
    if (location.protocol === 'about:') return;
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [STORAGE_KEY, raw]);
}
