// scripts/bench/bench.mjs — owns the benchmark's measurements of a built dist/: sizes,
// cold and repeat loads against a plain reference page, entry → updated views, and Lighthouse.
// Run by scripts/bench.sh, which builds first. It prints figures; it asserts nothing.
//
//   node scripts/bench/bench.mjs DIST [--runs 5] [--entries 20] [--no-lighthouse] [--json FILE]
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveMounts } from './server.mjs';
import { writeReference } from './reference.mjs';
import { timedEnter } from './entry.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const DIST = args[0];
if (!DIST || !existsSync(join(DIST, 'index.html'))) {
  console.error('usage: node scripts/bench/bench.mjs DIST (a release build with index.html)');
  process.exit(2);
}
const RUNS = Number(opt('--runs', 5));
const ENTRIES = Number(opt('--entries', 20));
const PLAN_PATH = join(ROOT, 'src/plan/data/plan-2023.json');
const PLAN = JSON.parse(readFileSync(PLAN_PATH, 'utf8'));
const TARGETS = PLAN.targets.length;
/**
 * The user's data every measured visit starts with, as a statistician's would stand in
 * October: nine monthly estimates and the first half's official figure for every numeric
 * target (the plan value, so that statuses vary little; the figures' values do not matter to
 * the times). A visit with no data at all would draw "—" faster than a real one.
 */
const seeded = (except) => JSON.stringify({
  schema: 1,
  app: 'lai-chau-plan',
  saved_at: '2023-10-05T08:00:00.000Z',
  data: {
    entries: Object.fromEntries(PLAN.targets.filter((t) => typeof t.value === 'number' && t.id !== except).map((t) => [t.id, [
      ...Array.from({ length: 9 }, (_, i) => ({ period: `M${String(i + 1).padStart(2, '0')}`, basis: 'estimate', value: t.value, note: '' })),
      { period: 'H1', basis: 'official', value: t.value, note: 'Cục Thống kê' },
    ]])),
    baselines: {},
    assessments: {},
    items: {},
  },
});
const SEEDED = seeded(null);
/** A flow target with a chart; its figure is typed in the entry form. */
const ENTRY_TARGET = 'budget-revenue';

// Slow 4G as Lighthouse defines it (150 ms RTT, 1,6 Mbit/s), both ways, and a 4× slower CPU.
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 1.6e6 / 8 };
const CPU = 4;
const VIEWPORT = { width: 412, height: 823 };

const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const ms = (x) => (x == null ? '—' : `${Math.round(x)} ms`);
const results = { date: new Date().toISOString(), dist: DIST };

// ---- 1. Sizes ------------------------------------------------------------------------------
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/**
 * What the first render of the figures needs: index.html (with the stylesheet and the first
 * paint's script inside it; in earlier builds the boot module) and every JS, WASM and CSS file its
 * markup loads or preloads (sw-register). The app's own JS and WASM, which the start script
 * fetches only after the first paint, are the "app" rows instead.
 */
function criticalFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const named = new Set(['index.html']);
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const url = tag.match(/\b(?:href|src)="\.?\/?([^"#?]+\.(?:js|wasm|css))"/);
    if (url) named.add(url[1]);
  }
  return named;
}

/** The app's JS and WASM: what the page fetches after its first render to become interactive. */
function appFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return new Set([...html.matchAll(/\.\/(lai-chau-plan-[0-9a-f]+(?:_bg\.wasm|\.js))/g)].map((m) => m[1]));
}

function sizes() {
  const critical = criticalFiles(DIST);
  const app = appFiles(DIST);
  const rows = files(DIST).sort().map((path) => {
    const body = readFileSync(path);
    const name = relative(DIST, path);
    return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, critical: critical.has(name), app: app.has(name) };
  });
  const sum = (list, key) => list.reduce((a, r) => a + r[key], 0);
  const crit = rows.filter((r) => r.critical);
  console.log('\n== Sizes of dist/ (gzip -9) ==');
  console.log('file'.padEnd(48), 'raw'.padStart(10), 'gzip'.padStart(10), ' critical path (*), the app after it (+)');
  for (const r of rows) {
    console.log(r.name.padEnd(48), String(r.raw).padStart(10), String(r.gzip).padStart(10), r.critical ? ' *' : r.app ? ' +' : '');
  }
  const appPath = rows.filter((r) => r.critical || r.app);
  console.log('critical path and the app (* and +)'.padEnd(48), String(sum(appPath, 'raw')).padStart(10), String(sum(appPath, 'gzip')).padStart(10),
    ` = ${kb(sum(appPath, 'gzip'))} KiB gzip: everything until the app is interactive`);
  const total = { raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip') };
  const critical_ = { raw: sum(crit, 'raw'), gzip: sum(crit, 'gzip') };
  console.log('critical path (*)'.padEnd(48), String(critical_.raw).padStart(10), String(critical_.gzip).padStart(10),
    ` = ${kb(critical_.gzip)} KiB gzip (budget 200 KB)`);
  console.log('all of dist/'.padEnd(48), String(total.raw).padStart(10), String(total.gzip).padStart(10),
    ` = ${kb(total.gzip)} KiB gzip (budget 450 KB)`);
  results.sizes = { files: rows, critical: critical_, total, interactive: { raw: sum(appPath, 'raw'), gzip: sum(appPath, 'gzip') } };
}

// ---- 2. Loads ------------------------------------------------------------------------------
/**
 * Injected before any page script (the reference page has none of its own): records FCP, LCP,
 * CLS, and the frames in which
 * - "plan": every target's plan value is on screen (pre-rendered, or by the app);
 * - "figures": every target's row shows the user's figures, drawn by the first paint
 *   (`#prerender[data-figures="user"]`; the boot module in earlier builds) or by the app;
 * - "app": the app has rendered every row (`main[data-app-ready]`): it is interactive;
 * - "chart": the groups chart shows the figures: its SVG's bars (the first paint's or the
 *   app's), or, drawn with ECharts, its canvas has painted pixels.
 */
function probe(expected) {
  const r = (window.__bench = { fcp: null, lcp: null, cls: 0, plan: null, figures: null, app: null, chart: null });
  const visibleRows = (selector) => {
    const pre = document.getElementById('prerender');
    return pre && getComputedStyle(pre).display !== 'none' && pre.matches(selector) && pre.querySelectorAll('[data-prerendered]').length >= expected;
  };
  const appIn = () => document.querySelector('main[data-app-ready]') && document.querySelectorAll('[data-target]').length >= expected;
  // The reference page marks itself as the app does (main[data-app-ready], [data-target] rows).
  // The groups chart with the figures: drawn as SVG (pre-rendered and filled by the first paint,
  // or the app's), it is on screen with the figures of the page it is in.
  const svgChart = () => {
    const rect = document.querySelector('svg[data-chart="groups"] rect.bar');
    if (!rect) return false;
    return rect.closest('#prerender') ? visibleRows('[data-figures="user"]') : appIn();
  };
  const checks = {
    plan: () => visibleRows('#prerender') || appIn(),
    figures: () => visibleRows('[data-figures="user"]') || appIn(),
    app: appIn,
    chart: svgChart,
  };
  // Tells the harness (a binding, see `measure`), so that it need not inject a script to wait.
  const report = (key) => window.__benchReached?.(key);
  const frame = (key) => requestAnimationFrame(() => {
    r[key] = performance.now();
    report(key);
  });
  // Drawn with ECharts (builds before the SVG chart), the chart is its canvas' first painted
  // pixels, looked for every frame once the app is in.
  const canvasDrawn = () => {
    if (r.chart !== null) return;
    const canvas = document.querySelector('.chart[data-chart="groups"] canvas');
    if (canvas && canvas.width && canvas.height) {
      const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < px.length; i += 16) {
        if (px[i] !== 0) {
          r.chart = performance.now();
          report('chart');
          return;
        }
      }
    }
    if (performance.now() < 60_000) requestAnimationFrame(canvasDrawn);
  };
  const pending = new Set();
  const watch = new MutationObserver(() => {
    if (!document.body) return;
    for (const [key, check] of Object.entries(checks)) {
      if (r[key] !== null || pending.has(key) || !check()) continue;
      pending.add(key);
      frame(key);
      if (key === 'app' && !document.querySelector('svg[data-chart="groups"]')) canvasDrawn();
    }
    if (pending.size === Object.keys(checks).length) watch.disconnect();
  });
  watch.observe(document, { childList: true, subtree: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') r.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) r.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) r.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  return cdp;
}

/**
 * One measured load of `url` in `context`; waits for the figures and, on the app, the chart.
 * The page reports them through a binding: waiting with playwright's waitForFunction would inject
 * its helper script into the page during the load (about 40 ms of script at 4× CPU), delaying
 * the very frames measured.
 */
async function measure(context, url, { chart }) {
  const page = await context.newPage();
  const reached = new Map();
  const when = (key) => new Promise((resolve) => reached.set(key, resolve));
  const app = when('app');
  const drawn = when('chart');
  await page.exposeFunction('__benchReached', (key) => reached.get(key)?.());
  await throttle(context, page);
  const timeout = (ms) => new Promise((_, fail) => setTimeout(() => fail(new Error(`${url}: not ready in ${ms} ms`)), ms).unref());
  await page.goto(url, { waitUntil: 'commit' });
  await Promise.race([app, timeout(120_000)]);
  if (chart) await Promise.race([drawn, timeout(120_000)]).catch(() => {});
  await page.waitForTimeout(1000); // late layout shifts (the chart arriving) and the final LCP
  const r = await page.evaluate(() => window.__bench);
  return { page, r };
}

/**
 * A phone-sized context with the probe, and `seed` as the user's localStorage (key → value; a
 * string is the data alone), written before the first page of the context runs.
 */
async function newContext(browser, { seed = stored, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, serviceWorkers });
  await context.addInitScript(probe, TARGETS);
  const items = typeof seed === 'string' ? { 'lai-chau-plan-2023:data': seed } : seed;
  await context.addInitScript((entries) => {
    if (location.protocol !== 'about:' && localStorage.getItem('lai-chau-plan-2023:data') === null) {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }
  }, items);
  return context;
}

/**
 * The user's localStorage as the app leaves it after a visit with the seeded data: the data, and
 * the first paint's record the app keeps of it (which the page's first paint draws on the next visit).
 * A returning user has both; the measured visits start from them.
 */
let stored = SEEDED;
async function storageAsTheAppLeftIt(browser, appUrl) {
  const context = await newContext(browser, { seed: SEEDED });
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.waitForSelector('main[data-app-ready]', { timeout: 120_000 });
  await page.waitForFunction(() => localStorage.getItem('lai-chau-plan-2023:first-paint') !== null, null, { timeout: 30_000 })
    .catch(() => console.log('(the app kept no first-paint record: the visits start from the data alone)'));
  const items = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  await context.close();
  return items;
}

function summarise(label, runs) {
  const m = {
    fcp: median(runs.map((r) => r.fcp)),
    lcp: median(runs.map((r) => r.lcp)),
    plan: median(runs.map((r) => r.plan)),
    figures: median(runs.map((r) => r.figures)),
    app: median(runs.map((r) => r.app)),
    chart: median(runs.map((r) => r.chart)),
    cls: median(runs.map((r) => r.cls)),
  };
  const extra = runs[0]?.bytes !== undefined ? `  from the server: ${runs.map((r) => `${r.bytes} B/${r.requests} req`).join(', ')}` : '';
  console.log(`${label.padEnd(34)} FCP ${ms(m.fcp).padStart(8)}  LCP ${ms(m.lcp).padStart(8)}  plan ${ms(m.plan).padStart(8)}  figures ${ms(m.figures).padStart(8)}  app ${ms(m.app).padStart(8)}` +
    `  chart ${ms(m.chart).padStart(8)}  CLS ${m.cls == null ? '—' : m.cls.toFixed(3)}${extra}`);
  return { ...m, runs };
}

/**
 * One cold visit: a fresh context (nothing cached), with the user's storage. Service workers are
 * blocked: the one the page installs would fetch the app's files for it, and a worker's requests
 * escape the page's network throttling, so the app would seem to arrive faster than it can.
 */
async function coldLoad(browser, url, chart) {
  const context = await newContext(browser, { serviceWorkers: 'block' });
  const { r } = await measure(context, url, { chart });
  await context.close();
  return r;
}

/** A first visit (unthrottled, to fill the caches and install a service worker), then the measured one. */
async function repeatLoad(browser, server, url, chart) {
  const context = await newContext(browser);
  const first = await context.newPage();
  await first.goto(url);
  await first.waitForFunction(() => window.__bench && window.__bench.app !== null, null, { timeout: 60_000 });
  await first.waitForLoadState('load');
  const worker = await first.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false;
    await new Promise((ok) => setTimeout(ok, 500)); // registration starts on `load`
    if (!(await navigator.serviceWorker.getRegistrations()).length) return false;
    await Promise.race([navigator.serviceWorker.ready, new Promise((ok) => setTimeout(ok, 30_000))]);
    return true;
  });
  await first.close();
  server.reset();
  const { r } = await measure(context, url, { chart });
  Object.assign(r, server.sent());
  await context.close();
  return { r, worker };
}

/**
 * `RUNS` loads of the reference page and of the app, taken in turns (reference, app, reference,
 * …), so that a shared machine slowing down for a while weighs on both alike.
 */
async function inTurns(load) {
  const ref = [];
  const app = [];
  for (let i = 0; i < RUNS; i++) {
    ref.push(await load('ref'));
    app.push(await load('app'));
  }
  return { ref, app };
}

async function loads(browser, server, appUrl, refUrl) {
  console.log(`\n== Loads: median of ${RUNS}, ${CPU}× CPU, ${NETWORK.latency} ms RTT, 1,6 Mbit/s, ${VIEWPORT.width}×${VIEWPORT.height} ==`);
  const cold = await inTurns((which) => (which === 'ref' ? coldLoad(browser, refUrl, false) : coldLoad(browser, appUrl, true)));
  const ref = summarise('reference page, cold', cold.ref);
  const app = summarise('app, cold', cold.app);
  const repeats = await inTurns((which) => (which === 'ref' ? repeatLoad(browser, server, refUrl, false) : repeatLoad(browser, server, appUrl, true)));
  const refRepeat = summarise('reference page, repeat', repeats.ref.map((x) => x.r));
  const repeat = { runs: repeats.app.map((x) => x.r), worker: repeats.app.every((x) => x.worker) };
  const appRepeat = summarise(`app, repeat (${repeat.worker ? 'service worker' : 'no service worker: HTTP cache, 304s'})`, repeat.runs);
  const ratio = (a, b) => (a == null || b == null ? '—' : `${(a / b).toFixed(2)}×`);
  console.log(`app / reference, cold:    FCP ${ratio(app.fcp, ref.fcp)}  LCP ${ratio(app.lcp, ref.lcp)}  plan values ${ratio(app.plan, ref.plan)}  the user's figures ${ratio(app.figures, ref.figures)} (budget ≤ 1,5×)  interactive ${ratio(app.app, ref.figures)}`);
  console.log(`app / reference, repeat:  FCP ${ratio(appRepeat.fcp, refRepeat.fcp)}  LCP ${ratio(appRepeat.lcp, refRepeat.lcp)}  figures ${ratio(appRepeat.figures, refRepeat.figures)}`);
  results.loads = { ref, app, refRepeat, appRepeat, serviceWorker: repeat.worker };
}

// ---- 3. Entry → updated views --------------------------------------------------------------
/**
 * On the target page (its figures, status and chart are the views an entry changes), at 4× CPU,
 * measured inside the page with performance.now():
 * - start: the Enter `keypress` on #entry-value (capture phase), the event whose default action
 *   submits the form; playwright sends keydown, keypress and keyup as separate messages, so the
 *   keydown would add the harness's own delay;
 * - figures: a MutationObserver on the target's figures (.target-summary) sees the change; the
 *   time is taken in the next animation frame, after forcing style and layout there (so it
 *   spans the handler, dispatch, memos, every re-render, style and layout; not the paint);
 * - chart: ECharts' `finished` event of the target chart (it fires inside setOption, once the
 *   canvas is drawn), then likewise in the next animation frame.
 * "Updated views" is the later of the two. Each run types a new value first (page.fill).
 */
async function entryLatency(browser, appUrl) {
  // With the seeded data of every other target (every save writes all of it, twice: the backup
  // and the data), and none of this one's, so that each figure typed (for the form's first
  // period) is its current value and shows at once.
  const context = await newContext(browser, { seed: seeded(ENTRY_TARGET) });
  const page = await context.newPage();
  await page.goto(`${appUrl}#/chi-tieu/${ENTRY_TARGET}`);
  await page.waitForSelector('#entry-value');
  await page.waitForSelector('.chart[data-chart="target"] canvas', { timeout: 60_000 }).catch(() => {});
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  // Each entry goes to a period and kind of its own, growing: a second figure for the same one
  // would ask before replacing it, and the question, not the update, would be timed.
  const slots = ['M01', 'C02', 'Q1', 'C04', 'C05', 'H1', 'C07', 'C08', '9M', 'C10', 'C11']
    .flatMap((period) => ['estimate', 'official'].map((basis) => ({ period, basis })));
  if (ENTRIES > slots.length) throw new Error(`at most ${slots.length} entries`);
  const added = [];
  for (let i = 0; i < ENTRIES; i++) {
    await page.selectOption('#entry-period', slots[i].period);
    await page.check(`input[name="basis"][value="${slots[i].basis}"]`);
    added.push(await timedEnter(page, String(100 + i)));
  }
  // Then the last figure corrected ten times through its row's "Sửa" (the same figure edited:
  // no question), as the earlier sessions' bench typed over one figure.
  const last = slots[ENTRIES - 1];
  const corrected = [];
  for (let j = 0; j < 10; j++) {
    await page.click(`table.entries tr[data-period="${last.period}"][data-basis="${last.basis}"] .entry-edit`);
    corrected.push(await timedEnter(page, String(100 + ENTRIES + j)));
  }
  await context.close();
  const f = (x) => (x == null ? '—' : `${x.toFixed(1)} ms`);
  console.log(`\n== Entry → updated views (target page "${ENTRY_TARGET}", ${CPU}× CPU, to the next frame) ==`);
  results.entry = {};
  for (const [name, runs] of [[`a new figure, each in a period of its own (${ENTRIES})`, added], ['the last figure corrected through "Sửa" (10)', corrected]]) {
    const figures = median(runs.map((r) => r.figures));
    const chart = median(runs.map((r) => r.chart));
    const views = median(runs.map((r) => Math.max(r.figures ?? Infinity, Number.isNaN(r.chart) ? 0 : r.chart ?? Infinity)));
    console.log(`${name}: figures ${f(figures)} · chart ${f(chart)} · both (updated views) ${f(views)} (budget ≤ 16 ms)`);
    results.entry[runs === added ? 'added' : 'corrected'] = { figures, chart, views, runs };
  }
}


// ---- 4. The 1.000-target plan: native engine benchmark -------------------------------------
function engine() {
  console.log('\n== 1.000 targets × 12 monthly entries: the engine, natively (examples/bench_engine.rs) ==');
  try {
    const out = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_engine'], { cwd: ROOT, encoding: 'utf8' });
    process.stdout.write(out);
    results.engine = out.trim();
  } catch (err) {
    console.log(`engine benchmark failed: ${err.message}`);
  }
}

// ---- 5. Lighthouse -------------------------------------------------------------------------
/** Lighthouse runs as a child process; asynchronously, since this process serves the pages. */
async function lighthouse(url) {
  console.log('\n== Lighthouse (mobile defaults: simulated Slow 4G, 4× CPU) ==');
  const cli = join(ROOT, 'node_modules/lighthouse/cli/index.js');
  if (!existsSync(cli)) {
    console.log('lighthouse is not installed (npm ci)');
    return;
  }
  try {
    const { stdout: json } = await promisify(execFile)('node', [cli, url, '--quiet', '--output=json', '--output-path=stdout',
      '--only-categories=performance,accessibility,best-practices', '--chrome-flags=--headless=new --no-sandbox'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 300_000 });
    const report = JSON.parse(json);
    const score = (id) => Math.round(report.categories[id].score * 100);
    const audit = (id) => report.audits[id]?.displayValue ?? '—';
    const scores = { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices') };
    console.log(`performance ${scores.performance} · accessibility ${scores.accessibility} · best practices ${scores.bestPractices}` +
      ` (budgets 95 / 100 / 100)`);
    console.log(`FCP ${audit('first-contentful-paint')} · LCP ${audit('largest-contentful-paint')} · TBT ${audit('total-blocking-time')}` +
      ` · CLS ${audit('cumulative-layout-shift')} · SI ${audit('speed-index')}`);
    const failed = Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id);
    if (failed.length) console.log(`failed audits: ${failed.join(', ')}`);
    results.lighthouse = { ...scores, failed };
  } catch (err) {
    console.log(`lighthouse failed: ${err.message.split('\n')[0]}`);
  }
}

// ---- main ----------------------------------------------------------------------------------
sizes();
const refDir = `${DIST.replace(/\/+$/, '')}-reference`;
writeReference(PLAN_PATH, refDir);
const server = await serveMounts({ '/app/': DIST, '/reference/': refDir });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
});
try {
  stored = await storageAsTheAppLeftIt(browser, `${server.origin}/app/`);
  await loads(browser, server, `${server.origin}/app/`, `${server.origin}/reference/`);
  await entryLatency(browser, `${server.origin}/app/`);
} finally {
  await browser.close();
}
engine();
if (!args.includes('--no-lighthouse')) await lighthouse(`${server.origin}/app/`);
await server.close();
const jsonOut = opt('--json');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
