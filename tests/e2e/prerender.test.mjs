// tests/e2e/prerender.test.mjs — owns the tests of the page shell: the overview pre-rendered into
// index.html at build time, the first paint's script that writes the user's figures into it
// before the app's WASM arrives (src/shell/), and the proof that the pre-rendered overview and
// the app's are the same DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS, FIRST_PAINT_KEY, PLAN, ROOT, STORAGE_KEY, assertNoErrors, envelope, eventually, fileSuite, gotoApp, openPage, seedStorage,
} from './helpers.mjs';

const TIMEOUT = 90_000;
const suite = fileSuite();

test("the first paint's hash is the app's (the same values as first_paint::data_hash's test)", () => {
  const source = readFileSync(join(ROOT, 'src/shell/first_paint.js'), 'utf8');
  const body = source.slice(source.indexOf('function digest'), source.indexOf('  try {'));
  const digest = new Function(`${body}; return digest;`)();
  assert.equal(digest(null), '0');
  assert.equal(digest(''), '811c9dc5-0');
  assert.equal(digest('a'), 'e40c292c-1');
  assert.equal(digest('Cục Thống kê'), 'c66463eb-c');
});

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
  // The chart is in the page too: every group's label and bar.
  assert.equal(await page.locator('#prerender svg[data-chart="groups"] .bar-row').count(), PLAN.groups.length);
  assert.equal(await page.locator('#app-failed').isVisible(), false);
});

test('a deep link or an English reader never sees the Vietnamese overview flash', { timeout: TIMEOUT }, async (t) => {
  // Hold the app back so that only the pre-rendered page could show; the service worker is
  // blocked too, or it would serve the WASM past the route.
  const context = await suite.browser.newContext({ serviceWorkers: 'block' });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.route('**/*.wasm', () => {}); // never answered
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
    'budget-revenue': [{ period: '9M', basis: 'estimate', value: 1837.5, note: 'Cục Thống kê' }],
    'forest-cover': [{ period: 'Y', basis: 'official', value: 52.5, note: '' }],
    'grain-output': [{ period: 'H1', basis: 'official', value: 90000, note: '' }],
    'tea-area': [{ period: 'Q3', basis: 'estimate', value: 1000, note: '' }],
  },
  baselines: {},
  assessments: {},
  items: {},
});

/** Every key of localStorage with its value. */
const storageOf = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/**
 * A first visit with the app, which keeps its record of the figures (the first paint's record),
 * then the next visit with the app's WASM never answered, so that only the first paint's script
 * can draw. The service worker is blocked, or it would serve the WASM past the route.
 * `onApp(page)` runs while the app is on screen, before the reload.
 */
async function nextVisitWithoutTheApp(t, { lang = null, between = null, onApp = null } = {}) {
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
  const onScreen = onApp ? await onApp(page) : null;
  if (between) await page.evaluate(between);
  const before = await storageOf(page);
  await context.route('**/lai-chau-plan-*_bg.wasm', () => {}); // never answered: the app never starts
  // The app's JS is asked for once the first paint's frame is shown (listened for before the reload).
  const started = page.waitForRequest(/lai-chau-plan-[0-9a-f]+\.js$/);
  await page.reload();
  await started;
  return { page, errors, before, onScreen };
}

test("the first paint shows the user's figures before the app's WASM has arrived, in their language", { timeout: TIMEOUT }, async (t) => {
  const { page, errors, before } = await nextVisitWithoutTheApp(t, { lang: 'en' });
  await page.waitForSelector('#prerender[data-figures="user"]', { timeout: 30_000 });
  assert.equal(await page.locator('#prerender').isVisible(), true, 'shown for an English reader once in English');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('main h1').textContent(), PLAN.title_en);
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .current-value').textContent(), '52.5%');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .status').getAttribute('data-status'), 'achieved');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .status-word').textContent(), 'Met/exceeded');
  assert.equal(await page.locator('[data-prerendered="budget-revenue"] .current-value').textContent(), '1,837.5 billion VND');
  assert.equal(await page.locator('main[data-app-ready]').count(), 0, 'the app has not started');
  // It only read: storage is as the app left it, byte for byte.
  assert.deepEqual(await storageOf(page), before);
  assertNoErrors(errors);
});

test("in the build's language the first paint fills the figures and the chart into the pre-rendered page", { timeout: TIMEOUT }, async (t) => {
  const { page, errors, before } = await nextVisitWithoutTheApp(t);
  await page.waitForSelector('#prerender[data-figures="user"]', { timeout: 30_000 });
  assert.equal(await page.locator('#prerender h1[data-mark="build"]').count(), 1, 'the same heading node');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .current-value').textContent(), '52,5%');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] .status').getAttribute('data-status'), 'achieved');
  assert.equal(await page.locator('[data-summary="no-data"] .count').textContent(), String(PLAN.targets.length - 4));
  assert.equal(await page.locator('#prerender .prerender-hidden').count(), 0);
  // The chart: the forest's group has an "achieved" part (the first of its bar).
  const group = PLAN.groups.findIndex((g) => g.number === PLAN.targets.find((x) => x.id === 'forest-cover').group);
  const achieved = page.locator('#prerender svg[data-chart="groups"] g.bar-row').nth(group).locator('rect.bar').first();
  assert.equal(await achieved.getAttribute('fill'), 'url(#decal-achieved)');
  assert.notEqual(await achieved.getAttribute('width'), '0%');
  assert.deepEqual(await storageOf(page), before);
  assertNoErrors(errors);
});

test('the first paint draws nothing from a record of other data, or of another build', { timeout: TIMEOUT }, async (t) => {
  const changes = [
    // Another tab saved other figures, and kept no record of them.
    () => localStorage.setItem('lai-chau-plan-2023:data', localStorage.getItem('lai-chau-plan-2023:data').replace('52.5', '51.5')),
    // A record another build wrote.
    () => localStorage.setItem('lai-chau-plan-2023:first-paint', localStorage.getItem('lai-chau-plan-2023:first-paint').replace(/"build":"[0-9a-f]+"/, '"build":"older"')),
  ];
  for (const between of changes) {
    const { page, errors, before } = await nextVisitWithoutTheApp(t, { between });
    assert.equal(await page.locator('#prerender[data-figures]').count(), 0, `${between}: nothing drawn`);
    assert.equal(await page.locator('[data-prerendered="forest-cover"] .current-value').textContent(), '…');
    assert.deepEqual(await storageOf(page), before);
    assertNoErrors(errors);
  }
});

test('a tampered record shows at worst wrong text, never markup', { timeout: TIMEOUT }, async (t) => {
  // The record keeps its build and hash (so it is drawn), but its values are an attacker's.
  const plant = () => {
    const record = JSON.parse(localStorage.getItem('lai-chau-plan-2023:first-paint'));
    // The value of `token` in the row of `id` (or on the page, without an id).
    const set = (id, token, value) => {
      const from = id ? record.fill.findIndex(([name, v]) => name === '#row' && v === id) : 0;
      const entry = record.fill.slice(from).find(([name]) => name === token);
      entry[1] = value;
    };
    set('forest-cover', 'current-value', '<img src=x onerror="window.pwned=1">');
    set('forest-cover', 'status-cell@data-status', '"><script>window.pwned=2</script>');
    set(null, 'caption', { toString: null });
    // Values for places the page does not name, or attributes it does not allow.
    record.fill.push(
      ['name@href', 'javascript:window.pwned=3'],
      ['name@onclick', 'window.pwned=4'],
      ['current-value@style', 'display:none'],
      ['__proto__', 'x'],
    );
    localStorage.setItem('lai-chau-plan-2023:first-paint', JSON.stringify(record));
  };
  const { page, errors } = await nextVisitWithoutTheApp(t, { between: plant });
  await page.waitForSelector('#prerender[data-figures="user"]', { timeout: 30_000 });
  const cell = page.locator('[data-prerendered="forest-cover"] .current-value');
  assert.equal(await cell.textContent(), '<img src=x onerror="window.pwned=1">', 'shown as text');
  assert.equal(await page.locator('#prerender img, #prerender script').count(), 0, 'no element made');
  assert.equal(await cell.getAttribute('style'), null, 'no attribute but the known ones');
  assert.equal(await page.locator('[data-prerendered="forest-cover"] a').getAttribute('href'), '#/chi-tieu/forest-cover');
  assert.equal(await page.locator('[onclick]').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  // Everything else is drawn as the app left it.
  assert.equal(await page.locator('[data-prerendered="budget-revenue"] .current-value').textContent(), '1.837,5 tỷ đồng');
  assertNoErrors(errors);
});

test('on a first visit, with nothing stored, the first paint shows that no target has figures yet', { timeout: TIMEOUT }, async (t) => {
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

test('the first paint leaves a value it cannot use alone: unreadable or from a newer app', { timeout: TIMEOUT }, async (t) => {
  for (const raw of ['{garbage', JSON.stringify({ schema: 99, app: 'lai-chau-plan', saved_at: '', data: {} })]) {
    const { context, page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
    await context.route('**/lai-chau-plan-*_bg.wasm', () => {});
    await seedStorage(page, raw);
    // The first paint has run once the app's JS is asked for (the start script waits for it).
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

test("when the first paint's script fails, the app still starts and shows the figures", { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
  // The script reads the record last; reading it throws here (the app writes it, not reads it).
  await page.addInitScript(() => {
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key) {
      if (key === 'lai-chau-plan-2023:first-paint' && !window.readOnce) {
        window.readOnce = true;
        throw new Error('no record');
      }
      return getItem.call(this, key);
    };
  });
  await seedStorage(page, SEEDED);
  await gotoApp(page, suite.server.url, '#/');
  assert.equal(await page.evaluate(() => window.readOnce), true, 'the script met the error');
  assert.equal(await page.locator('[data-target="forest-cover"] .current-value').textContent(), '52,5%');
  assertNoErrors(errors);
});

test('after the first paint the app takes over the same figures', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t, { width: 412, height: 823 });
  await seedStorage(page, SEEDED);
  await gotoApp(page, suite.server.url, '#/');
  assert.equal(await page.locator('#prerender').count(), 0, 'removed by the app');
  assert.equal(await page.locator('[data-target="forest-cover"] .current-value').textContent(), '52,5%');
  assertNoErrors(errors);
});

/**
 * The overview's DOM, normalised for comparison: the header and the main part as trees of tag,
 * attributes and text. Left out, on either side: what only the app has (the printed report's
 * heading and note column, `.print-only`; the find-and-filter bar and its "no match" line; the
 * share panel), the attributes that only say which side drew it (`data-fill`, `data-word`, the row markers,
 * `disabled` on the pre-rendered controls), comments, and the spans that only name a text for
 * the first paint (a span with no attribute but its name is its text). Runs in the page.
 */
function normalisedOverview(rootSelector) {
  const SKIP = '.print-only, .filter-bar, p.empty, .share-panel';
  const IGNORED = new Set(['data-fill', 'data-word', 'data-prerendered', 'data-target', 'disabled', 'data-mark']);
  const root = rootSelector ? document.querySelector(rootSelector) : document;
  const nodes = (node) => {
    const out = [];
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        out.push(child.data);
      } else if (child.nodeType === Node.ELEMENT_NODE && !child.matches(SKIP)) {
        const names = child.getAttributeNames();
        if (child.localName === 'span' && names.length === 1 && (names[0] === 'data-fill' || names[0] === 'data-word')) {
          out.push(...nodes(child));
          continue;
        }
        const attrs = {};
        for (const name of names.sort()) if (!IGNORED.has(name)) attrs[name] = child.getAttribute(name);
        if (names.includes('data-target') || names.includes('data-prerendered')) attrs['data-row'] = child.getAttribute('data-target') ?? child.getAttribute('data-prerendered');
        out.push({ tag: `${child.namespaceURI === 'http://www.w3.org/2000/svg' ? 'svg:' : ''}${child.localName}`, attrs, children: nodes(child) });
      }
    }
    // Adjacent texts as one, with white space collapsed; empty ones dropped.
    const merged = [];
    for (const item of out) {
      if (typeof item === 'string' && typeof merged[merged.length - 1] === 'string') merged[merged.length - 1] += item;
      else merged.push(item);
    }
    return merged
      .map((item) => (typeof item === 'string' ? item.replace(/\s+/g, ' ').trim() : item))
      .filter((item) => item !== '');
  };
  const main = root.querySelector('main');
  return { header: nodes({ childNodes: [root.querySelector('header.site-header')] }), main: nodes(main) };
}

/** The first place where two normalised trees differ, as a path, or null. */
function firstDifference(a, b, path = '') {
  if (typeof a !== typeof b || typeof a !== 'object' || a === null || b === null) {
    return a === b ? null : `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  if (Array.isArray(a)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]${a[i]?.tag ? `<${a[i].tag}${a[i].attrs?.class ? `.${a[i].attrs.class}` : ''}>` : ''}`);
      if (d) return d;
    }
    return null;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference(a[key], b[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

for (const lang of ['vi', 'en']) {
  test(`the pre-rendered overview, once the first paint has run, is the app's overview (${lang})`, { timeout: TIMEOUT }, async (t) => {
    const onApp = async (page) => {
      await page.waitForSelector('main[data-app-ready]');
      return page.evaluate(normalisedOverview, null);
    };
    const { page, errors, onScreen: app } = await nextVisitWithoutTheApp(t, { lang: lang === 'en' ? 'en' : null, onApp });
    await page.waitForSelector('#prerender[data-figures="user"]', { timeout: 30_000 });
    const shell = await page.evaluate(normalisedOverview, '#prerender');
    assert.equal(firstDifference(app, shell), null);
    assert.ok(JSON.stringify(app).includes(lang === 'en' ? 'Target status by group' : 'Tình trạng chỉ tiêu theo nhóm'));
    // The comparison sees one cell more on either side.
    const withCell = await page.evaluate((fn) => {
      const td = document.createElement('td');
      td.className = 'period';
      td.textContent = '9 tháng · ước';
      document.querySelector('#prerender [data-prerendered="forest-cover"]').append(td);
      return new Function(`return (${fn})`)()('#prerender');
    }, normalisedOverview.toString());
    assert.match(firstDifference(app, withCell) ?? '', /forest-cover|td/, 'an extra cell is a difference');
    assertNoErrors(errors);
  });
}

test('the chart by group, drawn without ECharts, is saved as a PNG with its title and source', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t, { width: 1280, height: 900 });
  await seedStorage(page, SEEDED);
  await gotoApp(page, suite.server.url, '#/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.summary .chart-png'),
  ]);
  assert.equal(download.suggestedFilename(), 'lai-chau-2023-nhom.png');
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'chart-by-group.png');
  await download.saveAs(file);
  const png = readFileSync(file);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(png.length > 10_000, `PNG of ${png.length} bytes`);
  assert.equal(png.readUInt32BE(16), 1800, 'drawn at twice its 900 px');
  assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined', 'no ECharts on the overview');
  assertNoErrors(errors);
});

test('the first paint\'s record follows the figures once saves pause, with no reload, and a figure typed just before leaving is in it', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t, { width: 412, height: 823, serviceWorkers: 'block' });
  await gotoApp(page, suite.server.url, '#/chi-tieu/forest-cover');
  await page.waitForSelector('#entry-value');
  const digest = (() => {
    const source = readFileSync(join(ROOT, 'src/shell/first_paint.js'), 'utf8');
    return new Function(`${source.slice(source.indexOf('function digest'), source.indexOf('  try {'))}; return digest;`)();
  })();
  const recordMatchesStorage = () => page.evaluate(([data, record]) => [localStorage.getItem(data), localStorage.getItem(record)], [STORAGE_KEY, FIRST_PAINT_KEY])
    .then(([data, record]) => data !== null && record !== null && JSON.parse(record).data === digest(data));
  await page.selectOption('#entry-period', 'M05');
  await page.fill('#entry-value', '51,9');
  await page.press('#entry-value', 'Enter');
  await page.waitForSelector('table.entries tbody tr[data-period="M05"]');
  // Saved at once; the record follows a moment later, without the page being left.
  await eventually(async () => assert.ok((await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY))?.includes('51.9')));
  await eventually(async () => assert.ok(await recordMatchesStorage(), 'the record is of the stored data'));
  // A figure typed and the page left at once: the record leaving writes is of that figure too.
  await page.selectOption('#entry-period', 'M07');
  await page.fill('#entry-value', '52,0');
  await page.press('#entry-value', 'Enter');
  await page.waitForSelector('table.entries tbody tr[data-period="M07"]');
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  assert.ok(await recordMatchesStorage(), 'leaving wrote the record of the last figure');
  assert.ok((await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).includes('52'));
  assertNoErrors(errors);
});
