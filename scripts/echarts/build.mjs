// Bundles the app's ECharts subset (entry.js) from the pinned npm package into target/echarts/,
// from where Trunk copies it into dist/. Run by Trunk's pre_build hook.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
await build({
  entryPoints: [resolve(root, 'scripts/echarts/entry.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2019',
  legalComments: 'none',
  // Chromium's explicit compile hint (V8, Chrome 136+; a comment elsewhere). The whole
  // file is compiled while it streams in, off the main thread, instead of function by function
  // on first call: the first chart's draw, one long task at 4× CPU, takes about half as long.
  banner: { js: '//# allFunctionsCalledOnLoad' },
  outfile: resolve(root, 'target/echarts/echarts.min.js'),
  logLevel: 'warning',
});
