// Temporary: screenshots and PDF of the report page for a look (not a test; not committed).
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launchBrowser, requireDist, gotoApp, seedStorage } from './helpers.mjs';
import { serve } from './server.mjs';
const YEAR = readFileSync(new URL('../../src/report/fixtures/year-2023.json', import.meta.url), 'utf8');
const server = await serve(requireDist());
const browser = await launchBrowser();
const lang = process.argv[2] || 'vi';
for (const width of [1280, 360]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
  await seedStorage(page, YEAR);
  if (lang === 'en') await page.addInitScript(() => localStorage.setItem('lai-chau-plan-2023:lang', '"en"'));
  await gotoApp(page, server.url, '#/bao-cao');
  await page.screenshot({ path: `/tmp/look/screen-${lang}-${width}.png`, fullPage: width === 360 ? false : true });
  if (width === 1280) {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    writeFileSync(`/tmp/look/bieu-${lang}.pdf`, pdf);
  }
  await context.close();
}
await browser.close();
await server.close();
execFileSync('bash', ['-c', `cd /tmp/look && rm -f p-${lang}-*.png && pdftoppm -r 70 -png bieu-${lang}.pdf p-${lang} && pdfinfo bieu-${lang}.pdf | grep -E 'Pages|size'`], { stdio: 'inherit' });
