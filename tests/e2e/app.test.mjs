// tests/e2e/app.test.mjs — owns the end-to-end tests of the built app (dist/) in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS, PLAN, STATUSES, assertNoErrors, eventually, gotoApp, openPage,
  reloadApp, settled, storedRaw, text, waitForDrawnCanvas, fileSuite,
} from './helpers.mjs';
import { addEntry, byId, openTarget as openTargetAt } from './storage-helpers.mjs';

const TIMEOUT = 90_000;
const targetUrl = (id) => `#/chi-tieu/${id}`;

const suite = fileSuite();

/** Opens a target page and waits for its heading. */
const openTarget = (page, id) => openTargetAt(page, suite.server.url, id);

/** Asserts the status (exact, or one of a list) and achievement text inside `scope`. */
async function expectStatus(page, scope, { status, achievement }) {
  await eventually(async () => {
    const got = await page.locator(`${scope} .status`).first().getAttribute('data-status');
    if (Array.isArray(status)) assert.ok(status.includes(got), `${scope}: status ${got} not in ${status}`);
    else assert.equal(got, status, `${scope}: status`);
    if (achievement) assert.equal(await text(page, `${scope} .achievement`), achievement, `${scope}: achievement`);
  });
}

const summary = `section.target-summary`;
const card = (id) => `[data-target="${id}"]`;
const NOT_ACHIEVED = ['on-track', 'at-risk', 'off-track'];

test('overview lists every target with its plan value', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await gotoApp(page, suite.server.url, '#/');
  await page.waitForSelector('[data-target]');

  const ids = await page.locator('[data-target]').evaluateAll((els) => els.map((e) => e.dataset.target));
  assert.equal(ids.length, 49);
  assert.deepEqual([...ids].sort(), PLAN.targets.map((t) => t.id).sort());

  for (const target of PLAN.targets) {
    const plan = page.locator(`${card(target.id)} .plan-value`);
    if (target.as_written === undefined) {
      assert.equal(await plan.count(), 0, `${target.id} is qualitative: no plan value`);
    } else {
      const shown = await text(page, `${card(target.id)} .plan-value`);
      assert.match(shown ?? '', new RegExp(`(^|[^\\d.,])${target.as_written.replace(/\./g, '\\.')}($|[^\\d.,])`),
        `${target.id}: plan value "${shown}" should show ${target.as_written}`);
      assert.equal(await text(page, `${card(target.id)} .current-value`), '—', `${target.id}: no data yet`);
    }
    const status = await page.locator(`${card(target.id)} .status`).first().getAttribute('data-status');
    assert.ok(STATUSES.includes(status), `${target.id}: status ${status}`);
    const link = `${card(target.id)} a[href="${targetUrl(target.id)}"], a${card(target.id)}[href="${targetUrl(target.id)}"]`;
    assert.ok((await page.locator(link).count()) >= 1, `${target.id}: links to its page`);
  }

  let total = 0;
  for (const key of ['achieved', 'on-track', 'at-risk', 'off-track', 'missed', 'no-data']) {
    const count = await text(page, `[data-summary="${key}"] .count`);
    assert.match(count ?? '', /^\d+$/, `summary ${key}: "${count}"`);
    total += Number(count);
  }
  assert.equal(await text(page, '[data-summary="achieved"] .count'), '0');
  assert.ok(total <= 49, `summary counts add up to ${total}`);

  // The chart by group is SVG: a bar part for every group and status, with no ECharts loaded.
  assert.equal(await page.locator('svg[data-chart="groups"] rect.bar').count(), PLAN.groups.length * 6);
  assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined');
  assertNoErrors(errors);
});

test('figures entered on target pages drive status, survive reload', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);

  await openTarget(page, 'budget-revenue');
  assert.ok((await text(page, 'blockquote.quote')).includes(byId['budget-revenue'].quote), 'quote');
  const label = await text(page, 'label[for="entry-value"]');
  assert.ok(label.includes(byId['budget-revenue'].unit), `label "${label}" names the unit`);
  await addEntry(page, { period: '9M', basis: 'estimate', value: '1.837,5', submit: 'enter' });
  await expectStatus(page, summary, { status: 'on-track', achievement: '75,0%' });
  assert.match(await text(page, `${summary} .current-value`), /1\.837,5/);
  await waitForDrawnCanvas(page, '.chart[data-chart="target"]');

  await openTarget(page, 'forest-cover');
  await addEntry(page, { period: 'Y', basis: 'official', value: '52,5', submit: 'click' });
  await expectStatus(page, summary, { status: 'achieved', achievement: '100,4%' });
  await waitForDrawnCanvas(page, '.chart[data-chart="target"]');

  await openTarget(page, 'underweight-children');
  await addEntry(page, { period: 'H1', basis: 'estimate', value: '17,9', submit: 'click' });
  await expectStatus(page, summary, { status: NOT_ACHIEVED });
  await addEntry(page, { period: '9M', basis: 'estimate', value: '16,2', submit: 'click' });
  await expectStatus(page, summary, { status: 'achieved' });
  await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
  await settled(page);

  const stored = JSON.parse(await storedRaw(page));
  assert.equal(stored.schema, 2);
  assert.equal(stored.app, 'lai-chau-plan');
  assert.deepEqual(
    stored.data.entries['budget-revenue'].map(({ period, basis, value }) => ({ period, basis, value })),
    [{ period: '9M', basis: 'estimate', value: 1837.5 }],
  );

  const checkOverview = async () => {
    await gotoApp(page, suite.server.url, '#/');
    await page.waitForSelector('[data-target]');
    await expectStatus(page, card('budget-revenue'), { status: 'on-track', achievement: '75,0%' });
    await expectStatus(page, card('forest-cover'), { status: 'achieved', achievement: '100,4%' });
    await expectStatus(page, card('underweight-children'), { status: 'achieved' });
    assert.equal(await text(page, '[data-summary="achieved"] .count'), '2');
    assert.ok(Number(await text(page, '[data-summary="on-track"] .count')) >= 1);
  };
  await checkOverview();
  await reloadApp(page);
  await checkOverview();

  for (const [id, rows] of [
    ['budget-revenue', [['9M', 'estimate']]],
    ['forest-cover', [['Y', 'official']]],
    ['underweight-children', [['H1', 'estimate'], ['9M', 'estimate']]],
  ]) {
    await openTarget(page, id);
    await reloadApp(page);
    await page.waitForSelector('table.entries tbody tr');
    assert.equal(await page.locator('table.entries tbody tr').count(), rows.length, `${id}: entries`);
    for (const [period, basis] of rows) {
      const row = page.locator(`table.entries tbody tr[data-period="${period}"][data-basis="${basis}"]`);
      assert.equal(await row.count(), 1, `${id}: row ${period}/${basis}`);
      assert.equal(await row.locator('.entry-edit').count(), 1);
      assert.equal(await row.locator('.entry-delete').count(), 1);
    }
  }
  await expectStatus(page, summary, { status: 'achieved' });
  assertNoErrors(errors);
});

test('invalid figures show an error and store nothing', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'budget-revenue');
  await addEntry(page, { period: 'Q1', basis: 'estimate', value: '500', submit: 'click' });
  await settled(page);
  const before = await storedRaw(page);
  assert.ok(before, 'a valid entry was stored');

  for (const value of ['abc', '1,2,3', '']) {
    await page.selectOption('#entry-period', 'H1');
    await page.fill('#entry-value', value);
    await page.click('#entry-save');
    const error = page.locator('#entry-value-error');
    await error.waitFor({ state: 'visible' });
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.ok((await text(page, '#entry-value-error')).length > 0, `message for "${value}"`);
    await settled(page);
    assert.equal(await storedRaw(page), before, `"${value}" changed the stored data`);
    assert.equal(await page.locator('table.entries tbody tr').count(), 1, `"${value}" added a row`);
  }
  assertNoErrors(errors);
});

test('language switch, deep link, back and forward', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  const lang = () => page.locator('html').getAttribute('lang');
  const plan = (id) => text(page, `${card(id)} .plan-value`);

  await gotoApp(page, suite.server.url, '#/');
  await page.waitForSelector('[data-target]');
  assert.equal(await lang(), 'vi');
  await page.click('#lang-switch');
  await eventually(async () => assert.equal(await lang(), 'en'));
  await eventually(async () => {
    assert.match(await plan('budget-revenue'), /2,450/);
    assert.match(await plan('grdp-per-capita'), /52\.9/);
  });
  await reloadApp(page);
  await page.waitForSelector('[data-target]');
  assert.equal(await lang(), 'en');
  assert.match(await plan('budget-revenue'), /2,450/);
  await page.click('#lang-switch');
  await eventually(async () => assert.equal(await lang(), 'vi'));
  await eventually(async () => assert.match(await plan('budget-revenue'), /2\.450/));

  const deep = await openPage(suite.browser, t);
  await openTarget(deep.page, 'forest-cover');
  assert.ok((await text(deep.page, 'blockquote.quote')).includes(byId['forest-cover'].quote), 'quote');
  assertNoErrors(deep.errors);

  await page.click(`a[href="${targetUrl('forest-cover')}"]`);
  await page.waitForSelector(`h1:has-text("${byId['forest-cover'].name_vi}")`);
  assert.ok(page.url().endsWith(targetUrl('forest-cover')));
  await page.goBack();
  await page.waitForSelector(card('forest-cover'));
  assert.ok(page.url().endsWith('#/'), page.url());
  await page.goForward();
  await page.waitForSelector(`h1:has-text("${byId['forest-cover'].name_vi}")`);
  assert.ok(page.url().endsWith(targetUrl('forest-cover')), page.url());
  assertNoErrors(errors);
});

test('tasks page keeps status and note', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  const note = 'Đã trình HĐND tỉnh';
  await gotoApp(page, suite.server.url, '#/nhiem-vu');
  await page.waitForSelector('[data-item]');
  const ids = await page.locator('[data-item]').evaluateAll((els) => els.map((e) => e.dataset.item));
  assert.deepEqual(ids, PLAN.items.map((i) => i.id));
  assert.equal(ids.length, 13);

  const item = '[data-item="3a"]';
  await page.selectOption(`${item} select.item-status`, 'done');
  await page.fill(`${item} textarea.item-note`, note);
  await page.locator(`${item} textarea.item-note`).blur();
  await eventually(async () => assert.ok((await storedRaw(page))?.includes(note), 'note stored'));

  await reloadApp(page);
  await page.waitForSelector(item);
  assert.equal(await page.inputValue(`${item} select.item-status`), 'done');
  assert.equal(await page.inputValue(`${item} textarea.item-note`), note);
  assert.equal(await page.inputValue('[data-item="3b"] select.item-status'), 'not-started');
  assertNoErrors(errors);
});

test('screenshots for humans (tests/e2e/artifacts/)', { timeout: TIMEOUT }, async (t) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [360, 1280]) {
    const { page, errors } = await openPage(suite.browser, t, { width, height: 800 });
    await gotoApp(page, suite.server.url, '#/');
    await page.waitForSelector('svg[data-chart="groups"] rect.bar', { state: 'attached' });
    await page.screenshot({ path: join(ARTIFACTS, `overview-${width}.png`), fullPage: true });
    await openTarget(page, 'budget-revenue');
    await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
    await page.screenshot({ path: join(ARTIFACTS, `target-${width}.png`), fullPage: true });
    assertNoErrors(errors);
  }
});
