// tests/e2e/charts.test.mjs — owns the browser tests of the per-target charts: the value axis
// bounded from Rust (forest cover in a band, amounts from zero) and said in the caption, lower is
// better said on the chart, a flow's own figures as bars, all four sectors labelled on a phone,
// tooltips of plain text that no note can turn into markup; and the screenshots of the forest
// cover, grain, budget revenue, underweight and structure charts at 360 and 1280 px, light and
// dark (tests/e2e/artifacts/charts/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS, PLAN, assertNoErrors, eventually, gotoApp, seedStorage, storedRaw, text,
  waitForDrawnCanvas, fileSuite,
} from './helpers.mjs';
import { byId, openTarget as openTargetAt } from './storage-helpers.mjs';

const TIMEOUT = 180_000;
const SHOTS = join(ARTIFACTS, 'charts');
const CHART = '.chart[data-chart="target"]';
const STRUCTURE = '.chart[data-chart="structure"]';
const NOTE = '<img src=x onerror=alert(1)>';

const entry = (period, basis, value, note = '') => ({ period, basis, value, note });

/** The province's 2023-like figures, saved as the app saves them. */
const FIGURES = JSON.stringify({
  schema: 2,
  app: 'lai-chau-plan',
  saved_at: '2023-12-20T08:00:00.000Z',
  revision: 1,
  data: {
    entries: {
      'forest-cover': [entry('Y', 'official', 51.87, NOTE)],
      'grain-output': [entry('9M', 'estimate', 124.12), entry('Y', 'estimate', 225)],
      'budget-revenue': [
        entry('Q1', 'official', 520),
        entry('Q2', 'official', 600),
        entry('Q3', 'estimate', 650),
        entry('M10', 'estimate', 200),
      ],
      'underweight-children': [entry('Y', 'estimate', 17.2)],
      'poverty-reduction': [entry('Y', 'estimate', 23.88)],
      'structure-agriculture': [entry('Y', 'estimate', 14.6)],
      'structure-industry': [entry('Y', 'estimate', 40.1)],
      'structure-services': [entry('Y', 'estimate', 39.0)],
      'structure-product-taxes': [entry('Y', 'estimate', 6.3)],
    },
    prior_year: {
      'forest-cover': { Y: 51.6 },
      'grain-output': { '9M': 120.5, Y: 215.4 },
      'underweight-children': { Y: 17.9 },
      'poverty-reduction': { Y: 26.5 },
      'structure-agriculture': { Y: 15.2 },
      'structure-industry': { Y: 39.8 },
      'structure-services': { Y: 38.9 },
      'structure-product-taxes': { Y: 6.1 },
    },
    assessments: {},
    items: {},
  },
  clock: {},
});

const suite = fileSuite();

/** A page with the figures seeded, at `width`, in `colorScheme`; closed when `t` ends. */
async function openCharts(t, { width, colorScheme = 'light' }) {
  const context = await suite.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await seedStorage(page, FIGURES);
  return { page, errors, dialogs };
}

/** Opens a target's page and waits until its chart (or `selector`) is drawn. */
async function openTarget(page, id, selector = CHART) {
  await openTargetAt(page, suite.server.url, id);
  await waitForDrawnCanvas(page, selector);
}

/** What ECharts holds of the chart in `selector`: its axes, series and tooltip. */
function drawnOption(page, selector) {
  return page.evaluate((sel) => {
    const chart = globalThis.echarts.getInstanceByDom(document.querySelector(sel));
    const o = chart.getOption();
    return {
      x: o.xAxis[0],
      y: o.yAxis[0],
      series: o.series.map((s) => ({ name: s.name, type: s.type })),
      tooltip: o.tooltip[0],
    };
  }, selector);
}

/** The texts ECharts has drawn on the canvas of `selector` that lie fully inside it. */
function drawnTexts(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const chart = globalThis.echarts.getInstanceByDom(el);
    const [w, h] = [chart.getWidth(), chart.getHeight()];
    const texts = [];
    for (const item of chart.getZr().storage.getDisplayList(true)) {
      const value = item.style?.text;
      if (typeof value !== 'string' || item.ignore || item.invisible) continue;
      const box = item.getBoundingRect().clone();
      if (item.transform) box.applyTransform(item.transform);
      const inside = box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= w + 0.5 && box.y + box.height <= h + 0.5;
      texts.push({ text: value, inside });
    }
    return texts;
  }, selector);
}

for (const width of [360, 1280]) {
  test(`the charts' axes, captions and labels at ${width} px`, { timeout: TIMEOUT }, async (t) => {
    const { page, errors } = await openCharts(t, { width });

    // Forest cover: a band of a few points around plan and figures, said in the caption.
    await openTarget(page, 'forest-cover');
    let drawn = await drawnOption(page, CHART);
    assert.deepEqual([drawn.y.min, drawn.y.max, drawn.y.interval], [46, 58, 2]);
    assert.equal(drawn.y.name, '%');
    assert.match(await text(page, '.chart-summary'), /Trục từ 46% đến 58% \(không bắt đầu từ 0\)\.$/);
    assert.equal(drawn.tooltip.renderMode, 'richText');

    // Underweight children: lower is better, on the axis and in the caption.
    await openTarget(page, 'underweight-children');
    drawn = await drawnOption(page, CHART);
    assert.equal(drawn.y.name, '% · thấp hơn là tốt hơn');
    assert.deepEqual([drawn.y.min, drawn.y.max], [10, 24]);
    assert.match(await text(page, '.chart-summary'), /Thấp hơn là tốt hơn\./);
    const axisName = (await drawnTexts(page, CHART)).find((d) => d.text === '% · thấp hơn là tốt hơn');
    assert.ok(axisName?.inside, `the axis name is drawn whole: ${JSON.stringify(axisName)}`);

    // Grain: from zero, 2022's path and same periods beside the year-to-date line.
    await openTarget(page, 'grain-output');
    drawn = await drawnOption(page, CHART);
    assert.equal(drawn.y.min, 0);
    assert.deepEqual(drawn.series.map((s) => s.name), [
      'Thực hiện (lũy kế)', 'Kế hoạch', 'Tiến độ cần đạt (theo cùng kỳ 2022)', 'Cùng kỳ 2022',
    ]);
    assert.match(await text(page, '.chart-summary'), /Trục bắt đầu từ 0\.$/);

    // Budget revenue: the quarters' and October's own figures are bars.
    await openTarget(page, 'budget-revenue');
    drawn = await drawnOption(page, CHART);
    assert.deepEqual(
      drawn.series.filter((s) => s.type === 'bar').map((s) => s.name),
      ['Riêng tháng', 'Riêng quý'],
    );
    assert.match(await text(page, '.chart-summary'), /Cột: số riêng của tháng, quý; đường: lũy kế từ đầu năm\./);
    // The data table lists what is drawn: a column per series.
    const heads = await page.locator('.chart-figure:has(.chart[data-chart="target"]) table.chart-data thead th').allTextContents();
    assert.deepEqual(heads.slice(1), drawn.series.map((s) => s.name));

    // The structure: every sector's name drawn, whole, at this width.
    await openTarget(page, 'structure-services', STRUCTURE);
    drawn = await drawnOption(page, STRUCTURE);
    assert.equal(drawn.x.axisLabel.interval, 0);
    const labels = drawn.x.data.map((d) => (typeof d === 'object' ? d.value : d));
    assert.equal(labels.length, 4);
    // A label of two lines is drawn as two texts.
    const texts = await drawnTexts(page, STRUCTURE);
    for (const line of labels.flatMap((l) => l.split('\n'))) {
      const found = texts.find((d) => d.text === line);
      assert.ok(found?.inside, `"${line}" is drawn whole at ${width} px: ${JSON.stringify(found)}`);
    }
    if (width === 360) assert.deepEqual(labels, ['Nông\nnghiệp', 'Công\nnghiệp', 'Dịch vụ', 'Thuế SP']);
    assert.deepEqual(drawn.series.map((s) => s.name), ['Năm 2022', 'Kế hoạch', 'Thực hiện']);
    assertNoErrors(errors);
  });
}

test('a tooltip shows period, kind and value as text, and a note never becomes markup', { timeout: TIMEOUT }, async (t) => {
  const { page, errors, dialogs } = await openCharts(t, { width: 1280 });
  await openTarget(page, 'forest-cover');
  // The note is on the page, as text.
  await page.waitForSelector('table.entries');
  const images = await page.evaluate(() => document.querySelectorAll('img').length);
  const point = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const chart = globalThis.echarts.getInstanceByDom(el);
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [12, 51.87]);
    const box = el.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, CHART);
  await page.mouse.move(point.x - 30, point.y - 30);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  // The tooltip's two lines (the series, then the point) are drawn on the canvas as texts.
  await eventually(async () => {
    const texts = (await drawnTexts(page, CHART)).map((d) => d.text);
    const at = texts.indexOf('Cả năm · chính thức: 51,87%');
    assert.ok(at > 0 && texts[at - 1] === 'Thực hiện', `the tooltip's text is drawn: ${JSON.stringify(texts)}`);
  });
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), images);
  // ECharts' tooltip is drawn on the canvas: no element of its own, so no markup at all.
  assert.equal(await page.locator(`${CHART} div:not(:has(canvas))`).count(), 0);
  const stored = JSON.parse(await storedRaw(page));
  assert.equal(stored.data.entries['forest-cover'][0].note, NOTE);
  assertNoErrors(errors);
});

test('screenshots of the charts at 360 and 1280 px, light and dark', { timeout: TIMEOUT }, async (t) => {
  mkdirSync(SHOTS, { recursive: true });
  const charts = [
    ['forest-cover', CHART],
    ['grain-output', CHART],
    ['budget-revenue', CHART],
    ['underweight-children', CHART],
    ['poverty-reduction', CHART],
    ['structure-services', STRUCTURE],
  ];
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const { page, errors } = await openCharts(t, { width, colorScheme });
      for (const [id, selector] of charts) {
        await openTarget(page, id, selector);
        const figure = page.locator(`.chart-figure:has(${selector})`);
        await figure.scrollIntoViewIfNeeded();
        await figure.screenshot({ path: join(SHOTS, `${id}-${width}-${colorScheme}.png`) });
      }
      assertNoErrors(errors);
    }
  }
});
