// scripts/pwa/boot-first.mjs — owns the order in which the page loads its two WASMs (issue 7).
// The boot module (src/boot.rs, about 100 KB gzip) draws the overview with the user's figures;
// the app's WASM (about four times larger) is fetched only after that paint, so on a slow
// network the figures do not wait for it, and nothing before the first paint competes with it.
//
// Trunk allows one "main" Rust app, so the boot module is built as a Trunk "worker" (its files,
// no script). This step, run by post-build.mjs:
// 1. names the boot module's two files by their content (boot-<hash>.js, boot-<hash>_bg.wasm),
//    so that a host's long cache never pairs an old one with a new page;
// 2. replaces the app's preload links by the boot module's (with Subresource Integrity), at the
//    end of the body;
// 3. replaces Trunk's start script by one that starts the boot module, waits for its paint,
//    then imports the app with the same integrity checks the preload links gave it.
// On a deep link (any page but the overview) the boot module has nothing to draw, and the app
// loads at once. Running it again on its own output changes nothing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const MARK = '// boot-first loader (scripts/pwa/boot-first.mjs)';
const TRUNK_START = /<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([^']+\.wasm)' \}\);[\s\S]*?<\/script>/;

const sri = (dir, file) => `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`;

/** The boot module's files, renamed by their content when Trunk has just written them. */
function bootFiles(dir) {
  if (existsSync(join(dir, 'boot.js'))) {
    const hash = createHash('sha256')
      .update(readFileSync(join(dir, 'boot.js')))
      .update(readFileSync(join(dir, 'boot_bg.wasm')))
      .digest('hex')
      .slice(0, 16);
    const js = `boot-${hash}.js`;
    const wasm = `boot-${hash}_bg.wasm`;
    renameSync(join(dir, 'boot.js'), join(dir, js));
    renameSync(join(dir, 'boot_bg.wasm'), join(dir, wasm));
    return { js, wasm };
  }
  const js = readdirSync(dir).find((f) => /^boot-[0-9a-f]{16}\.js$/.test(f));
  if (!js) throw new Error(`${dir}: no boot module (boot.js or boot-<hash>.js); is its <link data-trunk rel="rust" data-bin="boot"> in index.html?`);
  return { js, wasm: js.replace(/\.js$/, '_bg.wasm') };
}

/** The start script: the boot module first, its paint, then the app. */
function loader(boot, app, dir) {
  return `<script type="module">
${MARK}
const deep = location.hash !== '' && location.hash !== '#' && location.hash !== '#/';
if (!deep) {
  try {
    const boot = await import('./${boot.js}');
    await boot.default({ module_or_path: fetch('./${boot.wasm}', { integrity: '${sri(dir, boot.wasm)}' }) });
  } catch (e) {
    console.warn('boot module:', e);
  }
  // After the frame that shows the figures (a hidden tab has no frames: then after a while).
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

/** index.html with the boot module loaded first and the app after its paint. */
export function bootFirst(dir, html) {
  const boot = bootFiles(dir);
  if (html.includes(MARK)) return html;
  const start = html.match(TRUNK_START);
  if (!start) throw new Error("index.html: Trunk's start script was not found (has Trunk's output changed?)");
  const app = { js: start[1], wasm: start[2] };
  const appPreloads = new RegExp(`<link rel="(?:modulepreload|preload)" href="\\./(?:${app.js}|${app.wasm})"[^>]*>`, 'g');
  const bootPreloads = `<link rel="modulepreload" href="./${boot.js}" crossorigin="anonymous" integrity="${sri(dir, boot.js)}">`
    + `<link rel="preload" href="./${boot.wasm}" crossorigin="anonymous" integrity="${sri(dir, boot.wasm)}" as="fetch" type="application/wasm">`;
  const withoutApp = html.replace(appPreloads, '');
  if (withoutApp.match(/<\/body>/g)?.length !== 1) throw new Error('index.html: expected one </body>');
  // At the end of the body: the page's own bytes (the pre-rendered overview) come first on a
  // slow link, and the boot module cannot run before the page is parsed anyway.
  return withoutApp
    .replace(start[0], loader(boot, app, dir))
    .replace('</body>', `${bootPreloads}\n</body>`);
}
