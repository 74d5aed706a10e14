// tests/e2e/reports.test.mjs — owns the browser tests of reports: the overview printed, PDF, search,
// snapshot links, chart PNG. The Biểu (#/bao-cao) is bieu.test.mjs's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PLAN, assertNoErrors, eventually, gotoApp, openPage, storedRaw, text,
  waitForDrawnCanvas, fileSuite,
  seedStorage, envelope,
} from './helpers.mjs';

const TIMEOUT = 90_000;
const suite = fileSuite();

/** Saved data with figures for three targets, as the app itself writes it. */
const SEEDED = envelope({
  entries: {
    'budget-revenue': [{ period: '9M', basis: 'estimate', value: 1837.5, note: 'ước 9 tháng' }],
    'forest-cover': [{ period: 'Y', basis: 'official', value: 52.5, note: '' }],
    'underweight-children': [{ period: 'H1', basis: 'estimate', value: 17.9, note: '' }],
  },
  baselines: { 'forest-cover': 51.2 },
  assessments: {},
  items: {},
});

async function seeded(t, options) {
  const opened = await openPage(suite.browser, t, options);
  await seedStorage(opened.page, SEEDED);
  return opened;
}

/** Text with all white space removed and Unicode composed, to compare text from a PDF. */
const squash = (s) => s.normalize('NFC').replace(/\s+/g, '');

test('the printed overview shows every target with its values', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await seeded(t);
  await gotoApp(page, suite.server.url, '#/');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('h1.page-title').isVisible(), true, 'the plan\'s title printed');
  assert.equal(await page.locator('#print-report').isVisible(), false, 'no controls printed');
  assert.equal(await page.locator('.filter-bar').isVisible(), false, 'no filter printed');
  for (const target of PLAN.targets) {
    const row = page.locator(`[data-target="${target.id}"]`);
    assert.equal(await row.isVisible(), true, `${target.id} printed`);
  }
  assert.match(await text(page, '[data-target="budget-revenue"] .current-value'), /1\.837,5/);
  assert.equal(await text(page, '[data-target="budget-revenue"] .achievement'), '75,0%');
  assert.equal(await text(page, '[data-target="budget-revenue"] td.note'), 'ước 9 tháng');
  assertNoErrors(errors);
});

test('the PDF of the report holds every target name', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await seeded(t);
  await gotoApp(page, suite.server.url, '#/');
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  const pdf = join(dir, 'report.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const content = squash(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).toString('utf8'));
  for (const target of PLAN.targets) {
    assert.ok(content.includes(squash(target.name_vi)), `PDF lacks "${target.name_vi}"`);
  }
  assert.ok(content.includes(squash(PLAN.title_vi)), 'PDF lacks the plan\'s title');
  assertNoErrors(errors);
});

test('search ignores diacritics, and filters narrow the list', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await seeded(t);
  await gotoApp(page, suite.server.url, '#/');
  await page.fill('#filter-text', 'thu ngan sach');
  await eventually(async () => {
    const visible = await page.locator('[data-target]:visible').evaluateAll((els) => els.map((e) => e.dataset.target));
    assert.deepEqual(visible, ['budget-revenue']);
  });
  await page.fill('#filter-text', '');
  await page.selectOption('#filter-status', 'achieved');
  await eventually(async () => {
    const visible = await page.locator('[data-target]:visible').evaluateAll((els) => els.map((e) => e.dataset.target));
    assert.deepEqual(visible, ['forest-cover']);
  });
  await page.selectOption('#filter-status', '');
  await page.selectOption('#filter-group', '3');
  await eventually(async () => assert.equal(await page.locator('[data-target]:visible').count(), 1));
  assertNoErrors(errors);
});

test('a snapshot link shows the same figures read-only and imports them on request', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await seeded(t);
  await gotoApp(page, suite.server.url, '#/');
  await page.click('#share-create');
  const link = await page.inputValue('#share-link');
  assert.match(link, /#\/chia-se\/[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 2000, `link is ${link.length} characters`);

  const fresh = await openPage(suite.browser, t);
  await gotoApp(fresh.page, link);
  await fresh.page.waitForSelector('[data-snapshot="read-only"]');
  assert.match(await text(fresh.page, '[data-target="budget-revenue"] .current-value'), /1\.837,5/);
  assert.equal(await text(fresh.page, '[data-target="forest-cover"] .achievement'), '100,4%');
  assert.equal(await storedRaw(fresh.page), null, 'viewing a snapshot stores nothing');
  // The import is previewed like a file first, and changes nothing until it is applied.
  await fresh.page.click('#snapshot-import');
  await fresh.page.waitForSelector('.import-preview .import-counts');
  assert.ok(Number(await fresh.page.getAttribute('.import-counts', 'data-added')) >= 3, 'entries and the baseline are new');
  assert.equal(await fresh.page.getAttribute('.import-counts', 'data-rejected'), '0');
  assert.equal(await storedRaw(fresh.page), null, 'a preview stores nothing');
  await fresh.page.click('#snapshot-apply');
  await eventually(async () => {
    const stored = JSON.parse((await storedRaw(fresh.page)) ?? '{}');
    assert.equal(stored.data?.entries?.['budget-revenue']?.[0]?.value, 1837.5);
    assert.equal(stored.data?.prior_year?.['forest-cover']?.Y, 51.2);
  });
  await gotoApp(fresh.page, suite.server.url, '#/');
  assert.match(await text(fresh.page, '[data-target="budget-revenue"] .current-value'), /1\.837,5/);
  assertNoErrors(errors);
  assertNoErrors(fresh.errors);
});

test('a chart is saved as a PNG with title and source', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await seeded(t);
  await gotoApp(page, suite.server.url, '#/chi-tieu/budget-revenue');
  await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.chart-figure:has([data-chart="target"]) .chart-png'),
  ]);
  assert.equal(download.suggestedFilename(), 'lai-chau-2023-budget-revenue.png');
  const file = join(mkdtempSync(join(tmpdir(), 'png-')), 'chart.png');
  await download.saveAs(file);
  const png = readFileSync(file);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(png.length > 10_000, `PNG of ${png.length} bytes`);
  // The chart is still drawn on the page after the export.
  await waitForDrawnCanvas(page, '.chart[data-chart="target"]');
  assertNoErrors(errors);
});
