// Hamkke service worker: keeps the app shell and an offline page so the site opens without a network.
// API responses are never cached: they hold personal data and must be fresh.
const VERSION = 'hamkke-v1';
const SHELL = [
  '/',
  '/offline.html',
  '/offline.css',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
];

async function precache() {
  const cache = await caches.open(VERSION);
  await cache.addAll(SHELL);
  // The built scripts and styles have hashed names: read them from the shell page itself.
  const html = await (await cache.match('/')).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return; // straight to the network, never stored

  if (request.mode === 'navigate') {
    // Network first; without a network, the offline page.
    event.respondWith(
      fetch(request).catch(async () => (await caches.match('/offline.html')) || Response.error()),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    // Hashed assets never change: cache first.
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(VERSION).then((c) => c.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});

// Web Push: the server sends { title, body, link, kind, deliveryId, tag? } (encrypted for this browser).
self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { title: event.data ? event.data.text() : '' };
  }
  event.waitUntil(
    self.registration.showNotification(message.title || '함께', {
      body: message.body || '',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      // A grouped alert's later push (same tag) replaces its earlier one instead of piling up.
      tag: message.tag || message.deliveryId,
      renotify: Boolean(message.tag),
      data: { link: message.link || '/notifications', deliveryId: message.deliveryId },
    }),
  );
});

// A click opens the link (in an open tab of the site when there is one) and reports "opened".
// The report carries no cookies: the random delivery id is all it needs.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { link, deliveryId } = event.notification.data || {};
  const url = new URL(
    link?.startsWith('/') && !link.startsWith('//') ? link : '/notifications',
    self.location.origin,
  ).href;
  const open = self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const tab = windows.find((w) => new URL(w.url).origin === self.location.origin && 'navigate' in w);
    return tab ? tab.navigate(url).then((w) => (w || tab).focus()) : self.clients.openWindow(url);
  });
  const report = deliveryId
    ? fetch(`/api/v1/push/deliveries/${encodeURIComponent(deliveryId)}/opened`, {
        method: 'POST',
        credentials: 'omit',
      }).catch(() => undefined)
    : Promise.resolve();
  event.waitUntil(Promise.all([open, report]));
});
