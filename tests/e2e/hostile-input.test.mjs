// tests/e2e/hostile-input.test.mjs — owns the browser tests of input that must never hurt: crafted
// share links (a panic once killed the app), the notes a share link carries, the date it claims,
// and figures out of any plausible range. Each ends by reading localStorage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  assertNoErrors, envelope, eventually, fileSuite, gotoApp, openPage, seedStorage, storedRaw, text,
} from './helpers.mjs';
import { addEntry, stored } from './storage-helpers.mjs';

const TIMEOUT = 90_000;
const suite = fileSuite();

/** The link found to kill the app: a period code ending in "é" (36 characters). */
const CRAFTED = 'KzPk5CrhTMsvSi0u0U3OL0st4vI9vJLTkAsA';

/** A link payload holding `text`, as the app makes one (raw deflate, base64url). */
const payloadOf = (text) => deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');
/** The text a link payload holds. */
const textOf = (payload) => inflateRawSync(Buffer.from(payload, 'base64url')).toString('utf8');

/** Every note in stored data: entries' and tasks'. */
function notesIn(envelopeValue) {
  const data = envelopeValue?.data ?? {};
  const entries = Object.values(data.entries ?? {}).flat().map((e) => e.note ?? '');
  const items = Object.values(data.items ?? {}).map((s) => s.note ?? '');
  return [...entries, ...items].filter((n) => n !== '');
}

test('a crafted share link shows a message, and the app goes on saving figures', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  // The link as found, and one dated now that reaches the records with the same trap.
  const dated = payloadOf(`v1\t${new Date().toISOString()}\nt\tforest-cover\nM\u00e9\t1\n`);
  for (const payload of [CRAFTED, dated]) {
    await gotoApp(page, suite.server.url, `#/chia-se/${payload}`);
    await page.waitForSelector('[data-snapshot="refused"]', { timeout: 10_000 });
    assert.match(await text(page, '[data-snapshot="refused"]'), /Liên kết|liên kết/);
  }
  // Still alive: a figure typed now is saved.
  await page.goto(`${suite.server.url}#/chi-tieu/forest-cover`);
  await page.waitForSelector('#entry-form');
  await addEntry(page, { period: 'Y', value: '52,5' });
  await eventually(async () => {
    const entries = (await stored(page))?.data?.entries?.['forest-cover'] ?? [];
    assert.deepEqual(entries.map((e) => [e.period, e.basis, e.value]), [['Y', 'official', 52.5]]);
  });
  assertNoErrors(errors);
});

test('a share link made by default holds no note; ticking the box puts them in', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await seedStorage(page, envelope({
    entries: {
      'budget-revenue': [{ period: '9M', basis: 'estimate', value: 1837.5, note: 'số liệu nội bộ' }],
    },
    baselines: {},
    assessments: {},
    items: { '3a': { progress: 'in-progress', note: 'chưa công bố' } },
  }));
  await gotoApp(page, suite.server.url, '#/');
  const box = page.locator('#share-notes');
  assert.equal(await box.isChecked(), false, 'notes are left out by default');
  assert.match(await page.locator('label:has(#share-notes)').innerText(), /ghi chú/i);
  await page.click('#share-create');
  const link = await page.inputValue('#share-link');
  const payload = link.split('#/chia-se/')[1];
  const inside = textOf(payload);
  assert.ok(inside.includes('1837.5'), 'the figure travels');
  assert.ok(!inside.includes('nội bộ') && !inside.includes('công bố'), `a note travelled: ${inside}`);

  // Imported into a fresh browser: the figures and the task's progress, and no note.
  const fresh = await openPage(suite.browser, t);
  await gotoApp(fresh.page, link);
  await fresh.page.waitForSelector('[data-snapshot="read-only"]');
  await fresh.page.click('#snapshot-import');
  await fresh.page.click('#snapshot-apply');
  await eventually(async () => {
    const value = await stored(fresh.page);
    assert.equal(value?.data?.entries?.['budget-revenue']?.[0]?.value, 1837.5);
    assert.deepEqual(notesIn(value), []);
  });

  // The box ticked: the link shown is made again, with the notes.
  await box.check();
  await eventually(async () => {
    const again = textOf((await page.inputValue('#share-link')).split('#/chia-se/')[1]);
    assert.ok(again.includes('nội bộ') && again.includes('công bố'), again);
  });
  assertNoErrors(errors);
  assertNoErrors(fresh.errors);
});

test('a share link dated in the future or before the resolution is refused', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  for (const [date, why] of [['2999-01-01T00:00:00.000Z', /tương lai/], ['2020-01-01T00:00:00.000Z', /trước/]]) {
    const payload = payloadOf(`v1\t${date}\tn\nt\tforest-cover\nYo\t52.5\n`);
    await gotoApp(page, suite.server.url, `#/chia-se/${payload}`);
    await page.waitForSelector('[data-snapshot="refused"]');
    const message = await text(page, '[data-snapshot="refused"]');
    assert.match(message, why);
    assert.ok(message.includes(date), message);
    assert.equal(await page.locator('[data-snapshot="read-only"]').count(), 0, 'no figure shown');
  }
  assert.equal(await storedRaw(page), null, 'nothing stored');
  assertNoErrors(errors);
});

test('a figure out of any plausible range is refused; a plausible one is stored exactly', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await gotoApp(page, suite.server.url, '#/chi-tieu/budget-revenue');
  await page.waitForSelector('#entry-form');
  await page.selectOption('#entry-period', 'Y');
  await page.check('input[name="basis"][value="official"]');
  await page.fill('#entry-value', '999.999.999.999.999');
  await page.click('#entry-save');
  await eventually(async () => assert.match(await text(page, '#entry-value-error'), /ngoài khoảng hợp lý.*245\.000 tỷ đồng/));
  assert.equal(await page.getAttribute('#entry-value', 'aria-invalid'), 'true');
  assert.equal((await stored(page))?.data?.entries?.['budget-revenue'], undefined, 'nothing stored');

  await page.fill('#entry-value', '2.512,37');
  await page.click('#entry-save');
  await page.waitForSelector('table.entries tbody tr[data-period="Y"][data-basis="official"]');
  assert.match(await text(page, 'table.entries tbody tr[data-period="Y"]'), /2\.512,37/);
  await eventually(async () => {
    const entries = (await stored(page))?.data?.entries?.['budget-revenue'] ?? [];
    assert.deepEqual(entries.map((e) => e.value), [2512.37]);
  });
  assertNoErrors(errors);
});
