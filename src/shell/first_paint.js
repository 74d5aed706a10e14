// The first paint of the user's figures, before the app's WASM has arrived (src/shell/first_paint.rs
// makes its data; src/bin/prerender.rs puts this script, inline, after the pre-rendered overview).
// It reads storage without writing, and writes the app's record of exactly the data stored
// (hash of its text, this build, the reader's language) into the overview by name: each value
// goes to the element whose data-fill (a figure) or data-word (a word, for a reader of another
// language) names its token, as text, or into one of a few known attributes; never as markup. On a first visit (nothing stored) it writes the values of a plan
// with no figures that the build put in the page (#first-visit). Otherwise the page keeps its
// placeholders until the app comes.
(function () {
  var hash = location.hash;
  if (hash && hash !== '#' && hash !== '#/') return;
  var page = document.getElementById('prerender');
  if (!page) return;
  // The only attributes a value may go into.
  var ATTRIBUTES = ['data-label', 'data-status', 'aria-label', 'lang', 'x', 'width'];
  // FNV-1a (32 bits) of the text's UTF-16 code units, and its length, in hex; nothing stored is
  // "0". The same as first_paint::data_hash.
  function digest(text) {
    if (text === null) return '0';
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(16) + '-' + text.length.toString(16);
  }
  try {
    var store = localStorage;
    var data = store.getItem('lai-chau-plan-2023:data');
    var lang = store.getItem('lai-chau-plan-2023:lang') === '"en"' ? 'en' : 'vi';
    var record = JSON.parse(store.getItem('lai-chau-plan-2023:first-paint'));
    var build = document.querySelector('meta[name="app-build"]');
    var fill = null;
    if (record && record.format === 2 && build && build.content && record.build === build.content &&
        record.lang === lang && record.data === digest(data)) {
      fill = record.fill;
    } else if (data === null && lang === page.getAttribute('data-lang')) {
      fill = JSON.parse(document.getElementById('first-visit').textContent);
    }
    if (!Array.isArray(fill)) return;
    // The record names its values in the order the page names their places, each element's
    // words (data-word) before its figures (data-fill), each target's row opened by
    // ['#row', its id]; a record of the page's own language names only the figures, whose places
    // alone are walked. One walk through page and record, which stops at a row not the record's.
    var words = lang !== page.getAttribute('data-lang');
    var named = page.querySelectorAll(words ? '[data-word], [data-fill], tr[data-prerendered]' : '[data-fill], tr[data-prerendered]');
    var f = 0;
    walk: for (var n = 0; n < named.length && f < fill.length; n++) {
      var el = named[n];
      var row = el.getAttribute('data-prerendered');
      if (row !== null) {
        if (!Array.isArray(fill[f]) || fill[f][0] !== '#row') continue;
        if (fill[f][1] !== row) break walk;
        f++;
        continue;
      }
      var names = (words && el.getAttribute('data-word')) || '';
      var figures = el.getAttribute('data-fill');
      if (figures) names = names ? names + ' ' + figures : figures;
      var tokens = names.split(' ');
      for (var t = 0; t < tokens.length && f < fill.length; t++) {
        var entry = fill[f];
        if (!Array.isArray(entry) || entry[0] !== tokens[t]) continue;
        f++;
        var value = entry[1];
        if (typeof value !== 'string') continue;
        var at = tokens[t].indexOf('@');
        if (at < 0) el.textContent = value;
        else if (ATTRIBUTES.indexOf(tokens[t].slice(at + 1)) >= 0) el.setAttribute(tokens[t].slice(at + 1), value);
      }
    }
    var hidden = page.querySelectorAll('.prerender-hidden');
    for (var h = 0; h < hidden.length; h++) {
      hidden[h].classList.remove('prerender-hidden');
      if (hidden[h].getAttribute('class') === '') hidden[h].removeAttribute('class');
    }
    page.setAttribute('data-figures', 'user');
    // Only what changes is touched: an attribute set on <html> restyles the whole page.
    var root = document.documentElement;
    if (root.lang !== lang) root.lang = lang;
    if (root.classList.contains('no-prerender')) root.classList.remove('no-prerender');
  } catch (err) {
    // The app draws the figures a moment later.
  }
})();
