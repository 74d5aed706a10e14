// tests/e2e/a11y.test.mjs — owns the accessibility tests: axe-core on every page and view
// in both languages and both colour schemes, keyboard-only entry, the heading outline, focus on
// route change, touch targets, 200 % text, 360 px, and the screenshots looked at before release.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS, ROOT, assertNoErrors, eventually, gotoApp, settled, storedRaw,
  text, fileSuite,
  seedStorage, envelope,
} from './helpers.mjs';
import { assertRing, focusRing, overflow, smallTargets, tabUntil } from './a11y-helpers.mjs';

const TIMEOUT = 300_000;
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
// WCAG 2.2 AA, and axe's best practices, which check the outline: one main, one h1, heading order, regions.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const suite = fileSuite();

/** Saved data with figures for a flow, a level, a growth rate, a share and a qualitative target. */
const SEEDED = envelope({
  entries: {
    'budget-revenue': [
      { period: 'H1', basis: 'estimate', value: 1100, note: '' },
      { period: '9M', basis: 'estimate', value: 1837.5, note: 'ước 9 tháng' },
    ],
    'forest-cover': [{ period: 'Y', basis: 'official', value: 52.5, note: '' }],
    // A growth rate missed for the year: the "Không đạt" badge is checked too.
    'grdp-growth': [{ period: 'Y', basis: 'estimate', value: -2.77, note: '' }],
    'structure-industry': [{ period: 'H1', basis: 'estimate', value: 24.1, note: '' }],
    'underweight-children': [{ period: 'H1', basis: 'estimate', value: 17.9, note: '' }],
  },
  baselines: { 'forest-cover': 51.2 },
  assessments: {},
  items: {},
});

/**
 * A page in its own context, seeded once per tab. The CSP forbids inline scripts, and axe is
 * injected as one, hence `bypassCSP` (the app itself is tested with its CSP in app.test.mjs).
 */
async function openA11yPage(t, { width = 1280, height = 900, colorScheme = 'light', seed = true } = {}) {
  const context = await suite.browser.newContext({
    viewport: { width, height },
    colorScheme,
    reducedMotion: 'reduce',
    bypassCSP: true,
  });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  if (seed) {
    await seedStorage(page, SEEDED);
  }
  return { context, page, errors };
}

/** Switches the interface to `lang` ('vi' or 'en') unless it is already in it. */
async function useLang(page, lang) {
  if ((await page.getAttribute('html', 'lang')) !== lang) {
    await page.click('#lang-switch');
    await page.waitForSelector(`html[lang="${lang}"]`);
  }
}

/** Waits until every chart on the page is drawn (ECharts sets its aria label then). */
async function chartsSettled(page) {
  const charts = await page.locator('.chart').count();
  if (charts === 0) return;
  await page.waitForFunction(
    () => [...document.querySelectorAll('.chart')].every((c) => c.querySelector('canvas')),
    null,
    { timeout: 20_000 },
  );
}

/** Runs axe on the whole document, with every <details> opened so their contents are checked too. */
async function axeViolations(page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  }, WCAG_TAGS);
}

/** Every view of the app: a route, and what to do there before checking. */
const VIEWS = [
  { name: 'overview', hash: '#/' },
  {
    name: 'overview filtered',
    hash: '#/',
    prepare: async (page) => {
      await page.selectOption('#filter-status', 'no-data');
      await page.fill('#filter-text', 'tỷ lệ');
    },
  },
  { name: 'flow target', hash: '#/chi-tieu/budget-revenue' },
  { name: 'level target', hash: '#/chi-tieu/forest-cover' },
  { name: 'qualitative target', hash: '#/chi-tieu/preschool-universal' },
  { name: 'share target', hash: '#/chi-tieu/structure-industry' },
  {
    name: 'entry form with an error',
    hash: '#/chi-tieu/grain-output',
    prepare: async (page) => {
      await page.fill('#entry-value', 'abc');
      await page.click('#entry-save');
      await page.waitForSelector('#entry-value-error:not(:empty)');
    },
  },
  { name: 'tasks', hash: '#/nhiem-vu' },
  { name: 'resolution', hash: '#/nghi-quyet' },
  { name: 'data', hash: '#/du-lieu' },
  { name: 'report', hash: '#/bao-cao' },
  { name: 'snapshot', hash: 'SNAPSHOT' },
  { name: 'not found', hash: '#/khong-co' },
];

/** Makes a snapshot link from the overview's share panel and returns its hash. */
async function snapshotHash(page) {
  await gotoApp(page, suite.server.url, '#/');
  await page.click('#share-create');
  const link = await page.inputValue('#share-link');
  return link.slice(link.indexOf('#'));
}

for (const colorScheme of ['light', 'dark']) {
  for (const lang of ['vi', 'en']) {
    test(`axe: no WCAG 2.2 AA violation on any view (${lang}, ${colorScheme})`, { timeout: TIMEOUT }, async (t) => {
      const { page, errors } = await openA11yPage(t, { colorScheme });
      const snapshot = await snapshotHash(page);
      const found = [];
      for (const view of VIEWS) {
        const hash = view.hash === 'SNAPSHOT' ? snapshot : view.hash;
        // A blank page between views, so that every view is a fresh load.
        await page.goto('about:blank');
        await gotoApp(page, suite.server.url, hash);
        await useLang(page, lang);
        if (view.prepare) await view.prepare(page);
        await chartsSettled(page);
        const violations = await axeViolations(page);
        for (const v of violations) found.push({ view: view.name, ...v });
      }
      assert.deepEqual(found, [], `axe violations (${lang}, ${colorScheme}):\n${JSON.stringify(found, null, 2)}`);
      assertNoErrors(errors);
    });
  }
}

/** The headings of `main` and their levels, and the number of h1s in the document. */
function outline(page) {
  return page.evaluate(() => ({
    // The printed report's own h1 is display:none on screen (and the page's h1 is not printed).
    h1s: [...document.querySelectorAll('h1')].filter((h) => h.getClientRects().length > 0).length,
    levels: [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
      .filter((h) => h.getClientRects().length > 0 || h.classList.contains('visually-hidden'))
      .map((h) => Number(h.tagName[1])),
    landmarks: {
      banner: document.querySelectorAll('header.site-header').length,
      nav: document.querySelectorAll('nav').length,
      main: document.querySelectorAll('main').length,
      contentinfo: document.querySelectorAll('body > footer').length,
    },
  }));
}

test('every page has one h1, no skipped heading level, and the landmarks', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openA11yPage(t);
  const snapshot = await snapshotHash(page);
  for (const view of VIEWS) {
    const hash = view.hash === 'SNAPSHOT' ? snapshot : view.hash;
    await page.goto('about:blank');
    await gotoApp(page, suite.server.url, hash);
    const o = await outline(page);
    assert.equal(o.h1s, 1, `${view.name}: one h1`);
    assert.equal(o.levels[0], 1, `${view.name}: the outline starts with the h1`);
    for (let i = 1; i < o.levels.length; i += 1) {
      assert.ok(o.levels[i] <= o.levels[i - 1] + 1, `${view.name}: h${o.levels[i - 1]} then h${o.levels[i]}`);
    }
    assert.deepEqual(o.landmarks, { banner: 1, nav: o.landmarks.nav, main: 1, contentinfo: 1 }, view.name);
    assert.ok(o.landmarks.nav >= 1, `${view.name}: a navigation landmark`);
  }
  assertNoErrors(errors);
});

test('a route change moves focus to the new page\'s h1', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openA11yPage(t);
  await gotoApp(page, suite.server.url, '#/');
  await page.click('[data-target="forest-cover"] a');
  await page.waitForSelector('h1[data-target-title="forest-cover"]');
  await eventually(async () => {
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, tabindex: document.activeElement?.getAttribute('tabindex') }));
    assert.deepEqual(focused, { tag: 'H1', tabindex: '-1' });
  });
  await page.click('.site-nav a[href="#/nhiem-vu"]');
  await eventually(async () => {
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    assert.match(await page.evaluate(() => document.activeElement.textContent), /Nhiệm vụ/);
  });
  // The first load does not steal focus: a fresh page starts at the top of the document.
  await page.goto('about:blank');
  await gotoApp(page, suite.server.url, '#/nghi-quyet');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
  assertNoErrors(errors);
});

test('keyboard only: skip link, go to a target, enter a figure and save it', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openA11yPage(t, { seed: false });
  await gotoApp(page, suite.server.url, '#/');

  // The first Tab lands on the skip link, shown and ringed.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  assertRing(await focusRing(page), 'skip link');
  const skipBox = await page.locator('.skip-link').boundingBox();
  assert.ok(skipBox.y >= 0 && skipBox.height >= 44, `skip link on screen: ${JSON.stringify(skipBox)}`);
  // The next Tab stops are the header's: their ring must show on the coloured band too.
  await page.keyboard.press('Tab');
  assertRing(await focusRing(page), 'header link');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'skip link moves focus to main');

  // From main, Tab to the first target's link and follow it with Enter.
  await tabUntil(page, () => document.activeElement?.closest('[data-target="grain-output"]') !== null);
  assertRing(await focusRing(page), 'target link');
  await page.keyboard.press('Enter');
  await page.waitForSelector('h1[data-target-title="grain-output"]');
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1'));

  // Tab to the period, choose the nine months with the arrow keys.
  await tabUntil(page, () => document.activeElement?.id === 'entry-period');
  assertRing(await focusRing(page), 'period select');
  const order = await page.$$eval('#entry-period option', (os) => os.map((o) => o.value));
  const steps = order.indexOf('9M') - order.indexOf(await page.inputValue('#entry-period'));
  for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('#entry-period'), '9M');
  // The value's label names the target and the chosen period.
  assert.match(await text(page, 'label[for="entry-value"]'), /^Giá trị 9 tháng: .*sản lượng lương thực/);

  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'entry-value');
  assertRing(await focusRing(page), 'value input');
  await page.keyboard.type('150,5');
  // Official, not the default estimate: the radio group is reached by Tab, changed by arrows.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'basis');
  assertRing(await focusRing(page), 'basis radio');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'entry-note');
  await page.keyboard.type('báo cáo 9 tháng');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'entry-save');
  assertRing(await focusRing(page), 'save button');
  await page.keyboard.press('Enter');

  await page.waitForSelector('table.entries tbody tr[data-period="9M"][data-basis="official"]');
  await settled(page);
  const stored = JSON.parse(await storedRaw(page));
  assert.deepEqual(stored.data.entries['grain-output'].map((e) => [e.period, e.basis, e.value, e.note]),
    [['9M', 'official', 150.5, 'báo cáo 9 tháng']]);
  const live = '[role="status"].visually-hidden';
  await eventually(async () => assert.equal(await text(page, live), 'Đã lưu.', 'announced'));

  // A second save says the same words; they must be said again, so the live region's content is
  // a new node (a screen reader reads what is added, not what stays the same).
  await page.evaluate((sel) => { document.querySelector(sel).firstElementChild.dataset.old = '1'; }, live);
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Shift+Tab'); // note, basis, value, period
  assert.equal(await page.evaluate(() => document.activeElement.id), 'entry-period');
  await page.keyboard.press('ArrowUp'); // the period before nine months
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'entry-value');
  await page.keyboard.type('160,5');
  await page.keyboard.press('Enter');
  await eventually(async () => {
    const fresh = await page.evaluate((sel) => {
      const span = document.querySelector(sel).firstElementChild;
      return span && !span.dataset.old ? span.textContent : null;
    }, live);
    assert.equal(fresh, 'Đã lưu.', 'the second save is announced again');
  });
  assertNoErrors(errors);
});

for (const colorScheme of ['light', 'dark']) {
  test(`every Tab stop shows a focus ring of 3:1 or more (${colorScheme})`, { timeout: TIMEOUT }, async (t) => {
    const { page, errors } = await openA11yPage(t, { colorScheme });
    for (const hash of ['#/chi-tieu/budget-revenue', '#/']) {
      await page.goto('about:blank');
      await gotoApp(page, suite.server.url, hash);
      const seen = new Set();
      for (let i = 0; i < 45; i += 1) {
        await page.keyboard.press('Tab');
        const ring = await focusRing(page);
        const key = await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim().slice(0, 30));
        if (ring.tag === 'BODY' || seen.has(key)) continue;
        seen.add(key);
        assertRing(ring, `${hash} Tab stop ${i + 1} (${ring.tag} "${key}")`);
      }
      assert.ok(seen.size >= 15, `${hash}: at least 15 Tab stops checked, got ${seen.size}`);
    }
    assertNoErrors(errors);
  });
}

test('the axe harness itself finds a planted violation', { timeout: TIMEOUT }, async (t) => {
  // A guard against a silently broken harness (axe not injected, wrong tags): zero violations
  // above must mean a clean app, not a blind check.
  const { page } = await openA11yPage(t);
  await gotoApp(page, suite.server.url, '#/');
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'planted';
    document.querySelector('main').append(b);
  });
  const ids = (await axeViolations(page)).map((v) => v.id);
  assert.ok(ids.includes('button-name'), `axe should report the unnamed button, got ${ids}`);
});

test('an error is announced with role=alert and the field says it is invalid', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openA11yPage(t, { seed: false });
  await gotoApp(page, suite.server.url, '#/chi-tieu/grain-output');
  await page.focus('#entry-value');
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#entry-value-error:not(:empty)');
  assert.equal(await page.getAttribute('#entry-value-error', 'role'), 'alert');
  assert.equal(await page.getAttribute('#entry-value', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#entry-value', 'aria-describedby'), /entry-value-error/);
  assert.equal(await storedRaw(page), null, 'nothing saved');
  assertNoErrors(errors);
});

test('every field is labelled, naming the target and the period where it has one', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openA11yPage(t);
  for (const hash of ['#/chi-tieu/budget-revenue', '#/chi-tieu/preschool-universal', '#/nhiem-vu', '#/', '#/du-lieu']) {
    await page.goto('about:blank');
    await gotoApp(page, suite.server.url, hash);
    const unlabelled = await page.$$eval('main input, main select, main textarea', (els) => els
      .filter((el) => el.type !== 'hidden' && !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
      .map((el) => el.id || el.outerHTML.slice(0, 60)));
    assert.deepEqual(unlabelled, [], `${hash}: unlabelled fields`);
  }
  await page.goto('about:blank');
  await gotoApp(page, suite.server.url, '#/chi-tieu/budget-revenue');
  assert.match(await page.getAttribute('#entry-form', 'aria-label'), /^Nhập số liệu: Thu ngân sách/);
  await page.selectOption('#entry-period', 'H1');
  assert.match(await text(page, 'label[for="entry-value"]'), /6 tháng.*Thu ngân sách/);
  await useLang(page, 'en');
  assert.match(await text(page, 'label[for="entry-value"]'), /half|H1|6 months/i);
  assertNoErrors(errors);
});

test('charts: a caption sentence, a data table in <details>, ECharts aria on, a name or description on the picture', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openA11yPage(t);
  for (const hash of ['#/', '#/chi-tieu/budget-revenue', '#/chi-tieu/structure-industry']) {
    await page.goto('about:blank');
    await gotoApp(page, suite.server.url, hash);
    await chartsSettled(page);
    const charts = await page.$$eval('figure.chart-figure', (figs) => figs.map((f) => ({
      summary: f.querySelector('.chart-summary')?.textContent.trim() ?? '',
      rows: f.querySelectorAll('details.chart-table tbody tr').length,
      summaryControl: f.querySelector('details.chart-table > summary')?.textContent.trim() ?? '',
      // ECharts' picture is named by its summary; the SVG one (the overview's) is described by it.
      role: f.querySelector('.chart, svg[role="img"]')?.getAttribute('role'),
      label: f.querySelector('.chart')?.getAttribute('aria-label')
        ?? document.getElementById(f.querySelector('svg[role="img"]')?.getAttribute('aria-describedby'))?.textContent.trim() ?? '',
    })));
    assert.ok(charts.length >= 1, `${hash}: a chart`);
    for (const c of charts) {
      assert.ok(c.summary.length > 20, `${hash}: a summary sentence`);
      assert.ok(c.rows >= 1, `${hash}: a data table with rows`);
      assert.ok(c.summaryControl.length > 0, `${hash}: the table's toggle has a name`);
      assert.equal(c.role, 'img', `${hash}: the picture is an image`);
      assert.equal(c.label, c.summary, `${hash}: the picture is named by its summary`);
    }
  }
  assertNoErrors(errors);
});

for (const width of [360, 1280]) {
  test(`touch targets are at least 44×44 px at ${width} px`, { timeout: TIMEOUT }, async (t) => {
    const { page, errors } = await openA11yPage(t, { width });
    for (const hash of ['#/', '#/chi-tieu/budget-revenue', '#/chi-tieu/preschool-universal', '#/nhiem-vu', '#/du-lieu']) {
      await page.goto('about:blank');
      await gotoApp(page, suite.server.url, hash);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      assert.deepEqual(await smallTargets(page), [], `${hash} at ${width} px`);
    }
    assertNoErrors(errors);
  });
}

test('200 % text at 1280 px and a 360 px phone: nothing overflows sideways', { timeout: TIMEOUT }, async (t) => {
  const cases = [{ width: 1280, zoom: '200%' }, { width: 360, zoom: '100%' }, { width: 640, zoom: '200%' }];
  for (const { width, zoom } of cases) {
    const { page, errors } = await openA11yPage(t, { width });
    const snapshot = await snapshotHash(page);
    for (const view of VIEWS) {
      const hash = view.hash === 'SNAPSHOT' ? snapshot : view.hash;
      await page.goto('about:blank');
      await gotoApp(page, suite.server.url, hash);
      await page.evaluate((z) => { document.documentElement.style.fontSize = z; }, zoom);
      if (view.prepare) await view.prepare(page);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      assert.equal(await overflow(page), 0, `${view.name} at ${width} px, text ${zoom}: horizontal overflow`);
      // No control hides beyond a table's sideways scroll either.
      const offscreen = await page.$$eval('main button, main select, main input', (els) => els
        .filter((el) => el.getClientRects().length > 0)
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((el) => el.id || el.className || el.tagName));
      assert.deepEqual(offscreen, [], `${view.name} at ${width} px, text ${zoom}: controls off the screen`);
    }
    assertNoErrors(errors);
  }
});

test('reduced motion: no animation or transition runs, and charts are not animated', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openA11yPage(t);
  await gotoApp(page, suite.server.url, '#/');
  await chartsSettled(page);
  const moving = await page.evaluate(() => document.getAnimations().length);
  assert.equal(moving, 0, 'no running CSS animation');
  const durations = await page.$$eval('main *', (els) => els
    .map((e) => getComputedStyle(e))
    .filter((s) => parseFloat(s.transitionDuration) > 0 || parseFloat(s.animationDuration) > 0).length);
  assert.equal(durations, 0, 'no transition or animation duration under prefers-reduced-motion');
  assertNoErrors(errors);
});

test('screenshots at 360 and 1280 px, light and dark, of the overview and a target', { timeout: TIMEOUT }, async (t) => {
  const dir = join(ARTIFACTS, 'a11y');
  mkdirSync(dir, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const { page, errors } = await openA11yPage(t, { width, colorScheme });
      for (const [name, hash] of [['overview', '#/'], ['target', '#/chi-tieu/budget-revenue']]) {
        await page.goto('about:blank');
        await gotoApp(page, suite.server.url, hash);
        await chartsSettled(page);
        await page.screenshot({ path: join(dir, `${name}-${width}-${colorScheme}.png`), fullPage: true });
      }
      assertNoErrors(errors);
    }
  }
});
