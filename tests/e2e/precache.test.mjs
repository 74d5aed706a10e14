// tests/e2e/precache.test.mjs — owns the check that dist/sw.js precaches every file of the build,
// each with its right SHA-256, under a version derived from the list (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { requireDist } from './helpers.mjs';

const dist = requireDist();
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const PRECACHE = JSON.parse(sw.match(/^const PRECACHE = (\[[\s\S]*?\]);$/m)[1]);
const VERSION = JSON.parse(sw.match(/^const VERSION = (".*");$/m)[1]);
const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(dist, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'));

test('the precache list is every file of dist but sw.js, with its SHA-256', () => {
  assert.deepEqual(PRECACHE.map((e) => e.url).sort(), files.filter((f) => f !== 'sw.js').sort());
  for (const { url, sha256 } of PRECACHE) {
    assert.equal(sha256, createHash('sha256').update(readFileSync(join(dist, url))).digest('base64'), url);
  }
  for (const must of ['index.html', 'echarts.min.js', 'manifest.webmanifest', 'icon-192.png', 'apple-touch-icon.png']) {
    assert.ok(PRECACHE.some((e) => e.url === must), `${must} is precached`);
  }
  assert.ok(PRECACHE.some((e) => e.url.endsWith('.wasm')), 'the wasm is precached');
});

test('the cache version follows from the list', () => {
  assert.equal(VERSION, createHash('sha256').update(JSON.stringify(PRECACHE)).digest('hex').slice(0, 16));
});

test('every URL in index.html and the manifest is relative and names a precached file', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8'));
  // In-page links (#/chi-tieu/…, in the pre-rendered overview) name no file.
  const urls = [...html.matchAll(/\b(?:href|src)="([^"#][^"]*)"/g)].map((m) => m[1])
    .concat([...html.matchAll(/from '([^']+)'|module_or_path: '([^']+)'|import\('([^']+)'\)|fetch\('([^']+)'/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]))
    .concat(manifest.icons.map((i) => i.src));
  assert.ok(urls.length >= 8, `found ${urls.length} URLs`);
  const listed = new Set(PRECACHE.map((e) => e.url));
  for (const url of urls) {
    assert.ok(!/^(\/|[a-z]+:)/i.test(url), `${url} is relative`);
    assert.ok(listed.has(url.replace(/^\.\//, '')), `${url} is precached`);
  }
  for (const key of ['start_url', 'scope', 'id']) assert.equal(manifest[key], './', key);
});

test('every integrity attribute of index.html matches its file', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(?:link|script)\b[^>]*\bintegrity="([^"]+)"[^>]*>/g)]
    .map(([tag, integrity]) => [tag.match(/\b(?:href|src)="\.\/([^"]+)"/)[1], integrity]);
  // The start script fetches the app's JS and WASM with the same checks.
  const started = [...html.matchAll(/fetch\('\.\/([^']+)', \{ integrity: '([^']+)' \}\)|href = '\.\/([^']+)';\s*preload\.integrity = '([^']+)'/g)]
    .map((m) => [m[1] ?? m[3], m[2] ?? m[4]]);
  // ECharts, which the app adds itself on the pages that draw with it, has its hash in a meta.
  const echarts = html.match(/<meta name="echarts-integrity" content="([^"]+)">/)?.[1];
  assert.ok(echarts?.startsWith('sha384-'), 'ECharts has an integrity hash');
  assert.ok(tags.length >= 1, `${tags.length} integrity attributes`);
  assert.equal(started.length, 2, 'the app\'s JS and WASM');
  for (const [href, integrity] of [...tags, ...started, ['echarts.min.js', echarts]]) {
    const [algo, value] = integrity.split(/-(.*)/s);
    assert.equal(createHash(algo).update(readFileSync(join(dist, href))).digest('base64'), value, href);
  }
});
