// tests/e2e/offline.test.mjs — owns the browser tests of deploying and running without a network:
// offline use after one visit, a sub-path host, the update prompt between two builds, the
// manifest, the Content-Security-Policy, Subresource Integrity, and a broken deploy (files that
// no longer match their hashes) said to the reader instead of a blank page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ARTIFACTS, ROOT, assertNoErrors, eventually, gotoApp, launchBrowser, reloadApp, requireDist, text,
  waitForDrawnCanvas,
} from './helpers.mjs';
import { serve } from './server.mjs';

const TIMEOUT = 120_000;
const BUDGET = '#/chi-tieu/budget-revenue';
const row = (period) => `table.entries tbody tr[data-period="${period}"][data-basis="estimate"]`;

let browser;
let dist;
const cleanups = [];

before(async () => {
  dist = requireDist();
  browser = await launchBrowser();
});

after(async () => {
  for (const f of cleanups.reverse()) await f();
  await browser?.close();
});

/**
 * A fresh context whose pages record every CSP violation, console error, page error, failed
 * request and HTTP error (including the service worker's own fetches).
 */
async function openContext(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const log = { errors: [], http: [], csp: [] };
  context.on('response', (r) => {
    if (r.status() >= 400) log.http.push(`${r.status()} ${r.url()}`);
  });
  const newPage = async () => {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') log.errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => log.errors.push(`page error: ${e.message}`));
    return page;
  };
  const collectCsp = async (page) => {
    log.csp.push(...(await page.evaluate(() => window.__csp ?? []).catch(() => [])));
  };
  return { context, newPage, log, collectCsp };
}

/** Waits until the service worker controls `page`; returns its scope. */
async function controlled(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
    return reg.scope;
  });
}

/** Enters an estimate for `period` on the budget-revenue page. */
async function enterFigure(page, period, value) {
  await page.waitForSelector('#entry-period');
  await page.selectOption('#entry-period', period);
  await page.fill('#entry-value', value);
  await page.click('#entry-save');
  await page.waitForSelector(row(period));
}

/** A server that the test closes at its end if still open. */
async function start(dir, opts) {
  const server = await serve(dir, opts);
  let open = true;
  const close = async () => {
    if (open) {
      open = false;
      await server.close();
    }
  };
  cleanups.push(close);
  return { ...server, close };
}

function assertClean(log) {
  assert.deepEqual(log.csp, [], 'no CSP violation');
  assertNoErrors(log.errors);
}

test('after one visit the app, a figure and its chart work with the server gone', { timeout: TIMEOUT }, async (t) => {
  const server = await start(dist);
  const { newPage, log, collectCsp } = await openContext(t);
  const page = await newPage();
  await gotoApp(page, server.url, BUDGET);
  assert.equal(await controlled(page), server.url, 'scope is the app folder');
  await enterFigure(page, '9M', '1.837,5');
  await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
  // Persistent storage was asked after the save, and the answer is shown.
  const persist = await eventually(async () => {
    const code = await page.locator('.persist-note').getAttribute('data-persist', { timeout: 500 });
    assert.ok(['granted', 'denied', 'unsupported'].includes(code), `persist note: ${code}`);
    return code;
  });
  t.diagnostic(`navigator.storage.persist() answered: ${persist}`);
  await collectCsp(page);

  await server.close();
  await reloadApp(page);
  assert.match(await text(page, `${row('9M')}`), /1\.837,5/);
  await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
  // The overview and its chart too, from a page opened offline.
  const second = await newPage();
  await gotoApp(second, server.url, '#/');
  await second.waitForSelector('svg[data-chart="groups"] rect.bar', { state: 'attached' });
  await collectCsp(page);
  await collectCsp(second);
  assertClean(log);
});

test('served under /sub/path/: deep link, scope and offline use', { timeout: TIMEOUT }, async (t) => {
  const server = await start(dist, { prefix: '/sub/path/' });
  assert.match(server.url, /\/sub\/path\/$/);
  const { newPage, log, collectCsp } = await openContext(t);
  const page = await newPage();
  // A deep link as the first visit.
  await gotoApp(page, server.url, '#/chi-tieu/forest-cover');
  await page.waitForSelector('#entry-period');
  const scope = await controlled(page);
  assert.equal(new URL(scope).pathname, '/sub/path/');
  await page.goto(`${server.url}${BUDGET}`);
  await enterFigure(page, 'H1', '900');

  // The manifest and every icon it names are there, at the sizes it says.
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    const m = await (await fetch(href)).json();
    const icons = [];
    for (const icon of m.icons) {
      const res = await fetch(new URL(icon.src, href));
      const b = new DataView(await res.arrayBuffer());
      icons.push({ ...icon, status: res.status, width: b.getUint32(16), height: b.getUint32(20) });
    }
    const apple = document.querySelector('link[rel="apple-touch-icon"]').href;
    const a = new DataView(await (await fetch(apple)).arrayBuffer());
    return { ...m, icons, apple: { href: apple, width: a.getUint32(16) } };
  });
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.ok(manifest.theme_color && manifest.name && manifest.short_name);
  for (const icon of manifest.icons) {
    assert.equal(icon.status, 200, icon.src);
    assert.equal(`${icon.width}x${icon.height}`, icon.sizes, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');
  assert.deepEqual(manifest.icons.filter((i) => i.purpose === 'any').map((i) => i.sizes).sort(), ['192x192', '512x512']);
  assert.ok(manifest.apple.href.startsWith(server.url) && manifest.apple.width === 180, 'apple-touch-icon 180');
  await collectCsp(page);

  await server.close();
  const offline = await newPage();
  await gotoApp(offline, server.url, BUDGET);
  assert.match(await text(offline, row('H1')), /900/);
  await waitForDrawnCanvas(offline, '.chart[data-chart="target"]');
  await gotoApp(offline, `${server.url}index.html`, '#/chi-tieu/forest-cover');
  await offline.waitForSelector('#entry-period');
  await collectCsp(offline);
  assertClean(log);
});

/** A copy of the build with one changed file, re-listed by the post-build script: build B. */
function buildB() {
  const dir = mkdtempSync(join(tmpdir(), 'lai-chau-b-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(dist, dir, { recursive: true });
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  <meta name="test-build" content="B">'));
  execFileSync('node', [join(ROOT, 'scripts/pwa/post-build.mjs'), dir], { stdio: 'pipe' });
  return dir;
}

test('an open app offers the new build, and after reload runs it with the data kept', { timeout: TIMEOUT }, async (t) => {
  const b = buildB();
  const a = await start(dist, { prefix: '/ke-hoach/lai-chau/' });
  const { context, newPage, log, collectCsp } = await openContext(t);
  const page = await newPage();
  await gotoApp(page, a.url, BUDGET);
  await controlled(page);
  await enterFigure(page, 'Q1', '500');
  const cachesA = await page.evaluate(() => caches.keys());
  assert.equal(cachesA.length, 1, `one cache: ${cachesA}`);

  // B is deployed where A was.
  await a.close();
  const server = await start(b, { prefix: '/ke-hoach/lai-chau/', port: a.port });
  assert.equal(server.url, a.url);
  // The connection comes back: the app looks for a new version.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForSelector('.update-banner', { timeout: 30_000 });
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'update-banner-1280.png') });
  assert.equal(await page.locator('meta[name="test-build"]').count(), 0, 'still A until accepted');
  assert.match(await text(page, row('Q1')), /500/);
  await collectCsp(page);

  await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.click('.update-reload')]);
  await page.waitForSelector('main[data-app-ready]', { timeout: 30_000 });
  assert.equal(await page.locator('meta[name="test-build"]').getAttribute('content'), 'B');
  assert.match(await text(page, row('Q1')), /500/, 'the figure entered under A');
  assert.equal(await page.locator('.update-banner').count(), 0);
  await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
  const cachesB = await page.evaluate(() => caches.keys());
  assert.equal(cachesB.length, 1, `old cache deleted: ${cachesB}`);
  assert.notEqual(cachesB[0], cachesA[0]);

  // B works offline too.
  await server.close();
  await reloadApp(page);
  assert.equal(await page.locator('meta[name="test-build"]').getAttribute('content'), 'B');
  await collectCsp(page);
  assert.deepEqual(log.http, [], 'no request failed (no old hashed file asked for)');
  assertClean(log);
});

test('no page reports a CSP violation, and the policy is strict', { timeout: TIMEOUT }, async (t) => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'a CSP meta');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.ok(directives['script-src'].includes("'wasm-unsafe-eval'"));
  assert.ok(!policy.includes("'unsafe-eval'") && !directives['script-src'].includes("'unsafe-inline'"));
  assert.ok(directives['script-src'].some((v) => v.startsWith("'sha256-")), 'the inline scripts by hash');
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy precedes every script');

  const server = await start(dist);
  const { newPage, log, collectCsp } = await openContext(t);
  const page = await newPage();
  for (const hash of ['#/', BUDGET, '#/nhiem-vu', '#/nghi-quyet', '#/chi-tieu/economic-structure', '#/khong-co']) {
    await gotoApp(page, server.url, hash);
    await page.waitForTimeout(300);
    await collectCsp(page);
  }
  await gotoApp(page, server.url, BUDGET);
  await enterFigure(page, 'Y', '2.000');
  await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
  await page.click('.lang-switch, button:has-text("English")').catch(() => {});
  await page.waitForTimeout(300);
  await collectCsp(page);
  t.diagnostic(`pages checked: 7, violations: ${log.csp.length}`);
  assertClean(log);
});

/** A copy of the build with the file whose name matches `pattern` changed by one byte, as a
 * half-copied or altered deploy leaves it: its integrity hash no longer matches. */
function tampered(pattern) {
  const dir = mkdtempSync(join(tmpdir(), 'lai-chau-tampered-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(dist, dir, { recursive: true });
  const name = readdirSync(dir).find((f) => pattern.test(f));
  assert.ok(name, `a file matching ${pattern}`);
  const body = readFileSync(join(dir, name));
  body[body.length >> 1] ^= 0x20;
  writeFileSync(join(dir, name), body);
  return dir;
}

const APP_FAILED = {
  vi: 'Không tải được ứng dụng',
  en: 'The app could not load',
};

for (const [what, pattern] of [['WASM', /^lai-chau-plan-[0-9a-f]+_bg\.wasm$/], ['JS', /^lai-chau-plan-[0-9a-f]+\.js$/]]) {
  test(`a deploy whose app ${what} no longer matches its hash says so, in the reader's language, with a reload; the overview stays readable`, { timeout: TIMEOUT }, async (t) => {
    const server = await start(tampered(pattern));
    // A new visitor: no service worker yet (blocked, so that none serves an older copy).
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${server.url}#/`);
    const box = page.locator('#app-failed');
    await box.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await text(page, '#app-failed'), new RegExp(APP_FAILED.vi));
    assert.equal(await page.locator('#app-failed p[lang="en"]').isVisible(), false, 'one language');
    assert.equal(await page.locator('#prerender').isVisible(), true, 'the overview is readable');
    assert.equal(await page.locator('#prerender [data-prerendered]').count(), 49);
    assert.equal(await page.locator('main[data-app-ready]').count(), 0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `app-failed-${what}-412.png`) });
    // The button reloads the page (and, the deploy still broken, the message comes again).
    await Promise.all([page.waitForEvent('load'), page.click('#app-reload')]);
    await box.waitFor({ state: 'visible', timeout: 30_000 });
    // An English reader on a deep link: the message in English, and the plan's targets shown.
    await page.evaluate(() => localStorage.setItem('lai-chau-plan-2023:lang', '"en"'));
    await page.goto('about:blank');
    await page.goto(`${server.url}#/chi-tieu/forest-cover`);
    await box.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await text(page, '#app-failed'), new RegExp(APP_FAILED.en));
    assert.equal(await page.locator('#app-failed p[lang="vi"]').isVisible(), false);
    assert.equal(await page.locator('#app-reload').innerText(), 'Reload the page');
    assert.equal(await page.locator('#prerender').isVisible(), true);
  });
}

test('ECharts is loaded only where a chart needs it, with its integrity checked; altered, the chart says it could not load', { timeout: TIMEOUT }, async (t) => {
  const good = await start(dist);
  const { newPage, log } = await openContext(t);
  const page = await newPage();
  const asked = [];
  page.on('request', (r) => {
    if (r.url().endsWith('echarts.min.js')) asked.push(r.url());
  });
  await gotoApp(page, good.url, '#/');
  await page.waitForTimeout(500);
  assert.deepEqual(asked, [], 'the overview loads no ECharts');
  await page.click('[data-target="budget-revenue"] a');
  await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
  const integrity = await page.evaluate(() => ({
    script: document.querySelector('script[src="echarts.min.js"]')?.integrity,
    meta: document.querySelector('meta[name="echarts-integrity"]')?.content,
  }));
  assert.ok(integrity.meta?.startsWith('sha384-'), 'a hash in the page');
  assert.equal(integrity.script, integrity.meta, 'the script is checked against it');
  assertClean(log);

  const broken = await start(tampered(/^echarts\.min\.js$/));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  t.after(() => context.close());
  const other = await context.newPage();
  await gotoApp(other, broken.url, BUDGET);
  await other.waitForFunction(() => document.querySelector('.chart[data-chart="target"] + .chart-note')?.textContent.includes('Không tải được biểu đồ'), null, { timeout: 20_000 });
  assert.equal(await other.evaluate(() => typeof window.echarts), 'undefined', 'the altered file did not run');
  assert.ok((await text(other, '.target-summary')).length > 0, 'the figures are there');
});
