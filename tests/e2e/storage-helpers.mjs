// tests/e2e/storage-helpers.mjs — owns what the tests of saving share: entering a figure through
// the form, reading what is stored, downloads, filling storage, the keys of values set aside.
import { readFile } from 'node:fs/promises';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN, STORAGE_KEY, gotoApp, storedRaw, text } from './helpers.mjs';

export const SET_ASIDE_PREFIX = 'lai-chau-plan-2023:unreadable';
export const LANG_KEY = 'lai-chau-plan-2023:lang';
export const byId = Object.fromEntries(PLAN.targets.map((t) => [t.id, t]));

/** Opens a target's page and waits for its heading (in either language). */
export async function openTarget(page, url, id) {
  await gotoApp(page, url, `#/chi-tieu/${id}`);
  await page.waitForSelector(`h1:has-text("${byId[id].name_vi}"), h1:has-text("${byId[id].name_en}")`);
}

/** Moves an open app to a target's page, in the same document. */
export async function moveToTarget(page, id) {
  await page.evaluate((hash) => { location.hash = hash; }, `#/chi-tieu/${id}`);
  await page.waitForSelector(`h1:has-text("${byId[id].name_vi}")`);
}

/** Enters one figure through the form (Vietnamese number format) and waits for its row. */
export async function addEntry(page, { period, basis = 'official', value, note = '', submit = 'click' }) {
  await page.selectOption('#entry-period', period);
  await page.check(`input[name="basis"][value="${basis}"]`);
  await page.fill('#entry-value', value);
  await page.fill('#entry-note', note);
  if (submit === 'enter') await page.press('#entry-value', 'Enter');
  else await page.click('#entry-save');
  await page.waitForSelector(`table.entries tbody tr[data-period="${period}"][data-basis="${basis}"]`);
}

/**
 * Enters one figure through the same form and events as a user, in one evaluation (no round
 * trip per field), so that two tabs can race. Fails if the form asks a question; returns
 * whether the figure's row showed (a tab that drops its own figure never shows it).
 */
export async function enterQuickly(page, { period, basis, value }) {
  await page.evaluate(({ period, basis, value }) => {
    const select = document.querySelector('#entry-period');
    select.value = period;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector(`input[name="basis"][value="${basis}"]`).click();
    const input = document.querySelector('#entry-value');
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('#entry-save').click();
  }, { period, basis, value });
  const row = page.waitForSelector(`table.entries tbody tr[data-period="${period}"][data-basis="${basis}"]`, { timeout: 3000 });
  const shown = await row.then(() => true, () => false);
  if (await page.locator('#question-yes').count()) throw new Error(`the form asked: ${await page.textContent('.question')}`);
  return shown;
}

/** The stored envelope, parsed (null if nothing is stored, `{ unreadable }` if it cannot be). */
export async function stored(page) {
  const raw = await storedRaw(page);
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return { unreadable: raw };
  }
}

/** The stored value of one figure, or undefined. */
export function storedFigure(envelope, { target, period, basis = 'official' }) {
  return envelope?.data?.entries?.[target]?.find((e) => e.period === period && e.basis === basis)?.value;
}

/** Clicks `selector` (or a locator) and returns the downloaded file's name and text. */
export async function download(page, selector) {
  const click = typeof selector === 'string' ? page.click(selector) : selector.click();
  const [dl] = await Promise.all([page.waitForEvent('download'), click]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

/** Moves an open app to another page by its hash, in the same document (undos stay). */
export async function moveTo(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForSelector('main[data-app-ready]');
}

/** The data the app holds in this tab, as its JSON export gives it (from the data page). */
export async function exported(page) {
  await moveTo(page, '#/du-lieu');
  await page.waitForSelector('#export-json');
  const file = await download(page, '#export-json');
  return JSON.parse(file.text).data;
}

/** Says yes to the question an edit asks, if it asks one. */
export async function yesIfAsked(page) {
  const yes = page.locator('#question-yes');
  try {
    await yes.waitFor({ timeout: 2000 });
  } catch {
    return false;
  }
  await yes.click();
  return true;
}

/** The warning banner's text, once it shows. */
export async function bannerText(page) {
  await page.waitForSelector('.banner.banner-warning');
  return text(page, '.banner.banner-warning');
}

/** Fills localStorage until it refuses more; returns how many characters went in. */
export function fillStorage(page) {
  return page.evaluate(() => {
    let total = 0;
    for (let size = 1 << 20, i = 0; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler-${size}-${i++}`, chunk);
          total += size;
        } catch {
          break;
        }
      }
    }
    return total;
  });
}

/** Removes what `fillStorage` put in. */
export function freeStorage(page) {
  return page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
}

/** Every value set aside as unreadable: [key, text], oldest key first. */
export function setAside(page) {
  return page.evaluate((prefix) => Object.keys(localStorage)
    .filter((k) => k.startsWith(prefix))
    .sort()
    .map((k) => [k, localStorage.getItem(k)]), SET_ASIDE_PREFIX);
}

/** Writes a CSV backup (the importer's columns) of `rows` [target, period, value, basis, note]. */
export function csvFile(name, rows) {
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  const path = join(dir, name);
  const lines = rows.map(([target, period, value, basis = 'official', note = '']) => {
    const t = byId[target];
    return [target, '', t.unit, period, value, basis, note].join(',');
  });
  writeFileSync(path, `target_id,target_name,unit,period,value,basis,note\r\n${lines.join('\r\n')}\r\n`);
  return path;
}

/** Imports a file on the data page (moved to in the same document) and applies it. */
export async function importFile(page, path) {
  await moveTo(page, '#/du-lieu');
  await page.setInputFiles('#import-file', path);
  await page.waitForSelector('#import-apply');
  await page.click('#import-apply');
}

export { STORAGE_KEY };
