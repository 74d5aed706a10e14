// scripts/pwa/post-build.mjs — owns what the build adds for offline use, installation and the
// Content-Security-Policy, after Trunk has written its files. Run by Trunk's post_build hook on
// the staging dir (TRUNK_STAGING_DIR), or by hand on a built folder: `node scripts/pwa/post-build.mjs DIR`.
//
// 1. Renders the app's icons (public/icon.svg) to the PNGs the web app manifest names, writes
//    the page shell into index.html (src/shell/: the overview as plain HTML, the first paint's
//    script, the message for an app that cannot load), makes the page start the app after the
//    first paint (start.mjs), names the build in the page (<meta name="app-build">: the app's
//    first-paint record is kept per build, src/shell/first_paint.rs), and gives ECharts, which
//    the app loads itself on the pages that need it, its integrity hash (<meta name="echarts-integrity">).
// 2. Hashes every inline <script> of index.html into the CSP meta's script-src, so the policy
//    needs no 'unsafe-inline'; checks every Subresource Integrity hash against its file.
// 3. Writes sw.js: the service worker (scripts/pwa/sw-template.js) preceded by the list of every
//    file of the build with its SHA-256, and a cache version derived from that list.
// Running it again on its own output gives the same files, so a copied build can be changed and
// re-listed (the update test does that).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { sri, startAfterFirstPaint } from './start.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SW = 'sw.js';
const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/** The icons the manifest and index.html name: file, size, and whether it is full-bleed. */
export const ICONS = [
  { file: 'icon-192.png', size: 192, fullBleed: false },
  { file: 'icon-512.png', size: 512, fullBleed: false },
  // Maskable: the platform cuts its own shape, so the artwork sits inside the central safe circle.
  { file: 'icon-maskable-512.png', size: 512, fullBleed: true },
  // iOS draws no transparency and rounds the corners itself.
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true },
];

const digest = (algo, data) => createHash(algo).update(data).digest('base64');

/** The full-bleed variant of icon.svg: its background fills the square, the drawing shrinks to 70 %. */
function fullBleed(svg) {
  const open = svg.match(/<svg[^>]*>/);
  const background = svg.match(/<rect width="64" height="64"[^>]*fill="([^"]+)"[^>]*\/>/);
  if (!open || !background) throw new Error('public/icon.svg: expected a 64×64 background <rect> to build the full-bleed icon');
  const body = svg.slice(open.index + open[0].length, svg.lastIndexOf('</svg>')).replace(background[0], '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${background[1]}"/>`
    + `<g transform="translate(32 32) scale(0.7) translate(-32 -32)">${body}</g></svg>`;
}

function renderIcons(dir) {
  const svg = readFileSync(join(ROOT, 'public/icon.svg'), 'utf8');
  for (const { file, size, fullBleed: bleed } of ICONS) {
    const png = new Resvg(bleed ? fullBleed(svg) : svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    writeFileSync(join(dir, file), png);
  }
}

/** Every inline script's text, exactly as the browser hashes it. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs))
    .map(([, , body]) => body);
}

/** Every inline style sheet's text, exactly as the browser hashes it. */
export function inlineStyles(html) {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, body]) => body);
}

/**
 * index.html with script-src listing the hash of each inline script, and style-src the hash of
 * each inline style sheet (the stylesheet is inlined to save a round trip before the first
 * paint); old hashes are replaced.
 */
function hashInlineScripts(html) {
  const meta = html.match(CSP_META);
  if (!meta) throw new Error('index.html: no <meta http-equiv="Content-Security-Policy"> to complete');
  const hashes = {
    'script-src': inlineScripts(html).map((s) => `'sha256-${digest('sha256', s)}'`),
    'style-src': inlineStyles(html).map((s) => `'sha256-${digest('sha256', s)}'`),
  };
  const policy = meta[1].split(';').map((d) => d.trim()).filter(Boolean).map((directive) => {
    const [name, ...values] = directive.split(/\s+/);
    if (!(name in hashes)) return directive;
    return [name, ...values.filter((v) => !v.startsWith("'sha256-")), ...new Set(hashes[name])].join(' ');
  });
  if (!policy.some((d) => d.startsWith('script-src'))) throw new Error('index.html: the CSP has no script-src');
  return html.replace(meta[0], `<meta http-equiv="Content-Security-Policy" content="${policy.join('; ')}">`);
}

/** The page shell the prerender step wrote between its markers (src/shell/mod.rs: START, END). */
function shellOf(html) {
  const start = html.indexOf('<!-- prerender -->');
  const end = html.indexOf('<!-- /prerender -->');
  if (start < 0 || end < start) throw new Error('index.html: no <!-- prerender --> markers');
  return html.slice(start, end);
}

/**
 * index.html naming its build: a digest of the app's WASM (which holds the plan, the progress
 * engine and the wording) and of the page shell, so it changes whenever what the app or the
 * page draws may change. The first paint draws the app's record of the user's figures only when
 * it is this build's.
 */
function markBuild(dir, html) {
  const wasm = readdirSync(dir).filter((f) => /^lai-chau-plan-[0-9a-f]+_bg\.wasm$/.test(f));
  if (wasm.length !== 1) throw new Error(`post-build: expected one app WASM in ${dir}, found ${wasm.length}`);
  const build = createHash('sha256').update(readFileSync(join(dir, wasm[0]))).update(shellOf(html)).digest('hex').slice(0, 16);
  return setMeta(html, 'app-build', build);
}

/** index.html with `<meta name="NAME" content="CONTENT">`, after the charset, or in its place. */
function setMeta(html, name, content) {
  const meta = `<meta name="${name}" content="${content}">`;
  const old = new RegExp(`<meta name="${name}" content="[^"]*">`);
  if (old.test(html)) return html.replace(old, meta);
  if (!html.includes('<meta charset="utf-8">')) throw new Error(`index.html: no <meta charset="utf-8"> to put ${name} after`);
  return html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${meta}`);
}

/** The file the app loads ECharts from (src/charts/echarts.rs: SCRIPT). */
const ECHARTS = 'echarts.min.js';

/** Throws unless every integrity hash in index.html (attributes, and ECharts' meta) matches its file. */
function checkIntegrity(dir, html) {
  const named = [...html.matchAll(/<(?:link|script)\b[^>]*\bintegrity="[^"]*"[^>]*>/gi)].map(([tag]) => [
    tag.match(/\b(?:href|src)="([^"]+)"/)?.[1],
    tag.match(/\bintegrity="([^"]+)"/)[1],
  ]);
  const echarts = html.match(/<meta name="echarts-integrity" content="([^"]+)">/);
  if (!echarts) throw new Error('index.html: no <meta name="echarts-integrity">');
  for (const [href, integrity] of [...named, [ECHARTS, echarts[1]]]) {
    const [algo, expected] = integrity.split(/-(.*)/s);
    const actual = digest(algo, readFileSync(join(dir, href)));
    if (actual !== expected) throw new Error(`index.html: integrity of ${href} is ${algo}-${expected}, the file is ${algo}-${actual}`);
  }
}

/** Every file under `dir` but sw.js, as URL paths relative to the app's folder, sorted. */
function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .filter((p) => p !== SW && !p.startsWith('.'))
    .sort();
}

/** The precache list of `dir` and the cache version that follows from it. */
export function precacheList(dir) {
  const list = files(dir).map((url) => ({ url, sha256: digest('sha256', readFileSync(join(dir, url))) }));
  const version = createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 16);
  return { list, version };
}

/** Writes the page shell into index.html (src/shell/, run natively by src/bin/prerender.rs). */
function prerender(indexPath) {
  execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'prerender', '--', indexPath], { cwd: ROOT, stdio: 'inherit' });
}

export function postBuild(dir) {
  renderIcons(dir);
  const indexPath = join(dir, 'index.html');
  prerender(indexPath);
  let html = startAfterFirstPaint(dir, readFileSync(indexPath, 'utf8'));
  html = setMeta(markBuild(dir, html), 'echarts-integrity', sri(dir, ECHARTS));
  html = hashInlineScripts(html);
  checkIntegrity(dir, html);
  writeFileSync(indexPath, html);

  const { list, version } = precacheList(dir);
  const template = readFileSync(join(ROOT, 'scripts/pwa/sw-template.js'), 'utf8');
  const head = '// Generated by scripts/pwa/post-build.mjs from scripts/pwa/sw-template.js: do not edit.\n'
    + `const VERSION = ${JSON.stringify(version)};\n`
    + `const PRECACHE = ${JSON.stringify(list, null, 1)};\n`;
  writeFileSync(join(dir, SW), head + template);
  return { list, version };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('usage: node scripts/pwa/post-build.mjs DIR (or set TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  const { list, version } = postBuild(resolve(dir));
  console.log(`post-build: ${list.length} files precached, cache version ${version}`);
}
