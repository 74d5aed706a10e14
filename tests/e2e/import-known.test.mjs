// tests/e2e/import-known.test.mjs — owns the browser test of a backup that names a target this
// build does not know (written by a newer build, or edited by hand): what is known is imported,
// what is not is listed, and nothing else is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNoErrors, eventually, fileSuite, gotoApp, openPage, reloadApp, storedRaw, text } from './helpers.mjs';

const suite = fileSuite();

test('a backup with an unknown target imports what is known and lists the rest', { timeout: 90_000 }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await gotoApp(page, suite.server.url, '#/du-lieu');
  const dir = mkdtempSync(join(tmpdir(), 'import-known-'));
  const file = join(dir, 'backup.json');
  writeFileSync(file, JSON.stringify({
    app: 'lai-chau-plan',
    plan: 'lai-chau-2023',
    schema: 2,
    exported_at: '2024-01-15T08:00:00.000Z',
    data: {
      entries: {
        'forest-cover': [{ period: 'Y', basis: 'official', value: 51.87, note: 'số chính thức' }],
        'grain-output': [{ period: '9M', basis: 'estimate', value: 124.12, note: '' }],
        'a-target-of-a-newer-plan': [{ period: 'Y', basis: 'official', value: 5, note: '' }],
      },
      prior_year: { 'grain-output': { '9M': 120.5, Y: 215.4 } },
      assessments: {},
      items: { '9z': { progress: 'done', note: '' } },
    },
  }));
  await page.setInputFiles('#import-file', file);
  await page.waitForSelector('#import-apply');
  // The two rows this build cannot place are listed, with their ids, and block nothing.
  assert.equal(await page.locator('.import-counts').getAttribute('data-skipped'), '2');
  assert.equal(await page.locator('.import-counts').getAttribute('data-rejected'), '0');
  const skipped = await text(page, '.import-skipped');
  assert.match(skipped, /a-target-of-a-newer-plan/);
  assert.match(skipped, /9z/);
  await page.click('#import-apply');
  await eventually(async () => {
    const stored = JSON.parse((await storedRaw(page)) ?? '{}');
    assert.deepEqual(Object.keys(stored.data?.entries ?? {}).sort(), ['forest-cover', 'grain-output']);
  });
  await reloadApp(page);
  const stored = JSON.parse(await storedRaw(page));
  assert.equal(stored.data.entries['forest-cover'][0].value, 51.87);
  assert.equal(stored.data.entries['forest-cover'][0].note, 'số chính thức');
  assert.equal(stored.data.entries['grain-output'][0].value, 124.12);
  assert.deepEqual(stored.data.prior_year['grain-output'], { '9M': 120.5, Y: 215.4 });
  assert.equal(stored.data.entries['a-target-of-a-newer-plan'], undefined);
  assert.equal(stored.data.items?.['9z'], undefined);
  assertNoErrors(errors);
});
