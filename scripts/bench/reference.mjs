// scripts/bench/reference.mjs — owns the benchmark's reference page: the plan's targets and plan
// values as one plain static HTML page with no script, generated from plan-2023.json (the single
// source of the numbers). It is the practical floor the app's load is compared with.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes `dir/index.html` from the plan JSON at `planPath`; returns the number of target rows. */
export function writeReference(planPath, dir) {
  const plan = JSON.parse(readFileSync(planPath, 'utf8'));
  const groups = plan.groups.map((g) => {
    const rows = plan.targets.filter((t) => t.group === g.number).map((t) => {
      const value = t.as_written === undefined ? 'Giữ vững' : `${t.as_written} ${t.unit}`;
      return `<tr data-target="${esc(t.id)}"><th scope="row">${esc(t.name_vi)}</th>` +
        `<td class="plan-value">${esc(value)}</td><td class="current-value">—</td><td>—</td><td>Chưa có số liệu</td></tr>`;
    });
    return `<section><h2>(${g.number}) ${esc(g.name_vi)}</h2><table><thead><tr><th>Chỉ tiêu</th><th>Kế hoạch</th>` +
      `<th>Thực hiện</th><th>Đạt</th><th>Tình trạng</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
  });
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(plan.title_vi)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}</style>
</head><body><main id="main" data-app-ready=""><h1>${esc(plan.title_vi)}</h1>${groups.join('')}</main></body></html>`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), html);
  return plan.targets.length;
}
