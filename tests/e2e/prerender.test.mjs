// tests/e2e/prerender.test.mjs — owns the tests of the overview before the app: pre-rendered
// into index.html at build time, then drawn with the user's figures by the boot module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_PAINT_KEY, PLAN, STORAGE_KEY, assertNoErrors, envelope, eventually, fileSuite, gotoApp, openPage, seedStorage } from './helpers.mjs';

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

/** Every key of localStorage with its value. */
const storageOf = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/**
 * A first visit with the app, which keeps its drawing of the figures (the first paint's record),
 * then the next visit with the app's WASM never answered, so that only the boot module can draw.
 * The service worker is blocked, or it would serve the WASM past the route.
 */
async function nextVisitWithoutTheApp(t, { lang = null, between = null } = {}) {
  const { context, page, errors } = await openPage(suite.browser, t, { width: 412, height: 823, serviceWorkers: 'block' });
  await seedStorage(page, SEEDED);
  // Marks the pre-rendered heading: filled in place, the page keeps its nodes.
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    const heading = document.querySelector('#prerender h1');
    if (heading) heading.dataset.mark = 'build';
  }));
  if (lang) await page.addInitScript((l) => localStorage.setItem('lai-chau-plan-2023:lang', l), JSON.stringify(lang));
  await gotoApp(page, suite.server.url, '#/');
  await eventually(async () => assert.ok(await page.evaluate((k) => localStorage.getItem(k), FIRST_PAINT_KEY), 'the record is kept'));
  if (between) await page.evaluate(between);
  const before = await storageOf(page);
  await context.route('**/lai-chau-plan-*_bg.wasm', () => {}); // never answered: the app never starts
  // The app's JS is asked for once the boot module has run (listened for before the reload).
  const started = page.waitForRequest(/lai-chau-plan-[0-9a-f]+\.js$/);
  await page.reload();
  await started;
  return { page, errors, before };
}

test("the boot module shows the user's figures before the app's WASM has arrived, in their language", { timeout: TIMEOUT }, async (t) => {
  const { page, errors, before } = await nextVisitWithoutTheApp(t, { lang: 'en' });
  await page.waitForSelector('#prerender[data-figures="user"]', { timeout: 30_000 });
  assert.equal(await page.locator('#prerender').isVisible(), true, 'shown for an English reader once in English');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('main h1').textContent(), PLAN.title_en);
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .current-value').textContent(), '52.5%');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .status').getAttribute('data-status'), 'achieved');
  assert.equal(await page.locator('[data-prerendered="budget-revenue"] .current-value').textContent(), '1,837.5 billion VND');
  assert.equal(await page.locator('main[data-app-ready]').count(), 0, 'the app has not started');
  // It only read: storage is as the app left it, byte for byte.
  assert.deepEqual(await storageOf(page), before);
  assertNoErrors(errors);
});

test("in the build's language the boot module fills the figures into the pre-rendered page", { timeout: TIMEOUT }, async (t) => {
  const { page, errors, before } = await nextVisitWithoutTheApp(t);
  await page.waitForSelector('#prerender[data-figures="user"]', { timeout: 30_000 });
  assert.equal(await page.locator('#prerender h1[data-mark="build"]').count(), 1, 'the same heading node');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .current-value').textContent(), '52,5%');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .status').getAttribute('data-status'), 'achieved');
  assert.equal(await page.locator('[data-summary="no-data"] .count').textContent(), String(PLAN.targets.length - 2));
  assert.equal(await page.locator('#prerender .chart-summary.prerender-hidden').count(), 0);
  assert.deepEqual(await storageOf(page), before);
  assertNoErrors(errors);
});

test('the boot module draws nothing from a record of other data, or of another build', { timeout: TIMEOUT }, async (t) => {
  const changes = [
    // Another tab saved other figures, and kept no record of them.
    () => localStorage.setItem('lai-chau-plan-2023:data', localStorage.getItem('lai-chau-plan-2023:data').replace('52.5', '51.5')),
    // A record another build wrote.
    () => localStorage.setItem('lai-chau-plan-2023:first-paint', localStorage.getItem('lai-chau-plan-2023:first-paint').replace(/\t[0-9a-f]{16}\t/, '\tolder-build\t')),
  ];
  for (const between of changes) {
    const { page, errors, before } = await nextVisitWithoutTheApp(t, { between });
    assert.equal(await page.locator('#prerender[data-figures]').count(), 0, `${between}: nothing drawn`);
    assert.equal(await page.locator('[data-prerendered="forest-cover"] .current-value').textContent(), '…');
    assert.deepEqual(await storageOf(page), before);
    assertNoErrors(errors);
  }
});

test('on a first visit, with nothing stored, the boot module shows that no target has figures yet', { timeout: TIMEOUT }, async (t) => {
  const { context, page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
  await context.route('**/lai-chau-plan-*_bg.wasm', () => {});
  await page.goto(suite.server.url);
  await page.waitForSelector('#prerender[data-figures="user"]', { timeout: 30_000 });
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .current-value').textContent(), '—');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .status').getAttribute('data-status'), 'no-data');
  assert.equal(await page.locator('[data-summary="no-data"] .count').textContent(), String(PLAN.targets.length));
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing written');
  assertNoErrors(errors);
});

test('the boot module leaves a value it cannot use alone: unreadable or from a newer app', { timeout: TIMEOUT }, async (t) => {
  for (const raw of ['{garbage', JSON.stringify({ schema: 99, app: 'lai-chau-plan', saved_at: '', data: {} })]) {
    const { context, page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
    await context.route('**/lai-chau-plan-*_bg.wasm', () => {});
    await seedStorage(page, raw);
    // The boot module has run once the app's JS is asked for (the start script waits for it).
    const started = page.waitForRequest(/lai-chau-plan-[0-9a-f]+\.js$/);
    await page.goto(suite.server.url);
    await started;
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
  // The boot module is inside the page: its WASM is decoded with atob, which fails here.
  await page.addInitScript(() => {
    window.atob = () => {
      throw new Error('no boot module');
    };
  });
  await seedStorage(page, SEEDED);
  await gotoApp(page, suite.server.url, '#/');
  assert.equal(await page.locator('[data-target="forest-cover"] .current-value').textContent(), '52,5%');
  // The start script's warning is the only message.
  assertNoErrors(errors.filter((e) => !/boot module/.test(e)));
});

test('after the boot module the app takes over the same figures', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
  await seedStorage(page, SEEDED);
  await gotoApp(page, suite.server.url, '#/');
  assert.equal(await page.locator('#prerender').count(), 0, 'removed by the app');
  assert.equal(await page.locator('[data-target="forest-cover"] .current-value').textContent(), '52,5%');
  assertNoErrors(errors);
});
