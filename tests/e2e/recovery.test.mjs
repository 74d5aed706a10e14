// tests/e2e/recovery.test.mjs — owns the browser tests of recovering from an unreadable stored
// value: importing a good backup recovers it, every unreadable value is kept aside with its
// time and downloadable, and "start afresh" works every time. Each ends by reading localStorage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STORAGE_KEY, eventually, fileSuite, openPage, reloadApp, seedStorage, storedRaw } from './helpers.mjs';
import {
  addEntry, bannerText, csvFile, download, importFile, openTarget, setAside, stored, storedFigure,
} from './storage-helpers.mjs';

const TIMEOUT = 90_000;

const suite = fileSuite();

test('unreadable stored value, then a good backup imported: the data is recovered and saved', { timeout: TIMEOUT }, async (t) => {
  const { page } = await openPage(suite.browser, t);
  const garbage = '{"schema":2,"app":"lai-chau-plan","data": truncated';
  await seedStorage(page, garbage);
  await openTarget(page, suite.server.url, 'forest-cover');
  assert.match(await bannerText(page), /Không đọc được dữ liệu đã lưu/);
  const backup = csvFile('backup.csv', [
    ['forest-cover', 'Y', '52.5'],
    ['budget-revenue', '9M', '1837.5', 'estimate', 'ước'],
  ]);
  await importFile(page, backup);
  await eventually(async () => assert.equal(storedFigure(await stored(page), { target: 'budget-revenue', period: '9M', basis: 'estimate' }), 1837.5));

  await reloadApp(page);
  const envelope = await stored(page);
  assert.equal(storedFigure(envelope, { target: 'forest-cover', period: 'Y' }), 52.5);
  assert.equal(storedFigure(envelope, { target: 'budget-revenue', period: '9M', basis: 'estimate' }), 1837.5);
  assert.equal(await page.locator('.banner.banner-warning').count(), 0, 'no warning after the recovery');
  assert.deepEqual((await setAside(page)).map(([, text]) => text), [garbage], 'the unreadable value is kept aside');
});

test('every unreadable value is kept aside with its time, each downloadable; start afresh works every time', { timeout: TIMEOUT }, async (t) => {
  const { page } = await openPage(suite.browser, t);
  const first = '{"schema":2,"app":"lai-chau-plan", first broken value';
  const second = 'second broken value, not even JSON';
  await seedStorage(page, first);
  await openTarget(page, suite.server.url, 'forest-cover');
  assert.match(await bannerText(page), /Không đọc được/);
  await page.click('.banner button:has-text("Bắt đầu dữ liệu mới")');
  await addEntry(page, { period: 'Y', value: '52,5' });
  await eventually(async () => assert.equal(storedFigure(await stored(page), { target: 'forest-cover', period: 'Y' }), 52.5));

  // A second unreadable value while the first is kept aside.
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, second]);
  await reloadApp(page);
  assert.match(await bannerText(page), /Không đọc được/);
  assert.equal(await storedRaw(page), second, 'never saved over');
  const kept = await setAside(page);
  assert.deepEqual(kept.map(([, text]) => text).sort(), [first, second].sort(), 'both kept aside');
  for (const [key] of kept) assert.match(key, /^lai-chau-plan-2023:unreadable:\d{4}-\d\d-\d\dT/, `${key} carries its time`);

  // Each can be downloaded exactly as stored, the newest first.
  await page.waitForSelector('.banner .kept-list[data-count="2"]');
  const buttons = page.locator('.banner .download-kept');
  assert.equal((await download(page, buttons.nth(0))).text, second);
  assert.equal((await download(page, buttons.nth(1))).text, first);

  // Start afresh works again, and a reload over the same value does not keep it twice.
  await reloadApp(page);
  assert.equal((await setAside(page)).length, 2);
  await page.click('.banner button:has-text("Bắt đầu dữ liệu mới")');
  await addEntry(page, { period: 'Q1', value: '52' });
  await eventually(async () => assert.equal(storedFigure(await stored(page), { target: 'forest-cover', period: 'Q1' }), 52));
  await reloadApp(page);
  assert.equal(await page.locator('.banner.banner-warning').count(), 0);
  assert.equal(storedFigure(await stored(page), { target: 'forest-cover', period: 'Q1' }), 52);

  // The data page still offers both.
  await page.evaluate(() => { location.hash = '#/du-lieu'; });
  await page.waitForSelector('.unreadable-kept .kept-list[data-count="2"]');
  assert.equal((await download(page, page.locator('.unreadable-kept .download-kept').nth(1))).text, first);
});
