// tests/e2e/a11y-helpers.mjs — owns the measures the accessibility tests take in the page: Tab
// until an element has focus, the focus ring and its contrast, touch targets under 44 px, and
// sideways overflow.
import assert from 'node:assert/strict';

/** Presses Tab until `predicate` (run in the page on the focused element) holds; fails after `max`. */
export async function tabUntil(page, predicate, arg, max = 200) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`focus never reached the element after ${max} Tab presses`);
}

/**
 * The computed outline of the focused element, and its contrast with the background it is
 * drawn on (the first opaque background among the element's ancestors; WCAG 1.4.11 asks 3:1).
 */
export function focusRing(page) {
  return page.evaluate(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const luminance = ([r, g, b]) => {
      const lin = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const el = document.activeElement;
    const s = getComputedStyle(el);
    let back = el.parentElement;
    while (back && (rgb(getComputedStyle(back).backgroundColor)[3] === 0 || getComputedStyle(back).backgroundColor === 'transparent')) {
      back = back.parentElement;
    }
    const bg = back ? rgb(getComputedStyle(back).backgroundColor) : [255, 255, 255];
    const [a, b] = [luminance(rgb(s.outlineColor)), luminance(bg)];
    const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    return { tag: el.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, contrast };
  });
}

export function assertRing(ring, where) {
  assert.ok(ring.style !== 'none' && ring.width >= 2, `${where}: visible focus ring, got ${JSON.stringify(ring)}`);
  assert.ok(ring.contrast >= 3, `${where}: focus ring contrast ${ring.contrast.toFixed(2)}:1 < 3:1`);
}

/** Interactive elements in main smaller than 44×44 px, except links inside running text. */
export function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    for (const el of document.querySelectorAll('main a, main button, main input, main select, main textarea, main summary, header a, header button')) {
      if (el.getClientRects().length === 0 || el.closest('[hidden]')) continue;
      const style = getComputedStyle(el);
      if (el.tagName === 'A' && style.display === 'inline') continue; // a link in a sentence or a table cell
      // A radio or checkbox is hit through its label, which is the target.
      const box = (el.type === 'radio' || el.type === 'checkbox') && el.closest('label')
        ? el.closest('label').getBoundingClientRect()
        : el.getBoundingClientRect();
      if (box.width < 44 - 0.5 || box.height < 44 - 0.5) {
        small.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

/** How far the page overflows sideways (0 when it fits). */
export function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
