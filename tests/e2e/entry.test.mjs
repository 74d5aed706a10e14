// tests/e2e/entry.test.mjs — owns the browser tests of entering figures as a provincial
// statistician does: the periods offered and remembered, the questions asked before a figure is
// saved over another or looks like a slip, undo, the figures of the year before the plan, and
// what the overview says of each figure's period. Each scenario that saves ends by reading
// localStorage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PLAN, assertNoErrors, envelope, eventually, gotoApp, openPage, reloadApp, seedStorage,
  settled, storedRaw, text, fileSuite,
} from './helpers.mjs';
import { byId, openTarget as openTargetAt } from './storage-helpers.mjs';

const TIMEOUT = 90_000;
const PERIOD_KEY = 'lai-chau-plan-2023:entry-period';

const suite = fileSuite();

const openTarget = (page, id) => openTargetAt(page, suite.server.url, id);

/** Fills the entry form and presses its save button; waits for nothing. */
async function typeFigure(page, { period, basis = 'estimate', value }) {
  if (period) await page.selectOption('#entry-period', period);
  await page.check(`input[name="basis"][value="${basis}"]`);
  await page.fill('#entry-value', value);
  await page.click('#entry-save');
}

const row = (period, basis = 'estimate') => `table.entries tbody tr[data-period="${period}"][data-basis="${basis}"]`;

/** Types a figure that asks nothing, and waits for its row. */
async function addFigure(page, figure) {
  await typeFigure(page, figure);
  await page.waitForSelector(row(figure.period, figure.basis));
}

/** What localStorage holds of one target's figures, after the waiting save: [period, basis, value]. */
async function storedFigures(page, id) {
  await settled(page);
  const raw = await storedRaw(page);
  if (raw === null) return [];
  return (JSON.parse(raw).data.entries[id] ?? []).map((e) => [e.period, e.basis, e.value]);
}

async function storedData(page) {
  await settled(page);
  return JSON.parse(await storedRaw(page)).data;
}

const focused = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('editing a figure onto a period that has one asks; "Không" keeps both, "Đồng ý" replaces, undo restores both', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'grain-output');
  await addFigure(page, { period: '9M', value: '124,12' });
  await addFigure(page, { period: 'Y', value: '200' });

  // The whole year's figure is edited, and its period changed to nine months, which has one.
  await page.click(`${row('Y')} .entry-edit`);
  await page.selectOption('#entry-period', '9M');
  await page.fill('#entry-value', '130');
  await page.click('#entry-save');
  await settled(page);
  assert.deepEqual(await storedFigures(page, 'grain-output'), [['9M', 'estimate', 124.12], ['Y', 'estimate', 200]],
    'nothing is replaced before the user agrees');
  await page.waitForSelector('.question');
  assert.match(await text(page, '#question-text'), /9 tháng \(ước\) đã có số liệu 124,12 nghìn tấn\. Thay bằng 130 nghìn tấn\?/);
  assert.equal(await focused(page), 'question-yes', 'the question takes the focus');

  await page.click('#question-no');
  assert.equal(await page.locator('.question').count(), 0);
  assert.equal(await page.inputValue('#entry-value'), '130', '"Không" keeps what was typed');
  assert.equal(await focused(page), 'entry-value', 'and returns to the value');
  assert.deepEqual(await storedFigures(page, 'grain-output'), [['9M', 'estimate', 124.12], ['Y', 'estimate', 200]]);

  await page.click('#entry-save');
  await page.click('#question-yes');
  await eventually(async () => assert.deepEqual(await storedFigures(page, 'grain-output'), [['9M', 'estimate', 130]]));
  assert.equal(await page.inputValue('#entry-value'), '', '"Đồng ý" clears the form');
  assert.equal(await focused(page), 'entry-value');

  await page.click('#entry-undo');
  await eventually(async () => assert.deepEqual(await storedFigures(page, 'grain-output'),
    [['9M', 'estimate', 124.12], ['Y', 'estimate', 200]]));
  assertNoErrors(errors);
});

test('undoing a delete never overwrites a figure typed into that period since', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'grain-output');
  await addFigure(page, { period: '9M', value: '124,12' });
  await page.click(`${row('9M')} .entry-delete`);
  await page.waitForSelector(row('9M'), { state: 'detached' });
  await addFigure(page, { period: '9M', value: '125' });
  await page.click('.undo button');
  await settled(page);
  assert.deepEqual(await storedFigures(page, 'grain-output'), [['9M', 'estimate', 125]]);
  assert.equal(await text(page, `${row('9M')} td.num`), '125 nghìn tấn');
  assert.match(await text(page, '.entries-section .form-status'), /Không hoàn tác/);
  assertNoErrors(errors);
});

test('124.120 typed for grain (thousand tonnes) is refused, 12.412 asks first; "Không" stores nothing; a changed value withdraws the question', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'grain-output');
  // Tonnes where thousand tonnes are asked: beyond the target's plausible range, refused.
  await typeFigure(page, { period: '9M', value: '124.120' });
  assert.match(await text(page, '#entry-value-error'), /ngoài khoảng hợp lý.*22\.500 nghìn tấn/);
  assert.equal(await page.getAttribute('#entry-value', 'aria-invalid'), 'true');
  assert.equal(await page.locator('.question').count(), 0);
  assert.equal(await storedRaw(page), null, 'nothing was stored');

  // A misplaced mark (124,12 typed as 12.412) is possible, but far from the plan: asked first.
  await page.fill('#entry-value', '12.412');
  await page.click('#entry-save');
  await page.waitForSelector('.question');
  assert.match(await text(page, '#question-text'), /rất xa chỉ tiêu kế hoạch \(225 nghìn tấn\)/);
  assert.equal(await focused(page), 'question-yes');
  await page.click('#question-no');
  assert.equal(await page.inputValue('#entry-value'), '12.412');
  assert.equal(await focused(page), 'entry-value');
  await settled(page);
  assert.equal(await storedRaw(page), null, 'nothing was stored');

  // Asked again, the user corrects the figure instead of answering: the question goes, so
  // that no "yes" can save a value other than the one on screen.
  await page.click('#entry-save');
  await page.waitForSelector('.question');
  await page.fill('#entry-value', '124,12');
  assert.equal(await page.locator('.question').count(), 0);
  await page.click('#entry-save');
  await page.waitForSelector(row('9M'));
  assert.deepEqual(await storedFigures(page, 'grain-output'), [['9M', 'estimate', 124.12]]);
  assertNoErrors(errors);
});

test('a question left unanswered goes with the page: coming back shows none, and nothing was stored', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'grain-output');
  await typeFigure(page, { period: '9M', value: '12.412' });
  await page.waitForSelector('.question');
  await page.click('a[href="#/"]');
  await page.waitForSelector('[data-target="grain-output"]');
  await page.click('[data-target="grain-output"] a');
  await page.waitForSelector('#entry-form');
  assert.equal(await page.locator('.question').count(), 0);
  assert.equal(await page.inputValue('#entry-value'), '');
  await settled(page);
  assert.equal(await storedRaw(page), null);
  assertNoErrors(errors);
});

test('2,510 typed for budget revenue asks first; "Không" stores nothing, 2.510 is saved', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'budget-revenue');
  await typeFigure(page, { period: 'Y', basis: 'official', value: '2,510' });
  await page.waitForSelector('.question');
  assert.match(await text(page, '#question-text'), /2\.450 tỷ đồng/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.question').count(), 0, 'Escape is "Không"');
  assert.equal(await storedRaw(page), null);
  await page.fill('#entry-value', '2.510');
  await page.click('#entry-save');
  await page.waitForSelector(row('Y', 'official'));
  assert.deepEqual(await storedFigures(page, 'budget-revenue'), [['Y', 'official', 2510]]);
  assertNoErrors(errors);
});

test('saving over a figure of the same period asks, and undo brings the earlier figure back', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'grain-output');
  await addFigure(page, { period: '9M', value: '124,12' });
  await typeFigure(page, { period: '9M', value: '125' });
  await page.waitForSelector('.question');
  await page.click('#question-yes');
  await eventually(async () => assert.equal(await text(page, `${row('9M')} td.num`), '125 nghìn tấn'));
  assert.match(await text(page, '.undo'), /Đã sửa số liệu 9 tháng · ước\./);
  assert.deepEqual(await storedFigures(page, 'grain-output'), [['9M', 'estimate', 125]]);
  await page.click('#entry-undo');
  await eventually(async () => assert.deepEqual(await storedFigures(page, 'grain-output'), [['9M', 'estimate', 124.12]]));
  // A deleted row's focus goes to the undo, which brings the figure back.
  await page.click(`${row('9M')} .entry-delete`);
  await eventually(async () => assert.equal(await focused(page), 'entry-undo'));
  assert.match(await text(page, '.undo'), /Đã xóa số liệu 9 tháng · ước\./);
  assert.deepEqual(await storedFigures(page, 'grain-output'), []);
  await page.keyboard.press('Enter');
  await page.waitForSelector(row('9M'));
  assert.deepEqual(await storedFigures(page, 'grain-output'), [['9M', 'estimate', 124.12]]);
  assertNoErrors(errors);
});

test('periods are offered in groups, a level once per month, and the last one chosen is kept across targets and reloads', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'grain-output');
  const groups = await page.$$eval('#entry-period optgroup', (gs) => gs.map((g) => [g.label, g.children.length]));
  assert.deepEqual(groups, [['Lũy kế từ đầu năm', 12], ['Riêng tháng', 11], ['Riêng quý', 3]]);
  const labels = await page.$$eval('#entry-period option', (os) => os.map((o) => o.textContent.trim()));
  assert.ok(labels.includes('5 tháng') && labels.includes('11 tháng') && labels.includes('Quý III (riêng quý)'), labels.join(' | '));
  assert.equal(new Set(labels).size, labels.length, 'no label twice');
  assert.equal(await page.inputValue('#entry-period'), 'M01', 'nothing chosen, nothing entered: the first period');

  await page.selectOption('#entry-period', 'Q3');
  assert.match(await text(page, '#entry-value-hint'), /của riêng kỳ này, không cộng dồn/);
  await openTarget(page, 'budget-revenue');
  assert.equal(await page.inputValue('#entry-period'), 'Q3', 'kept across targets');
  // A level has one period per month's end: the third quarter's own is its level at September's end.
  await openTarget(page, 'forest-cover');
  assert.equal(await page.locator('#entry-period optgroup').count(), 0);
  assert.deepEqual(await page.$$eval('#entry-period option', (os) => os.map((o) => o.value)),
    ['M01', 'M02', 'Q1', 'M04', 'M05', 'H1', 'M07', 'M08', '9M', 'M10', 'M11', 'Y']);
  assert.equal(await page.inputValue('#entry-period'), '9M');
  await reloadApp(page);
  await page.waitForSelector('#entry-period');
  assert.equal(await page.inputValue('#entry-period'), '9M', 'kept across reloads');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), PERIOD_KEY), '"Q3"');
  // Saving a figure keeps the period for the next one.
  await addFigure(page, { period: 'H1', value: '51,9' });
  assert.equal(await page.inputValue('#entry-period'), 'H1');
  assert.deepEqual(await storedFigures(page, 'forest-cover'), [['H1', 'estimate', 51.9]]);
  assertNoErrors(errors);
});

test('with no period remembered the form starts at the latest period with a figure', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await seedStorage(page, envelope({
    entries: { 'budget-revenue': [{ period: '9M', basis: 'estimate', value: 1837.5, note: '' }] },
    baselines: {}, assessments: {}, items: {},
  }));
  await openTarget(page, 'grain-output');
  assert.equal(await page.inputValue('#entry-period'), '9M');
  assertNoErrors(errors);
});

test('a realistic year of Lai Châu figures typed through the form ends with exactly those figures stored', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'grain-output');
  await addFigure(page, { period: '9M', value: '124,12' });
  await addFigure(page, { period: 'Y', basis: 'official', value: '225' });
  // The year before the plan: nine months and the whole year.
  await page.selectOption('#prior-period', '9M');
  await page.fill('#prior-value', '119,8');
  await page.click('#prior-save');
  await page.waitForSelector('table.prior-figures tr[data-period="9M"]');
  await page.selectOption('#prior-period', 'Y');
  await page.fill('#prior-value', '220,4');
  await page.press('#prior-value', 'Enter');
  await page.waitForSelector('table.prior-figures tr[data-period="Y"]');
  assert.deepEqual(await page.$$eval('table.prior-figures tbody th', (ths) => ths.map((th) => th.textContent.trim())),
    ['9 tháng năm 2022', 'Cả năm 2022']);

  await openTarget(page, 'budget-revenue');
  await addFigure(page, { period: 'C05', value: '820' });
  await addFigure(page, { period: 'Q3', value: '560' });
  await addFigure(page, { period: '9M', value: '1.655,5' });
  assert.deepEqual(await page.$$eval('table.entries tbody th', (ths) => ths.map((th) => th.textContent.trim())),
    ['5 tháng', 'Quý III (riêng quý)', '9 tháng']);

  await openTarget(page, 'forest-cover');
  await addFigure(page, { period: 'Y', basis: 'official', value: '51,87' });

  const data = await storedData(page);
  const figures = Object.fromEntries(Object.entries(data.entries)
    .map(([id, list]) => [id, list.map((e) => [e.period, e.basis, e.value])]));
  assert.deepEqual(figures, {
    'grain-output': [['9M', 'estimate', 124.12], ['Y', 'official', 225]],
    'budget-revenue': [['C05', 'estimate', 820], ['Q3', 'estimate', 560], ['9M', 'estimate', 1655.5]],
    'forest-cover': [['Y', 'official', 51.87]],
  });
  assert.deepEqual(data.prior_year, { 'grain-output': { '9M': 119.8, Y: 220.4 } });

  // The overview says each current figure's period and kind, the year before's, and how far
  // the figures go.
  await gotoApp(page, suite.server.url, '#/');
  await page.waitForSelector('[data-target="forest-cover"]');
  const cell = (id) => text(page, `[data-target="${id}"] td.period`);
  assert.equal(await cell('grain-output'), 'Cả năm · chính thức Năm 2022: 220,4 nghìn tấn · tăng 2,1%');
  assert.equal(await cell('budget-revenue'), '9 tháng · ước');
  assert.equal(await cell('forest-cover'), 'Cả năm · chính thức');
  // No figure, no period: the cell is empty, and a wide table draws a dash in it.
  assert.equal(await cell('tea-area'), '');
  assert.equal(await page.$eval('[data-target="tea-area"] td.period', (td) => getComputedStyle(td.querySelector('.marker'), '::after').content), '"—"');
  assert.equal(await text(page, '.data-until'), 'Số liệu cả năm 2023');
  assertNoErrors(errors);
});

test('a figure of the year before is edited and deleted like a figure, with undo', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'grain-output');
  assert.equal(await page.inputValue('#prior-period'), 'Y', 'the whole year first');
  await page.fill('#prior-value', '220,4');
  await page.click('#prior-save');
  const priorRow = 'table.prior-figures tr[data-period="Y"]';
  await page.waitForSelector(priorRow);
  // Choosing a period that has a figure says so before anything is replaced.
  await page.selectOption('#prior-period', '9M');
  await page.selectOption('#prior-period', 'Y');
  assert.match(await text(page, '#prior-existing'), /đã có số 220,4 nghìn tấn/);

  await page.click(`${priorRow} .prior-edit`);
  assert.equal(await page.inputValue('#prior-value'), '220,4');
  assert.equal(await focused(page), 'prior-value');
  await page.fill('#prior-value', '221');
  await page.click('#prior-save');
  await eventually(async () => assert.equal(await text(page, `${priorRow} td.num`), '221 nghìn tấn'));
  assert.deepEqual((await storedData(page)).prior_year, { 'grain-output': { Y: 221 } });
  await page.click('#prior-undo');
  await eventually(async () => assert.deepEqual((await storedData(page)).prior_year, { 'grain-output': { Y: 220.4 } }));

  await page.click(`${priorRow} .prior-delete`);
  await page.waitForSelector(priorRow, { state: 'detached' });
  await eventually(async () => assert.equal(await focused(page), 'prior-undo', 'the undo takes the focus of the row that went'));
  assert.deepEqual((await storedData(page)).prior_year, {});
  await page.click('#prior-undo');
  await page.waitForSelector(priorRow);
  assert.deepEqual((await storedData(page)).prior_year, { 'grain-output': { Y: 220.4 } });
  assertNoErrors(errors);
});
