// public/sw-register.js — owns registering the service worker (dist/sw.js) for the app's own folder
// and telling the app when a new version is ready. The app (src/components/update_banner.rs)
// listens for the `app-update-ready` window event (or finds <html data-update="ready"> if it
// started later) and answers with `app-update-accept`; the waiting worker is then told to take
// over, and the page reloads once it has, so the new version starts from its own files.
(() => {
  if (!('serviceWorker' in navigator)) return;
  // The folder this script was served from is the app's folder, at the root or under a sub-path.
  const folder = new URL('./', document.currentScript ? document.currentScript.src : location.href);
  const sw = navigator.serviceWorker;
  let waiting = null;
  let accepted = false;

  const offer = (worker) => {
    waiting = worker;
    document.documentElement.dataset.update = 'ready';
    window.dispatchEvent(new Event('app-update-ready'));
  };

  window.addEventListener('app-update-accept', () => {
    if (!waiting) return;
    accepted = true;
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });

  // Only the page that accepted reloads; the reload is served by the new worker's cache.
  sw.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });

  window.addEventListener('load', async () => {
    let registration;
    try {
      registration = await sw.register(new URL('sw.js', folder).href, { scope: folder.href });
    } catch (err) {
      console.warn('service worker not registered:', err);
      return;
    }
    // Some embedders (automation with service workers blocked) resolve with nothing.
    if (!registration) return;
    // A first install has nothing to replace: only an update is offered.
    const watch = (worker) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && sw.controller) offer(worker);
      });
    };
    if (registration.waiting && sw.controller) offer(registration.waiting);
    if (registration.installing) watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));

    // Connections come and go: look for a new version when one comes back, when the app is
    // shown again, and every half hour while it stays open.
    const check = () => registration.update().catch(() => {});
    window.addEventListener('online', check);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
    setInterval(check, 30 * 60 * 1000);
  });
})();
