// tests/e2e/verdict.test.mjs — owns the browser tests of the plan's verdicts: a year's figure
// that misses its plan says "Không đạt", a growth rate shows its gap in points, and the
// screenshots of target pages judged that way (forest cover, GRDP growth, grain).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS, PLAN, assertNoErrors, eventually, gotoApp, openPage, seedStorage, settled,
  storedRaw, text, waitForDrawnCanvas, fileSuite,
} from './helpers.mjs';
import { addEntry, byId, openTarget as openTargetAt } from './storage-helpers.mjs';

const TIMEOUT = 120_000;
const summary = 'section.target-summary';
const card = (id) => `[data-target="${id}"]`;

const suite = fileSuite();

/** Opens a target's page and waits for its heading. */
const openTarget = (page, id) => openTargetAt(page, suite.server.url, id);

/** The status code shown inside `scope`. */
function statusIn(page, scope) {
  return page.locator(`${scope} .status`).first().getAttribute('data-status');
}

/** The entries the app saved for a target: [{ period, basis, value }]. */
async function storedEntries(page, id) {
  await settled(page);
  const stored = JSON.parse(await storedRaw(page));
  return (stored.data.entries[id] ?? []).map(({ period, basis, value }) => ({ period, basis, value }));
}

test('a whole-year forest cover of 51,87 % misses "đạt 52,3%"', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'forest-cover');
  await addEntry(page, { period: 'Y', basis: 'official', value: '51,87' });

  await eventually(async () => {
    assert.equal(await statusIn(page, summary), 'missed');
    assert.equal(await text(page, `${summary} .status-word`), 'Không đạt');
  });
  assert.equal(await text(page, `${summary} .achievement`), '99,2%');
  const why = await text(page, `${summary} .why`);
  assert.match(why, /^Cả năm: 51,87%, đạt 99,2% kế hoạch — không đạt kế hoạch \(≥ 52,3%\)\./, why);
  assert.match(await text(page, summary), /Kết quả cả năm/);

  // The overview counts it as missed, not as off track.
  await gotoApp(page, suite.server.url, '#/');
  await page.waitForSelector(card('forest-cover'));
  await eventually(async () => {
    assert.equal(await statusIn(page, card('forest-cover')), 'missed');
    assert.equal(await text(page, '[data-summary="missed"] .count'), '1');
    assert.equal(await text(page, '[data-summary="off-track"] .count'), '0');
  });

  assert.deepEqual(await storedEntries(page, 'forest-cover'), [{ period: 'Y', basis: 'official', value: 51.87 }]);
  assertNoErrors(errors);
});

test('GRDP growth of −2,77 % for the year shows a gap in points, no percent of plan', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await openTarget(page, 'grdp-growth');
  await addEntry(page, { period: 'Y', basis: 'estimate', value: '-2,77' });

  await eventually(async () => {
    assert.equal(await statusIn(page, summary), 'missed');
    assert.equal(await text(page, `${summary} .achievement`), '-11,77 điểm %');
  });
  const shown = await text(page, summary);
  assert.match(shown, /thấp hơn kế hoạch 11,77 điểm %/);
  assert.match(shown, /Chênh lệch so với KH/);
  assert.ok(!shown.includes('% kế hoạch'), `a percent of plan is shown: ${shown}`);
  assert.ok(!/đạt -?[\d.,]+% kế hoạch/.test(await text(page, 'main')), 'no "đạt x% kế hoạch" on the page');

  await gotoApp(page, suite.server.url, '#/');
  await page.waitForSelector(card('grdp-growth'));
  await eventually(async () => {
    assert.equal(await text(page, `${card('grdp-growth')} .achievement`), '-11,77 điểm %');
  });

  assert.deepEqual(await storedEntries(page, 'grdp-growth'), [{ period: 'Y', basis: 'estimate', value: -2.77 }]);
  assertNoErrors(errors);
});

/** Grain at nine months and 2022's path to its year: on track by the season, not linearly. */
const GRAIN = JSON.stringify({
  schema: 2,
  app: 'lai-chau-plan',
  saved_at: '2023-10-05T08:00:00.000Z',
  revision: 1,
  data: {
    entries: { 'grain-output': [{ period: '9M', basis: 'estimate', value: 124.12, note: '' }] },
    prior_year: { 'grain-output': { '9M': 121.5, Y: 219.6 } },
    assessments: {},
    items: {},
  },
  clock: {},
});

test('seasonal grain follows 2022\'s path; screenshots of judged target pages', { timeout: TIMEOUT }, async (t) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [360, 1280]) {
    const { page, errors } = await openPage(suite.browser, t, { width, height: 800 });
    await seedStorage(page, GRAIN);
    await openTarget(page, 'grain-output');
    await eventually(async () => assert.equal(await statusIn(page, summary), 'on-track'));
    assert.match(await text(page, `${summary} .why`), /như năm 2022: 9 tháng đạt 55,3% cả năm/);
    await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
    await page.screenshot({ path: join(ARTIFACTS, `verdict-grain-${width}.png`), fullPage: true });

    for (const [id, entry] of [
      ['forest-cover', { period: 'Y', basis: 'official', value: '51,87' }],
      ['grdp-growth', { period: 'Y', basis: 'estimate', value: '-2,77' }],
    ]) {
      await openTarget(page, id);
      await addEntry(page, entry);
      await eventually(async () => assert.equal(await statusIn(page, summary), 'missed'));
      await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
      await page.screenshot({ path: join(ARTIFACTS, `verdict-${id}-${width}.png`), fullPage: true });
    }
    assert.deepEqual(await storedEntries(page, 'grain-output'), [{ period: '9M', basis: 'estimate', value: 124.12 }]);
    const stored = JSON.parse(await storedRaw(page));
    assert.deepEqual(stored.data.prior_year['grain-output'], { '9M': 121.5, Y: 219.6 });
    assertNoErrors(errors);
  }
});
