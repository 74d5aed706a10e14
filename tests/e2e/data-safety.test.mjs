// tests/e2e/data-safety.test.mjs — owns the browser tests of storage that never loses a
// figure (garbage, quota, blocked storage, two tabs, newer schema) and backup/exchange (export →
// clear → import, hostile files, notes shown as text). Each scenario ends by checking the data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FIRST_PAINT_KEY, PLAN, STORAGE_KEY, assertNoErrors, eventually, gotoApp, openPage, reloadApp,
  storedRaw, text, fileSuite,
  seedStorage,
} from './helpers.mjs';
import {
  addEntry, bannerText, byId, download, fillStorage, openTarget, setAside, SET_ASIDE_PREFIX, stored,
} from './storage-helpers.mjs';

const TIMEOUT = 90_000;
const BACKUP_KEY = 'lai-chau-plan-2023:backup';
const HOSTILE = '<img src=x onerror=alert(1)>';

const suite = fileSuite();

test('garbage in storage: banner, raw kept aside, never saved over, downloadable', { timeout: TIMEOUT }, async (t) => {
  const { page } = await openPage(suite.browser, t);
  const garbage = '{"schema":1,"app":"lai-chau-plan", this is not json';
  await seedStorage(page, garbage);
  await openTarget(page, suite.server.url, 'forest-cover');
  assert.match(await bannerText(page), /Không đọc được dữ liệu đã lưu/);
  assert.deepEqual((await setAside(page)).map(([, v]) => v), [garbage]);

  // An edit stays on the page and does not overwrite the unreadable value.
  await addEntry(page, { period: 'Y', value: '52,5' });
  await page.waitForTimeout(300);
  assert.equal(await storedRaw(page), garbage, 'no autosave over the unreadable value');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP_KEY), null, 'garbage is no backup');

  // The raw value can be downloaded as it was.
  const file = await download(page, '.banner .download-kept');
  assert.equal(file.text, garbage);

  // A reload still finds it unreadable, and still keeps it.
  await reloadApp(page);
  assert.match(await bannerText(page), /Không đọc được/);
  assert.equal(await storedRaw(page), garbage);
  assert.deepEqual((await setAside(page)).map(([, v]) => v), [garbage], 'kept aside once');
});

test('storage full: message, figure kept on the page, export still works', { timeout: TIMEOUT }, async (t) => {
  const { page } = await openPage(suite.browser, t);
  await openTarget(page, suite.server.url, 'budget-revenue');
  await addEntry(page, { period: 'M03', value: '500' });
  await eventually(async () => assert.equal((await stored(page))?.data.entries['budget-revenue'].length, 1));
  const filled = await fillStorage(page);
  assert.ok(filled > 4_000_000, `filled ${filled} characters`);

  // The first paint's record (a cache of what the overview shows) gives way to a figure.
  assert.ok(await page.evaluate((k) => localStorage.getItem(k), FIRST_PAINT_KEY), 'a record is kept');
  await addEntry(page, { period: 'Q1', value: '700' });
  await eventually(async () => assert.equal((await stored(page))?.data.entries['budget-revenue'].length, 2));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), FIRST_PAINT_KEY), null, 'the record gave way');
  await fillStorage(page); // what the record left free

  await addEntry(page, { period: '9M', basis: 'estimate', value: '1.837,5' });
  assert.match(await bannerText(page), /Bộ nhớ của trình duyệt đã đầy/);
  assert.equal(await text(page, 'table.entries tr[data-period="9M"] td.num'), '1.837,5 tỷ đồng');
  // What was saved before is intact: the earlier figures, not the unsaved one.
  const before = await stored(page);
  assert.deepEqual(before.data.entries['budget-revenue'].map((e) => e.period).sort(), ['M03', 'Q1']);

  // Export from memory still works and holds the unsaved figure.
  await page.click('a[href="#/du-lieu"]');
  const file = await download(page, '#export-json');
  const backup = JSON.parse(file.text);
  assert.deepEqual(backup.data.entries['budget-revenue'].map((e) => [e.period, e.value]).sort(), [['9M', 1837.5], ['M03', 500], ['Q1', 700]]);
  assert.match(file.name, /^lai-chau-2023-\d{4}-\d\d-\d\d\.json$/);
});

test('storage that throws: in-memory mode with a warning, export works', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await openTarget(page, suite.server.url, 'forest-cover');
  assert.match(await bannerText(page), /không cho lưu dữ liệu/);
  await addEntry(page, { period: 'Y', value: '52,5' });
  assert.equal(await text(page, 'table.entries tr[data-period="Y"] td.num'), '52,5%');
  await page.click('a[href="#/du-lieu"]');
  // The CSV speaks the interface's language: Vietnamese headers, semicolons, 52,5.
  const csv = await download(page, '#export-csv');
  assert.ok(csv.text.startsWith('\ufeffMã chỉ tiêu;Tên chỉ tiêu;'), 'Vietnamese CSV with a BOM');
  assert.match(csv.text, /\r\nforest-cover;[^\r\n]*;%;Y;52,5;Chính thức;\r\n/);
  await page.click('#lang-switch');
  const english = await download(page, '#export-csv');
  assert.ok(english.text.startsWith('\ufefftarget_id,'), 'English CSV with a BOM');
  assert.match(english.text, /\r\nforest-cover,[^\r\n]*,%,Y,52\.5,official,\r\n/);
  assertNoErrors(errors);
});

test('two tabs editing different targets: both edits survive, each tab sees the other', { timeout: TIMEOUT }, async (t) => {
  const { context, page: a } = await openPage(suite.browser, t);
  const b = await context.newPage();
  await openTarget(a, suite.server.url, 'forest-cover');
  await openTarget(b, suite.server.url, 'grain-output');
  await addEntry(a, { period: 'Y', value: '52,5' });
  await addEntry(b, { period: 'H1', value: '120' });
  await a.bringToFront();
  await addEntry(a, { period: 'Q1', basis: 'estimate', value: '51' });
  await eventually(async () => {
    const data = (await stored(a)).data;
    assert.deepEqual(data.entries['forest-cover'].map((e) => e.period).sort(), ['Q1', 'Y']);
    assert.deepEqual(data.entries['grain-output'].map((e) => [e.period, e.value]), [['H1', 120]]);
  });
  // Tab B adopted A's edits through the storage event, without a reload (the marker stays).
  await b.evaluate(() => { window.__sameDocument = true; location.hash = '#/'; });
  await eventually(async () => assert.notEqual(await text(b, '[data-target="forest-cover"] .current-value'), '—'));
  assert.equal(await b.evaluate(() => window.__sameDocument), true);
  const revision = (await stored(a)).revision;
  assert.ok(revision >= 3, `revision ${revision}`);
  assert.ok(await a.evaluate((k) => localStorage.getItem(k), BACKUP_KEY), 'a backup of the previous value');
});

test('a stale tab merges instead of overwriting newer data', { timeout: TIMEOUT }, async (t) => {
  const { context, page: a } = await openPage(suite.browser, t);
  await openTarget(a, suite.server.url, 'forest-cover');
  await addEntry(a, { period: 'Y', value: '52,5' });
  // Another "tab" writes a newer revision behind A's back, without a storage event in A.
  await a.evaluate((key) => {
    const env = JSON.parse(localStorage.getItem(key));
    env.revision += 5;
    env.saved_at = '2030-01-01T00:00:00.000Z';
    env.data.entries['grain-output'] = [{ period: 'H1', basis: 'official', value: 120, note: '' }];
    localStorage.setItem(key, JSON.stringify(env));
  }, STORAGE_KEY);
  await addEntry(a, { period: 'Q1', basis: 'estimate', value: '51' });
  await eventually(async () => {
    const env = await stored(a);
    assert.deepEqual(env.data.entries['grain-output'].map((e) => e.value), [120], 'the newer data survives');
    assert.deepEqual(env.data.entries['forest-cover'].map((e) => e.period).sort(), ['Q1', 'Y']);
  });
  void context;
});

test('newer schema: read-only, no writes', { timeout: TIMEOUT }, async (t) => {
  const { page } = await openPage(suite.browser, t);
  const newer = JSON.stringify({ schema: 99, app: 'lai-chau-plan', saved_at: '', data: { future: true } });
  await seedStorage(page, newer);
  await openTarget(page, suite.server.url, 'forest-cover');
  assert.match(await bannerText(page), /phiên bản mới hơn/);
  await addEntry(page, { period: 'Y', value: '52,5' });
  await page.waitForTimeout(300);
  assert.equal(await storedRaw(page), newer);
});

test('export, clear everything, import: identical data; a hostile file changes nothing', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, suite.server.url, 'budget-revenue');
  await addEntry(page, { period: '9M', basis: 'estimate', value: '1.837,5', note: 'ước, "9 tháng"' });
  await openTarget(page, suite.server.url, 'grdp-growth');
  await addEntry(page, { period: 'H1', value: '-2,1', note: '=SUM(A1)' });
  await gotoApp(page, suite.server.url, '#/nhiem-vu');
  await page.selectOption('#item-status-3a', 'in-progress');
  await page.fill('#item-note-3a', 'đang làm');
  await page.press('#item-note-3a', 'Tab');
  await eventually(async () => assert.equal((await stored(page))?.data.items?.['3a']?.note, 'đang làm'));
  const original = (await stored(page)).data;

  await gotoApp(page, suite.server.url, '#/du-lieu');
  assert.equal(await text(page, '#last-export'), 'Chưa xuất lần nào.');
  const json = await download(page, '#export-json');
  const csv = await download(page, '#export-csv');
  assert.match(await text(page, '#last-export'), /^Lần xuất gần nhất:/);

  await page.evaluate(() => localStorage.clear());
  await reloadApp(page);
  assert.equal(await storedRaw(page), null);

  // A hostile CSV is rejected with reasons, nothing can be applied, and nothing changes.
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  const hostile = join(dir, 'hostile.csv');
  writeFileSync(hostile, 'target_id,target_name,unit,period,value,basis,note,extra\r\n'
    + 'no-such,,%,Y,1,official,,\r\n');
  await page.setInputFiles('#import-file', hostile);
  await page.waitForSelector('.import-rejected');
  assert.match(await text(page, '.import-rejected'), /extra/);
  assert.equal(await page.locator('#import-apply').count(), 0);
  const badRows = join(dir, 'bad-rows.csv');
  writeFileSync(badRows, 'target_id,target_name,unit,period,value,basis,note\r\n'
    + 'forest-cover,,%,Y,52.5,official,ok\r\n'
    + 'forest-cover,,ha,Q1,1,official,\r\n'
    + 'budget-revenue,,tỷ đồng,Y,abc,official,\r\n'
    + 'forest-cover,,%,H1,1e400,official,\r\n');
  await page.setInputFiles('#import-file', badRows);
  await eventually(async () => assert.equal(await page.locator('.import-counts').getAttribute('data-rejected'), '3'));
  assert.equal(await page.locator('#import-apply').count(), 0);
  assert.equal(await storedRaw(page), null, 'a rejected file changes nothing');

  // The JSON backup brings everything back, identical.
  await page.setInputFiles('#import-file', json.path);
  await page.waitForSelector('#import-apply');
  assert.equal(await page.locator('.import-counts').getAttribute('data-rejected'), '0');
  await page.click('#import-apply');
  await eventually(async () => assert.deepEqual((await stored(page))?.data, original));

  // Undo restores the state before the import (nothing), and the CSV brings the entries back.
  await page.click('#import-undo');
  await eventually(async () => assert.deepEqual((await stored(page))?.data.entries, {}));
  await page.setInputFiles('#import-file', csv.path);
  await page.click('#import-apply');
  await eventually(async () => assert.deepEqual((await stored(page))?.data.entries, original.entries));
  assertNoErrors(errors);
});

test('a hostile note is shown as text, in pages and in the import preview; no dialog', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await openTarget(page, suite.server.url, 'forest-cover');
  await addEntry(page, { period: 'Y', value: '52,5', note: HOSTILE });
  assert.equal(await text(page, 'table.entries tr[data-period="Y"] td.note'), HOSTILE);
  assert.equal(await page.locator('table.entries img').count(), 0);
  await gotoApp(page, suite.server.url, '#/nhiem-vu');
  await page.fill('#item-note-3b', HOSTILE);
  await page.press('#item-note-3b', 'Tab');
  await eventually(async () => assert.equal((await stored(page))?.data.items?.['3b']?.note, HOSTILE));

  // An imported file whose fields hold markup: shown as text in the preview.
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  const file = join(dir, 'markup.csv');
  writeFileSync(file, `target_id,target_name,unit,period,value,basis,note\r\n${HOSTILE},,%,Y,1,official,${HOSTILE}\r\n`);
  await gotoApp(page, suite.server.url, '#/du-lieu');
  await page.setInputFiles('#import-file', file);
  // The row names a target this build does not know: it is listed as skipped, as text.
  await page.waitForSelector('.import-skipped');
  assert.ok((await text(page, '.import-skipped')).includes(HOSTILE));
  assert.equal(await page.locator('img').count(), 0);

  await reloadApp(page);
  await openTarget(page, suite.server.url, 'forest-cover');
  await page.waitForTimeout(500);
  assert.equal(await text(page, 'table.entries tr[data-period="Y"] td.note'), HOSTILE);
  assert.deepEqual(dialogs, [], 'no dialog fired');
  assert.equal((await stored(page)).data.entries['forest-cover'][0].note, HOSTILE);
  assertNoErrors(errors);
});

test('a reload right after Enter keeps the figure: the waiting save is made when the page is left', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await gotoApp(page, suite.server.url, '#/chi-tieu/budget-revenue');
  await page.selectOption('#entry-period', 'Q1');
  await page.fill('#entry-value', '777');
  // No animation frame comes any more, so the save waiting for the next paint never runs by
  // itself: only leaving the page (pagehide) can save the figure.
  await page.evaluate(() => { window.requestAnimationFrame = () => 0; });
  await page.press('#entry-value', 'Enter');
  await page.waitForSelector('table.entries tbody tr[data-period="Q1"]');
  assert.equal(await storedRaw(page), null, 'not saved before the page is left');
  await reloadApp(page);
  const stored = JSON.parse(await storedRaw(page));
  assert.deepEqual(stored.data.entries['budget-revenue'].map((e) => [e.period, e.value]), [['Q1', 777]]);
  assert.match(await text(page, '[data-target="budget-revenue"] .current-value, .target-summary .current-value'), /777/);
  assertNoErrors(errors);
});
