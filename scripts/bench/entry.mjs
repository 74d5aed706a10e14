// scripts/bench/entry.mjs — owns the timing of one figure entered on a target's page: from the
// Enter key to the frame that shows the new figures, and to the frame after the chart is drawn
// (the method is in BENCHMARKS.md).

/** Types `value` into the form, presses Enter and times the figures' and the chart's frames. */
export async function timedEnter(page, value) {
  await page.fill('#entry-value', value);
  await page.evaluate(() => {
    const r = (window.__entry = { figures: null, chart: null });
    let t0 = null;
    // The next animation frame runs once the task that changed the DOM is done; reading
    // offsetHeight there adds style and layout, so only painting itself is left out.
    const nextFrame = (key) => requestAnimationFrame(() => {
      void document.body.offsetHeight;
      r[key] = performance.now() - t0;
    });
    const figures = document.querySelector('.target-summary');
    const watch = new MutationObserver(() => {
      if (t0 === null) return;
      watch.disconnect();
      nextFrame('figures');
    });
    watch.observe(figures, { childList: true, subtree: true, characterData: true, attributes: true });
    const chartEl = document.querySelector('.chart[data-chart="target"]');
    const chart = window.echarts && chartEl ? window.echarts.getInstanceByDom(chartEl) : null;
    if (chart) {
      const done = () => {
        if (t0 === null) return;
        chart.off('finished', done);
        nextFrame('chart');
      };
      chart.on('finished', done);
    } else {
      r.chart = NaN;
    }
    document.addEventListener('keypress', (e) => {
      if (e.key === 'Enter') t0 = performance.now();
    }, { capture: true, once: true });
  });
  await page.press('#entry-value', 'Enter');
  await page.waitForFunction(() => window.__entry.figures !== null && window.__entry.chart !== null, null, { timeout: 30_000 })
    .catch(() => {});
  const run = await page.evaluate(() => window.__entry);
  const shown = await page.locator('.target-summary .current-value').first().textContent();
  if (!shown.includes(value)) throw new Error(`entry ${value} not shown (current value: ${shown})`);
  return run;
}
