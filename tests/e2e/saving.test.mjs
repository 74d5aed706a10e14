// tests/e2e/saving.test.mjs — owns the browser tests of what saving tells and keeps: a notice
// that never says "Đã lưu." when nothing was saved (storage full, failing, blocked, newer,
// unreadable), a refused save kept pending and made once space frees, a task note saved while
// the cursor is still in it. Each ends by reading localStorage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIRST_PAINT_KEY, STORAGE_KEY, eventually, fileSuite, gotoApp, openPage, reloadApp, seedStorage,
  storedRaw, text,
} from './helpers.mjs';
import {
  LANG_KEY, addEntry, bannerText, fillStorage, freeStorage, openTarget, stored, storedFigure,
} from './storage-helpers.mjs';

const TIMEOUT = 90_000;
const NOT_SAVED_VI = 'Đã ghi trên trang này nhưng chưa lưu được:';
const NOT_SAVED_EN = 'Recorded on this page but not saved:';

const suite = fileSuite();

/** The form's status line once it has something to say. */
async function formStatus(page) {
  await eventually(async () => assert.ok(await text(page, '#entry-form .form-status')));
  return text(page, '#entry-form .form-status');
}

/**
 * Opens forest-cover in a page set up by `prepare`, enters a figure, and returns what the form
 * says and what storage holds before and after.
 */
async function enterIn(t, prepare, { lang = 'vi' } = {}) {
  const { page } = await openPage(suite.browser, t);
  await prepare(page);
  if (lang === 'en') {
    await page.addInitScript(([key]) => { try { localStorage.setItem(key, '"en"'); } catch { /* blocked */ } }, [LANG_KEY]);
  }
  await openTarget(page, suite.server.url, 'forest-cover');
  const before = await page.evaluate((k) => { try { return localStorage.getItem(k); } catch { return 'blocked'; } }, STORAGE_KEY);
  await addEntry(page, { period: 'Y', value: lang === 'en' ? '52.5' : '52,5' });
  // The save runs after the next paint; the notice follows it.
  await page.waitForTimeout(300);
  const said = await formStatus(page);
  const after = await page.evaluate((k) => { try { return localStorage.getItem(k); } catch { return 'blocked'; } }, STORAGE_KEY);
  return { page, said, before, after };
}

function assertNotSaved(said, why, lang = 'vi') {
  assert.doesNotMatch(said, lang === 'vi' ? /Đã lưu\./ : /\bSaved\./, said);
  assert.ok(said.startsWith(lang === 'vi' ? NOT_SAVED_VI : NOT_SAVED_EN), said);
  assert.match(said, why);
}

test('saving works: the form says "Đã lưu." and the figure is stored', { timeout: TIMEOUT }, async (t) => {
  const { said, after } = await enterIn(t, async () => {});
  assert.equal(said, 'Đã lưu.');
  assert.equal(storedFigure(JSON.parse(after), { target: 'forest-cover', period: 'Y' }), 52.5);
});

test('storage full: the form says it was not saved, and why', { timeout: TIMEOUT }, async (t) => {
  const { page } = await openPage(suite.browser, t);
  await openTarget(page, suite.server.url, 'forest-cover');
  await addEntry(page, { period: 'Q1', value: '51' });
  await page.evaluate((k) => localStorage.removeItem(k), FIRST_PAINT_KEY);
  await fillStorage(page);
  const before = await storedRaw(page);
  await addEntry(page, { period: 'Y', value: '52,5' });
  await page.waitForTimeout(300);
  assertNotSaved(await formStatus(page), /bộ nhớ của trình duyệt đã đầy/);
  assert.equal(await storedRaw(page), before, 'nothing was stored');
});

test('storage failing: the form says it was not saved, and why (in English too)', { timeout: TIMEOUT }, async (t) => {
  const failing = (page) => page.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) throw new DOMException('The write failed.', 'InvalidStateError');
      return setItem.call(this, k, v);
    };
  }, STORAGE_KEY);
  const vi = await enterIn(t, failing);
  assertNotSaved(vi.said, /trình duyệt báo lỗi khi ghi/);
  assert.equal(vi.after, null, 'nothing was stored');
  const en = await enterIn(t, failing, { lang: 'en' });
  assertNotSaved(en.said, /the browser refused the write/, 'en');
  assert.equal(en.after, null, 'nothing was stored');
});

test('storage blocked: the form says it was not saved, and why', { timeout: TIMEOUT }, async (t) => {
  const { said } = await enterIn(t, (page) => page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  }));
  assertNotSaved(said, /không cho lưu/);
});

test('newer schema, read-only: the form says it was not saved, and why', { timeout: TIMEOUT }, async (t) => {
  const newer = JSON.stringify({ schema: 99, app: 'lai-chau-plan', saved_at: '', data: { future: true } });
  const { said, before, after } = await enterIn(t, (page) => seedStorage(page, newer));
  assertNotSaved(said, /phiên bản mới hơn/);
  assert.equal(before, newer);
  assert.equal(after, newer, 'the newer value is untouched');
});

test('unreadable stored value: the form says it was not saved, and why', { timeout: TIMEOUT }, async (t) => {
  const garbage = '{"schema":2,"app":"lai-chau-plan", broken';
  const { said, after } = await enterIn(t, (page) => seedStorage(page, garbage));
  assertNotSaved(said, /không đọc được/);
  assert.equal(after, garbage, 'the unreadable value is untouched');
});

test('storage full: the figure stays pending, visibly, and is saved once space frees, with no other action', { timeout: TIMEOUT }, async (t) => {
  const { page } = await openPage(suite.browser, t);
  await openTarget(page, suite.server.url, 'budget-revenue');
  await addEntry(page, { period: 'M03', value: '500' });
  await eventually(async () => assert.equal(storedFigure(await stored(page), { target: 'budget-revenue', period: 'M03' }), 500));
  await page.evaluate((k) => localStorage.removeItem(k), FIRST_PAINT_KEY);
  const filled = await fillStorage(page);
  assert.ok(filled > 4_000_000, `filled ${filled} characters`);

  await addEntry(page, { period: 'Q1', value: '700' });
  assert.match(await bannerText(page), /Bộ nhớ của trình duyệt đã đầy/);
  await eventually(async () => assert.equal(await text(page, '.banner-unsaved'), 'Có 1 thay đổi trên trang này chưa được lưu.'));
  assert.equal(storedFigure(await stored(page), { target: 'budget-revenue', period: 'Q1' }), undefined);

  // Space frees (another tab, the user clearing something): the save is made by itself.
  await freeStorage(page);
  await eventually(async () => assert.equal(storedFigure(await stored(page), { target: 'budget-revenue', period: 'Q1' }), 700), 20_000);
  await page.waitForSelector('.banner.banner-saved');
  assert.match(await text(page, '.banner.banner-saved'), /^Đã lưu các thay đổi đang chờ\./);
  assert.equal(await page.locator('.banner.banner-warning').count(), 0);
  await reloadApp(page);
  assert.equal(storedFigure(await stored(page), { target: 'budget-revenue', period: 'Q1' }), 700);
});

test('a task note is saved while the cursor is still in it: a reload at once keeps it', { timeout: TIMEOUT }, async (t) => {
  const { page } = await openPage(suite.browser, t);
  await gotoApp(page, suite.server.url, '#/nhiem-vu');
  await page.click('#item-note-3a');
  await page.keyboard.type('Đã trình HĐND');
  // Reload before typing pauses and with the cursor still in the field: no change event.
  await page.reload();
  await page.waitForSelector('main[data-app-ready]');
  assert.equal((await stored(page))?.data?.items?.['3a']?.note, 'Đã trình HĐND');
  assert.equal(await page.inputValue('#item-note-3a'), 'Đã trình HĐND');

  // Typing that pauses is saved too, without leaving the field.
  await page.click('#item-note-3b');
  await page.keyboard.type('Chờ số liệu');
  await eventually(async () => assert.equal((await stored(page))?.data?.items?.['3b']?.note, 'Chờ số liệu'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'item-note-3b');
});
