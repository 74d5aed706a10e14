// scripts/pwa/sw-template.js — owns the service worker's behaviour. The build prepends VERSION and
// PRECACHE (every file of the build with its SHA-256) and writes the result to dist/sw.js.
//
// - Install: fetches every listed file past the HTTP cache, checked against its hash, into a
//   cache named after this folder and VERSION. A file that is missing or different (a server
//   half-way through a deploy) fails the install, and the version in use stays as it was.
// - The new version waits until the page asks (message SKIP_WAITING), so an open page never
//   mixes two versions.
// - Activate: deletes this folder's caches of other versions, then controls the open pages.
// - Fetch: the listed files come from this version's cache only; a page load anywhere in the
//   folder gets this version's index.html. Everything else goes to the network.

/* global VERSION, PRECACHE */
const SCOPE = self.registration.scope;
// Caches are per origin: the folder in the name keeps two copies of the app on one host apart.
const PREFIX = `lai-chau-plan:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;
const LISTED = new Map(PRECACHE.map(({ url, sha256 }) => [new URL(url, SCOPE).href, sha256]));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await Promise.all(
          [...LISTED].map(async ([url, sha256]) => {
            const response = await fetch(new Request(url, { cache: 'no-store', integrity: `sha256-${sha256}` }));
            if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
            await cache.put(url, response);
          }),
        );
      } catch (err) {
        await caches.delete(CACHE);
        throw err;
      }
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

/** The cached URL that answers `request`, or null when the network should. */
function cachedUrl(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate' && url.href.startsWith(SCOPE)) {
    const path = url.href.slice(SCOPE.length).split('?')[0];
    if (path === '' || path === 'index.html') return INDEX;
  }
  url.search = '';
  return LISTED.has(url.href) ? url.href : null;
}

self.addEventListener('fetch', (event) => {
  const url = cachedUrl(event.request);
  if (!url) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // A listed file missing from the cache (storage cleared under us) is fetched again.
      return (await cache.match(url)) || fetch(event.request);
    })(),
  );
});
