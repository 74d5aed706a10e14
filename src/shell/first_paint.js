// The first paint of the user's figures, before the app's WASM has arrived (src/shell/first_paint.rs
// makes its data; src/bin/prerender.rs puts this script, inline, after the pre-rendered overview).
// It reads storage without writing, and writes the app's record of exactly the data stored
// (hash of its text, this build, the reader's language) into the overview by name: each value
// goes to the elements whose data-fill names its token, as text, or into one of a few known
// attributes; never as markup. On a first visit (nothing stored) it writes the values of a plan
// with no figures that the build put in the page. Otherwise the page keeps its placeholders
// until the app comes.
(function () {
  var hash = location.hash;
  if (hash && hash !== '#' && hash !== '#/') return;
  var page = document.getElementById('prerender');
  if (!page) return;
  // The only attributes a value may go into.
  var ATTRIBUTES = ['data-label', 'data-status', 'aria-label', 'lang', 'x', 'width'];
  // Two 32-bit hashes of the text's UTF-16 code units (FNV-1a, and a multiply-xorshift), as
  // 16 hex digits; nothing stored is "0". The same as first_paint::data_hash.
  function digest(text) {
    if (text === null) return '0';
    var a = 0x811c9dc5;
    var b = 0x2545f491;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    return ('0000000' + (a >>> 0).toString(16)).slice(-8) + ('0000000' + (b >>> 0).toString(16)).slice(-8);
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
      fill = JSON.parse(page.getAttribute('data-empty'));
    }
    if (!Array.isArray(fill)) return;
    var slots = new Map();
    var named = page.querySelectorAll('[data-fill]');
    for (var n = 0; n < named.length; n++) {
      var tokens = named[n].getAttribute('data-fill').split(' ');
      for (var t = 0; t < tokens.length; t++) {
        if (!slots.has(tokens[t])) slots.set(tokens[t], []);
        slots.get(tokens[t]).push(named[n]);
      }
    }
    for (var f = 0; f < fill.length; f++) {
      var token = Array.isArray(fill[f]) ? fill[f][0] : null;
      var value = Array.isArray(fill[f]) ? fill[f][1] : null;
      if (typeof token !== 'string' || typeof value !== 'string') continue;
      var at = token.indexOf('@');
      var attribute = at < 0 ? null : token.slice(at + 1);
      if (attribute !== null && ATTRIBUTES.indexOf(attribute) < 0) continue;
      var elements = slots.get(token) || [];
      for (var e = 0; e < elements.length; e++) {
        if (attribute === null) elements[e].textContent = value;
        else elements[e].setAttribute(attribute, value);
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
