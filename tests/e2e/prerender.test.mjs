// tests/e2e/prerender.test.mjs — owns the tests of the overview before the app: pre-rendered
// into index.html at build time, then drawn with the user's figures by the boot module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLAN, STORAGE_KEY, assertNoErrors, envelope, fileSuite, gotoApp, openPage, seedStorage } from './helpers.mjs';

const TIMEOUT = 90_000;
const suite = fileSuite();

test('before the app loads, the overview shows every target with its plan value', { timeout: TIMEOUT }, async (t) => {
  const context = await suite.browser.newContext({ javaScriptEnabled: false });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(suite.server.url);
  const rows = page.locator('#prerender [data-prerendered]');
  assert.equal(await rows.count(), PLAN.targets.length);
  for (const target of PLAN.targets.filter((x) => x.as_written !== undefined)) {
    const shown = await page.locator(`[data-prerendered="${target.id}"] .plan-value`).textContent();
    assert.ok(shown.includes(target.as_written), `${target.id}: ${shown}`);
  }
  assert.equal(await page.locator('#prerender').isVisible(), true);
});

test('a deep link or an English reader never sees the Vietnamese overview flash', { timeout: TIMEOUT }, async (t) => {
  // Hold the app back so that only the pre-rendered page could show; the service worker is
  // blocked too, or it would serve the WASM past the route.
  const context = await suite.browser.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${suite.server.url}#/chi-tieu/forest-cover`);
  assert.equal(await page.locator('#prerender').isVisible(), false, 'hidden on a deep link');
  // A new document each time: a change of the hash alone would not load the page again.
  const load = async (hash) => {
    await page.goto('about:blank');
    await page.goto(`${suite.server.url}${hash}`);
  };
  await page.evaluate(() => localStorage.setItem('lai-chau-plan-2023:lang', '"en"'));
  await load('#/');
  assert.equal(await page.locator('#prerender').isVisible(), false, 'hidden for English');
  await page.evaluate(() => localStorage.clear());
  await load('#/');
  assert.equal(await page.locator('#prerender').isVisible(), true, 'shown on the overview');
});

test('the app replaces the pre-rendered overview without a layout shift', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
  await page.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await gotoApp(page, suite.server.url, '#/');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#prerender').count(), 0, 'removed by the app');
  assert.equal(await page.locator('[data-target]').count(), PLAN.targets.length);
  const shifts = await page.evaluate(() => window.shifts);
  assert.ok(shifts <= 0.02, `cumulative layout shift ${shifts}`);
  assertNoErrors(errors);
});

const SEEDED = envelope({
  entries: {
    'budget-revenue': [{ period: '9M', basis: 'estimate', value: 1837.5, note: '' }],
    'forest-cover': [{ period: 'Y', basis: 'official', value: 52.5, note: '' }],
  },
  baselines: {},
  assessments: {},
  items: {},
});

test("the boot module shows the user's figures before the app's WASM has arrived, in their language", { timeout: TIMEOUT }, async (t) => {
  const { context, page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
  await context.route('**/lai-chau-plan-*_bg.wasm', () => {}); // never answered: the app never starts
  await seedStorage(page, SEEDED);
  await page.addInitScript(() => localStorage.setItem('lai-chau-plan-2023:lang', '"en"'));
  await page.goto(suite.server.url);
  await page.waitForSelector('#prerender[data-figures="user"]', { timeout: 30_000 });
  assert.equal(await page.locator('#prerender').isVisible(), true, 'shown for an English reader once in English');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('main h1').textContent(), PLAN.title_en);
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .current-value').textContent(), '52.5%');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .status').getAttribute('data-status'), 'achieved');
  assert.equal(await page.locator('[data-prerendered="budget-revenue"] .current-value').textContent(), '1,837.5 billion VND');
  assert.equal(await page.locator('main[data-app-ready]').count(), 0, 'the app has not started');
  // It only read: the stored value is the one seeded, byte for byte.
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), SEEDED);
  assertNoErrors(errors);
});

test("in the build's language the boot module fills the figures into the pre-rendered page", { timeout: TIMEOUT }, async (t) => {
  const { context, page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
  await context.route('**/lai-chau-plan-*_bg.wasm', () => {});
  await seedStorage(page, SEEDED);
  // Marks the pre-rendered heading: filled in place, the page keeps its nodes.
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    document.querySelector('#prerender h1').dataset.mark = 'build';
  }));
  await page.goto(suite.server.url);
  await page.waitForSelector('#prerender[data-figures="user"]', { timeout: 30_000 });
  assert.equal(await page.locator('#prerender h1[data-mark="build"]').count(), 1, 'the same heading node');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .current-value').textContent(), '52,5%');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .status').getAttribute('data-status'), 'achieved');
  assert.equal(await page.locator('[data-summary="no-data"] .count').textContent(), String(PLAN.targets.length - 2));
  assert.equal(await page.locator('#prerender .chart-summary.prerender-hidden').count(), 0);
  assertNoErrors(errors);
});

test('the boot module leaves a value it cannot use alone: unreadable or from a newer app', { timeout: TIMEOUT }, async (t) => {
  for (const raw of ['{garbage', JSON.stringify({ schema: 99, app: 'lai-chau-plan', saved_at: '', data: {} })]) {
    const { context, page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
    await context.route('**/lai-chau-plan-*_bg.wasm', () => {});
    await seedStorage(page, raw);
    await page.goto(suite.server.url);
    // The boot module has run (it is what the start script waits for before the app).
    await page.waitForRequest(/lai-chau-plan-[0-9a-f]+\.js$/);
    assert.equal(await page.locator('#prerender[data-figures]').count(), 0, `${raw}: no figures drawn`);
    assert.equal(await page.locator('#prerender .current-value').first().textContent(), '…');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), raw, `${raw}: untouched`);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).length), 1, `${raw}: nothing else written`);
    assertNoErrors(errors);
    await context.close();
  }
});

test('when the boot module cannot load, the app still starts and shows the figures', { timeout: TIMEOUT }, async (t) => {
  const { context, page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
  await context.route('**/boot-*_bg.wasm', (route) => route.abort());
  await seedStorage(page, SEEDED);
  await gotoApp(page, suite.server.url, '#/');
  assert.equal(await page.locator('[data-target="forest-cover"] .current-value').textContent(), '52,5%');
  // The failed fetch is the browser's own console error; nothing else went wrong.
  assertNoErrors(errors.filter((e) => !/boot-[0-9a-f]+_bg\.wasm|Failed to load resource|boot module/.test(e)));
});

test('after the boot module the app takes over the same figures', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
  await seedStorage(page, SEEDED);
  await gotoApp(page, suite.server.url, '#/');
  assert.equal(await page.locator('#prerender').count(), 0, 'removed by the app');
  assert.equal(await page.locator('[data-target="forest-cover"] .current-value').textContent(), '52,5%');
  assertNoErrors(errors);
});
