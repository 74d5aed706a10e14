// scripts/pwa/start.mjs — owns how the page starts the app, run by post-build.mjs. The page
// shell (src/shell/, written into index.html by the prerender step) shows the overview and, by a
// short inline script, the user's figures; the app's JS and WASM (a few hundred KB) are fetched
// only after the frame that shows them, so on a slow network the figures do not wait for the
// app, and nothing before the first paint competes with the page.
//
// This step removes Trunk's preloads of the app and replaces Trunk's start script by one that
// waits for that frame (on a deep link, any page but the overview, it does not wait), then
// imports the app's JS and WASM with Subresource Integrity checks. When they cannot be loaded
// (a changed or half-copied deploy whose files no longer match their hashes, a missing file)
// or the app fails to start, it shows the shell's message (in the reader's language) with a
// reload button, and the pre-rendered overview stays readable. The script is inline: its hash
// goes into the CSP (post-build.mjs). Running it again on its own output changes nothing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MARK = '// app start (scripts/pwa/start.mjs)';
const TRUNK_START = /<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([^']+\.wasm)' \}\);[\s\S]*?<\/script>/;

/** The ids of the shell's message and its button (src/shell/mod.rs: FAILED_ID, RELOAD_ID). */
export const FAILED_ID = 'app-failed';
export const RELOAD_ID = 'app-reload';

export const sri = (dir, file) => `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`;

const DEEP = "location.hash !== '' && location.hash !== '#' && location.hash !== '#/'";

/** The start script: after the frame that shows the figures, the app; its failure, said. */
function loader(dir, app) {
  return `<script type="module">
${MARK}
function failed(error) {
  console.error('The app could not load:', error);
  const box = document.getElementById('${FAILED_ID}');
  if (!box) return;
  let lang = 'vi';
  try {
    if (localStorage.getItem('lai-chau-plan-2023:lang') === '"en"') lang = 'en';
  } catch (e) {}
  for (const el of box.querySelectorAll('[lang]')) el.hidden = el.lang !== lang;
  document.getElementById('${RELOAD_ID}').addEventListener('click', () => location.reload());
  box.hidden = false;
  // The plan's targets stay readable, whatever the route.
  document.documentElement.classList.remove('no-prerender');
}
try {
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
  // The WASM is compiled as it streams in (a server that does not say application/wasm gets it
  // compiled whole), then instantiated in a task of its own: instantiating runs the app's first
  // render, and the compilation's last steps would otherwise lengthen that task.
  const compiled = fetch('./${app.wasm}', { integrity: '${sri(dir, app.wasm)}' }).then((response) => {
    if (!response.ok) throw new Error(\`\${response.status} \${response.url}\`);
    return response.headers.get('Content-Type') === 'application/wasm'
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
  const bindings = await import('./${app.js}');
  const module = await compiled;
  await new Promise((next) => setTimeout(next));
  const wasm = await bindings.default({ module_or_path: module });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  failed(error);
}
</script>`;
}

/** index.html with the app started after the first paint, and its failure said. */
export function startAfterFirstPaint(dir, html) {
  if (html.includes(MARK)) return html;
  const start = html.match(TRUNK_START);
  if (!start) throw new Error("index.html: Trunk's start script was not found (has Trunk's output changed?)");
  const app = { js: start[1], wasm: start[2] };
  const appPreloads = new RegExp(`<link rel="(?:modulepreload|preload)" href="\\./(?:${app.js}|${app.wasm})"[^>]*>`, 'g');
  const page = html.replace(appPreloads, '').replace(start[0], '');
  if (page.match(/<\/body>/g)?.length !== 1) throw new Error('index.html: expected one </body>');
  if (!page.includes(`id="${FAILED_ID}"`)) throw new Error(`index.html: the shell's #${FAILED_ID} is missing (did the prerender step run?)`);
  // At the end of the body: a module script runs once the page is parsed anyway.
  return page.replace('</body>', `${loader(dir, app)}\n</body>`);
}
