// tests/e2e/bieu.test.mjs — owns the browser tests of the Biểu (#/bao-cao) on a realistic year of
// figures: printed to PDF (A4 landscape, every target with its period, the headline, page numbers,
// the header on every page, no group row alone at a page's foot, the signatures together), the
// status column at its narrowest, and the workbook downloaded and read back with exceljs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  ROOT, PLAN, assertNoErrors, eventually, gotoApp, openPage, seedStorage, storedRaw, text, fileSuite,
} from './helpers.mjs';

const TIMEOUT = 120_000;
const suite = fileSuite();

/** A year of figures as a statistician has them in December: the envelope the native tests read. */
const YEAR = readFileSync(join(ROOT, 'src/report/fixtures/year-2023.json'), 'utf8');
const SEEDED_DATA = JSON.parse(YEAR).data;

/** Text with all white space removed and Unicode composed, to compare text from a PDF. */
const squash = (s) => s.normalize('NFC').replace(/\s+/g, '');

/** Opens the report page on the seeded year, in `lang`. */
async function openReport(t, { lang = 'vi', width = 1280 } = {}) {
  const opened = await openPage(suite.browser, t, { width });
  await seedStorage(opened.page, YEAR);
  if (lang === 'en') {
    await opened.page.addInitScript(() => localStorage.setItem('lai-chau-plan-2023:lang', '"en"'));
  }
  await gotoApp(opened.page, suite.server.url, '#/bao-cao');
  await opened.page.waitForSelector('.bieu-targets tbody tr[data-target]');
  return opened;
}

/** Prints the page to a PDF as the browser's dialog would (the page's own size and margins). */
async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  const file = join(mkdtempSync(join(tmpdir(), 'bieu-')), 'bieu.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  // One text per page: pdftotext ends every page with a form feed.
  const pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])
    .toString('utf8')
    .split('\f')
    .slice(0, -1);
  return { info, pages };
}

/** Each target's period as the page shows it ("" without a figure), by id. */
function periods(page) {
  return page.$$eval('.bieu-targets tr[data-target]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.target, r.querySelector('.period').textContent.trim()])));
}

/** The data stored is still the data seeded: showing, printing or downloading changes nothing. */
async function assertDataUnchanged(page) {
  const stored = JSON.parse(await storedRaw(page));
  assert.deepEqual(stored.data, SEEDED_DATA);
}

test('the printed Biểu holds every target with its period, the headline, page numbers and the signatures', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openReport(t);
  const shown = await periods(page);
  assert.equal(shown['budget-revenue'], '9 tháng · ước');
  assert.equal(shown['forest-cover'], 'Cả năm · chính thức');
  assert.equal(shown['commune-waste-collected'], '');
  const { info, pages } = await printed(page);
  assert.match(info, /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/, 'A4 landscape');
  const all = squash(pages.join(''));

  // Every target, in plan order, each followed by its own period before the next target.
  let from = 0;
  const names = PLAN.targets.map((target) => squash(target.name_vi));
  PLAN.targets.forEach((target, i) => {
    const at = all.indexOf(names[i], from);
    assert.ok(at >= 0, `the PDF lacks "${target.name_vi}" (in plan order)`);
    const next = i + 1 < names.length ? all.indexOf(names[i + 1], at) : all.length;
    const row = all.slice(at, next);
    if (shown[target.id]) assert.ok(row.includes(squash(shown[target.id])), `${target.id} lacks its period "${shown[target.id]}"`);
    from = at;
  });

  for (const words of [
    'ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
    'Biểu số 01', 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2023',
    'Nghị quyết số 52/NQ-HĐND', 'Có 27/48 chỉ tiêu đạt và vượt kế hoạch', 'Số liệu cả năm 2023',
    'NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lai Châu, ngày',
    '3. Nhiệm vụ trọng tâm', '4. Giải pháp chủ yếu',
  ]) {
    assert.ok(all.includes(squash(words)), `the PDF lacks "${words}"`);
  }
  // Nothing of the app around the report is printed.
  for (const words of ['Toàn văn nghị quyết', 'In Biểu / Lưu PDF', 'Tải Biểu (.xlsx)', 'Dữ liệu chỉ lưu trong trình duyệt này']) {
    assert.ok(!all.includes(squash(words)), `the PDF prints "${words}"`);
  }

  assert.ok(pages.length >= 3, `${pages.length} pages`);
  pages.forEach((text, i) => {
    const p = squash(text);
    assert.ok(p.includes(squash(`Trang ${i + 1}/${pages.length}`)), `page ${i + 1} lacks its number`);
    // The table's header is printed again on every page the table runs over.
    if (i > 0 && p.includes(squash('Chỉ tiêu'))) {
      assert.ok(p.includes(squash('Ước TH / TH kỳ báo cáo')), `page ${i + 1} lacks the table's header`);
    }
    // A group's row is never the last line of a page: its first target is on the same page.
    for (const group of PLAN.groups) {
      const label = squash(`(${group.number}) ${group.name_vi}`);
      if (!p.includes(label)) continue;
      const first = PLAN.targets.find((target) => target.group === group.number);
      assert.ok(p.includes(squash(first.name_vi)), `page ${i + 1} ends on group (${group.number})`);
    }
  });
  // The signatures are together on one page, with rows of the table above them.
  const signed = pages.map(squash).filter((p) => p.includes(squash('NGƯỜI LẬP BIỂU')));
  assert.equal(signed.length, 1);
  assert.ok(signed[0].includes(squash('(Ký tên, đóng dấu)')) && signed[0].includes(squash('Phong trào thi đua')));

  await assertDataUnchanged(page);
  assertNoErrors(errors);
});

test('the English Biểu prints in English with its page numbers', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openReport(t, { lang: 'en' });
  assert.equal(await text(page, '[data-target="grdp-growth"] .of-plan'), '-11.77 points');
  assert.equal(await text(page, '[data-target="grdp-growth"] .verdict'), 'Missed');
  const { pages } = await printed(page);
  const all = squash(pages.join(''));
  for (const target of PLAN.targets) {
    assert.ok(all.includes(squash(target.name_en)), `the PDF lacks "${target.name_en}"`);
  }
  for (const words of ["PEOPLE'S COMMITTEE", 'Form 01', '27 of 48 targets met or exceeded', 'PREPARED BY', 'Full year · est.']) {
    assert.ok(all.includes(squash(words)), `the PDF lacks "${words}"`);
  }
  pages.forEach((p, i) => assert.ok(squash(p).includes(squash(`Page ${i + 1} of ${pages.length}`)), `page ${i + 1}`));
  await assertDataUnchanged(page);
  assertNoErrors(errors);
});

/** The pages of a PDF of `page`, each as squashed text. */
async function pagesOf(page) {
  const file = join(mkdtempSync(join(tmpdir(), 'bieu-')), 'bieu.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString('utf8').split('\f').slice(0, -1).map(squash);
}

test('wherever the page breaks fall, no group row ends a page and the signatures stay together with rows above', { timeout: TIMEOUT }, async (t) => {
  // The test alone adds a style (hence no CSP) that pushes the table down 0 to 60 mm, so that
  // the page breaks fall between every kind of row; without the print rules, some of these
  // offsets leave a group's row alone at a page's foot.
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  t.after(() => context.close());
  const page = await context.newPage();
  await seedStorage(page, YEAR);
  await gotoApp(page, suite.server.url, '#/bao-cao');
  await page.emulateMedia({ media: 'print' });
  const push = await page.addStyleTag({ content: '/* offset */' });
  const firsts = PLAN.groups.map((g) => [squash(`(${g.number}) ${g.name_vi}`), squash(PLAN.targets.find((x) => x.group === g.number).name_vi)]);
  for (let mm = 0; mm <= 60; mm += 5) {
    await push.evaluate((el, mm) => { el.textContent = `@media print { .bieu-lead { padding-top: ${mm}mm } }`; }, mm);
    const pages = await pagesOf(page);
    pages.forEach((p, i) => {
      for (const [group, first] of firsts) {
        assert.ok(!p.includes(group) || p.includes(first), `${mm} mm: page ${i + 1} ends on ${group}`);
      }
    });
    const signed = pages.filter((p) => p.includes(squash('NGƯỜI LẬP BIỂU')));
    assert.equal(signed.length, 1, `${mm} mm`);
    assert.ok(signed[0].includes(squash('(Ký tên, đóng dấu)')), `${mm} mm: the signatures are split`);
    assert.ok(signed[0].includes(squash('Phong trào thi đua')), `${mm} mm: the signatures stand alone on a page`);
  }
});

/** Lines of text in each status cell, and the left edge of each row's status cell. */
function statusLayout(page) {
  return page.$$eval('.bieu-targets tr[data-target] .verdict', (cells) => cells.map((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    return { id: cell.parentElement.dataset.target, lines: tops.size, left: Math.round(cell.getBoundingClientRect().left) };
  }));
}

test('the status column never wraps into three lines, and the columns line up, printed and at 360 px', { timeout: TIMEOUT }, async (t) => {
  // 1028 px is the printed table's width: A4 landscape less the page's margins (272 mm).
  for (const { width, media } of [{ width: 1028, media: 'print' }, { width: 360, media: 'screen' }]) {
    for (const lang of ['vi', 'en']) {
      const { page, errors } = await openReport(t, { lang, width });
      await page.emulateMedia({ media });
      const cells = await statusLayout(page);
      assert.equal(cells.length, PLAN.targets.length);
      for (const cell of cells) assert.ok(cell.lines <= 2, `${lang} ${width} px: ${cell.id}'s status takes ${cell.lines} lines`);
      assert.equal(new Set(cells.map((c) => c.left)).size, 1, `${lang} ${width} px: the status column is not aligned`);
      if (width === 360) {
        // The page itself never scrolls sideways: the table scrolls inside its box.
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(sideways <= 0, `the page scrolls ${sideways} px sideways`);
      }
      assertNoErrors(errors);
    }
  }
});

test('the overview leads to the Biểu', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await seedStorage(page, YEAR);
  await gotoApp(page, suite.server.url, '#/');
  await page.click('#print-report');
  await page.waitForSelector('.bieu-title');
  assert.match(page.url(), /#\/bao-cao$/);
  await eventually(async () => {
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('bieu-title')), true, 'focus on the Biểu\'s title');
  });
  assert.match(await text(page, '.bieu-headline'), /^Có 27\/48 chỉ tiêu đạt và vượt kế hoạch/);
  await assertDataUnchanged(page);
  assertNoErrors(errors);
});

/** A cell's value as exceljs reads it: merged cells give their master's. */
const value = (ws, row, col) => ws.getRow(row).getCell(col).value;

test('the Biểu downloads as a workbook that reads back with every target and its period', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openReport(t);
  const shown = await periods(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-bieu')]);
  assert.equal(download.suggestedFilename(), 'lai-chau-2023-bieu-01.xlsx');
  const file = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'bieu.xlsx');
  await download.saveAs(file);
  assert.equal(await text(page, '.report-actions .error'), '', 'no error shown');

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  assert.deepEqual(book.worksheets.map((ws) => ws.name), ['Bieu', 'Nhiem vu']);
  const ws = book.getWorksheet('Bieu');
  const rowOf = {};
  ws.eachRow((row, n) => {
    const name = row.getCell(2).value;
    if (typeof name === 'string' && rowOf[name] === undefined) rowOf[name] = n;
  });
  let last = 0;
  for (const target of PLAN.targets) {
    const n = rowOf[target.name_vi];
    assert.ok(n > last, `${target.id} is in the sheet, in plan order`);
    last = n;
    assert.equal(value(ws, n, 7) ?? '', shown[target.id], `${target.id}'s period`);
  }
  // Numbers are numbers, in the formats a report reads.
  const budget = rowOf['Thu ngân sách trên địa bàn'];
  assert.deepEqual([4, 5, 6].map((c) => value(ws, budget, c)), [2450, 2317, 1837.5]);
  assert.equal(ws.getRow(budget).getCell(6).numFmt, '#,##0.0');
  assert.equal(value(ws, budget, 8), 0.75);
  assert.equal(ws.getRow(budget).getCell(8).numFmt, '0.0%');
  const growth = rowOf['Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)'];
  assert.equal(value(ws, growth, 8), -11.77);
  assert.match(ws.getRow(growth).getCell(8).numFmt, /điểm %/);
  // Every group is a merged row across the table, as the resolution numbers it.
  for (const group of PLAN.groups) {
    const n = rowOf[group.name_vi];
    assert.equal(value(ws, n, 1), `(${group.number})`);
    assert.ok(ws.model.merges.includes(`B${n}:K${n}`), `group (${group.number}) is merged`);
  }
  // Printed: A4 landscape, one page wide, the header on every page, page numbers.
  assert.equal(ws.pageSetup.orientation, 'landscape');
  assert.equal(ws.pageSetup.paperSize, 9);
  assert.equal(ws.pageSetup.fitToWidth, 1);
  assert.match(ws.pageSetup.printTitlesRow, /^\d+:\d+$/);
  assert.equal(ws.headerFooter.oddFooter, '&CTrang &P/&N');
  const tasks = book.getWorksheet('Nhiem vu');
  const items = [];
  tasks.eachRow((row) => { if (/^[34]\.[a-h]$/.test(String(row.getCell(1).value))) items.push(row.getCell(1).value); });
  assert.deepEqual(items, PLAN.items.map((i) => `${i.id[0]}.${i.id[1]}`));

  await assertDataUnchanged(page);
  assertNoErrors(errors);
});

test('a qualitative commitment assessed as missed is saved and reported as "Không đạt"', { timeout: TIMEOUT }, async (t) => {
  const { page, errors } = await openPage(suite.browser, t);
  await gotoApp(page, suite.server.url, '#/chi-tieu/preschool-universal');
  await page.selectOption('#assessment', 'missed');
  await eventually(async () => assert.equal(await text(page, 'section.target-summary .status-word'), 'Không đạt'));
  await gotoApp(page, suite.server.url, '#/bao-cao');
  assert.equal(await text(page, '[data-target="preschool-universal"] .verdict'), 'Không đạt');
  assert.equal(await page.getAttribute('[data-target="preschool-universal"]', 'data-status'), 'missed');
  await eventually(async () => {
    const stored = JSON.parse((await storedRaw(page)) ?? '{}');
    assert.equal(stored.data?.assessments?.['preschool-universal'], 'missed');
  });
  assertNoErrors(errors);
});
