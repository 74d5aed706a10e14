// scripts/pwa/boot-first.mjs — owns the order in which the page loads its two WASMs (issue 7).
// The boot module (src/boot.rs, about 15 KB gzip) draws the user's figures on the pre-rendered
// overview; the app's WASM (about twenty-five times larger) is fetched only after that paint, so
// on a slow network the figures do not wait for it, and nothing before the first paint competes
// with the page.
//
// Trunk allows one "main" Rust app, so the boot module is built as a Trunk "worker" (its two
// files, no script). This step, run by post-build.mjs:
// 1. puts the boot module inside the page, in a classic script at the end of the body (after the
//    overview): its wasm-bindgen glue in a scope of its own, and its WASM as base64, compiled and
//    run synchronously while the page is parsed. It needs no request of its own (on a slow
//    network a round trip of 150 ms costs as much as 30 KB), and when the page is at hand whole
//    (a repeat visit, from the service worker) the figures are in it before its first paint.
//    Its two files are then removed from the build;
// 2. removes the app's preload links, and replaces Trunk's start script by one that waits for the
//    frame that shows the figures, then imports the app with Subresource Integrity checks.
// On a deep link (any page but the overview) the boot module has nothing to draw and is not
// compiled, and the app loads at once. Both scripts are inline: their hashes go into the CSP
// (post-build.mjs), and 'wasm-unsafe-eval' lets the boot module compile from bytes. Running it
// again on its own output changes nothing.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const MARK = '// boot-first loader (scripts/pwa/boot-first.mjs)';
const TRUNK_START = /<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([^']+\.wasm)' \}\);[\s\S]*?<\/script>/;

const sri = (dir, file) => `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`;

/**
 * wasm-bindgen's glue of the boot module (`--target web`) as the body of a function that returns
 * its synchronous init (`initSync`): its `export`s removed, so that it can sit inside a classic
 * script without its names meeting the page's, and `import.meta` (a module's, and only used to
 * find the WASM by URL, which is never done here) replaced. Throws if the glue's shape is not
 * the one expected.
 */
export function glueBody(glue) {
  const body = glue
    .replace(/^export \{ initSync, __wbg_init as default \};$/m, '')
    .replace(/^export (class|function|const|let) /gm, '$1 ')
    .replaceAll('import.meta.url', 'document.baseURI');
  if (/^\s*(export|import)\b|import\.meta/m.test(body) || !body.includes('function initSync(') || /<\/script/i.test(body)) {
    throw new Error('boot module: unexpected wasm-bindgen glue (has wasm-bindgen changed?)');
  }
  return `${body}\nreturn initSync;`;
}

const DEEP = "location.hash !== '' && location.hash !== '#' && location.hash !== '#/'";

/**
 * The boot module, run while the page is parsed (a classic script after the overview): its WASM
 * is compiled and run synchronously, so the figures are in the page before its first paint
 * whenever the page is at hand whole (a repeat visit), and at once when its last bytes arrive
 * (a first one).
 */
function bootScript(dir) {
  const glue = glueBody(readFileSync(join(dir, 'boot.js'), 'utf8'));
  const wasm = readFileSync(join(dir, 'boot_bg.wasm')).toString('base64');
  return `<script>
${MARK}
(() => {
  if (${DEEP}) return;
  try {
    const initSync = (() => {
${glue}
})();
    const text = atob('${wasm}');
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    initSync({ module: bytes });
  } catch (e) {
    console.warn('boot module:', e);
  }
})();
</script>`;
}

/** The start script: after the frame that shows the boot module's figures, the app. */
function loader(dir, app) {
  return `<script type="module">
if (!(${DEEP})) {
  // A hidden tab has no frames: then after a while.
  await new Promise((painted) => {
    requestAnimationFrame(() => setTimeout(painted));
    setTimeout(painted, 250);
  });
}
const preload = document.createElement('link');
preload.rel = 'modulepreload';
preload.href = './${app.js}';
preload.integrity = '${sri(dir, app.js)}';
preload.crossOrigin = 'anonymous';
document.head.append(preload);
const bindings = await import('./${app.js}');
const wasm = await bindings.default({
  module_or_path: fetch('./${app.wasm}', { integrity: '${sri(dir, app.wasm)}' }),
});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
</script>`;
}

/** index.html with the boot module inside it, run first, and the app after its paint. */
export function bootFirst(dir, html) {
  if (html.includes(MARK)) return html;
  const start = html.match(TRUNK_START);
  if (!start) throw new Error("index.html: Trunk's start script was not found (has Trunk's output changed?)");
  const app = { js: start[1], wasm: start[2] };
  const appPreloads = new RegExp(`<link rel="(?:modulepreload|preload)" href="\\./(?:${app.js}|${app.wasm})"[^>]*>`, 'g');
  const page = html.replace(appPreloads, '').replace(start[0], '');
  if (page.match(/<\/body>/g)?.length !== 1) throw new Error('index.html: expected one </body>');
  // At the end of the body: the page's own bytes (the pre-rendered overview) come first on a
  // slow link, and a module script runs once the page is parsed anyway.
  const result = page.replace('</body>', `${bootScript(dir)}\n${loader(dir, app)}\n</body>`);
  rmSync(join(dir, 'boot.js'));
  rmSync(join(dir, 'boot_bg.wasm'));
  return result;
}
