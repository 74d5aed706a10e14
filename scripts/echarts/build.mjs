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
  outfile: resolve(root, 'target/echarts/echarts.min.js'),
  logLevel: 'warning',
});
