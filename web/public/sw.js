// Hamkke service worker: the site keeps working without a network for what a person has opened.
//
// - The app shell (index.html, the offline page, icons) is stored at install, with the scripts and
//   styles the shell names; every other /assets/ file is stored when first fetched. Their names are
//   hashed by the build, so they never change: served from here first. No list of chunks is kept here.
// - Pages (navigations) go to the network; each page opened is remembered, and without a network an
//   opened page gets the stored shell (the app then shows it from stored answers), any other the
//   offline page.
// - API answers (GET only; nothing else is ever stored): for a visitor who is not signed in they are
//   public — served from here at once while the network refreshes them (stale-while-revalidate),
//   the page told when a fresher answer arrived. For a signed-in person they may hold personal
//   data: fetched fresh, kept only to be shown offline, and dropped at sign-in, sign-out, account
//   deletion or a change of account, so one account never sees another's.
// - An answer shown from here because the network failed is reported to the page with the time it
//   was stored (the page's "오프라인 상태입니다 — HH:MM 기준" banner); what is not stored fails at once.
const SHELL = 'hamkke-shell-v2';
const PAGES = 'hamkke-pages-v1';
const PUBLIC_API = 'hamkke-api-public-v1';
const PRIVATE_API = 'hamkke-api-private-v1';
const STATE = 'hamkke-state-v1';
const CURRENT = [SHELL, PAGES, PUBLIC_API, PRIVATE_API, STATE];
const SHELL_FILES = [
  '/',
  '/offline.html',
  '/offline.css',
  '/offline.js',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
];
const STORED_AT = 'x-hamkke-stored-at';
const OWNER = 'x-hamkke-kept-for';
// Bounds on what is kept of API answers: the newest MAX_ANSWERS per store, none older than
// MAX_AGE_DAYS shown (a phone's storage is small, and a month-old answer misleads more than it helps).
const MAX_ANSWERS = 300;
const MAX_AGE_DAYS = 30;
/** Who is signed in, as this worker last learnt it (kept with the caches: the worker may be stopped). */
const SESSION_KEY = '/__hamkke/session';

async function precache() {
  const cache = await caches.open(SHELL);
  await cache.addAll(SHELL_FILES);
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
      .then((keys) => Promise.all(keys.filter((k) => !CURRENT.includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** A copy of a response with the time it was stored, so it can be told later. */
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(STORED_AT, new Date().toISOString());
  const body = await response.blob();
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

async function store(cacheName, key, response, owner = '') {
  const copy = await stamped(response);
  if (owner) copy.headers.set(OWNER, owner);
  const cache = await caches.open(cacheName);
  await cache.put(key, copy);
  if (cacheName !== PUBLIC_API && cacheName !== PRIVATE_API) return;
  // Keys come back oldest stored first (a put again moves the key to the end): drop from the front.
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ANSWERS))) await cache.delete(old);
}

async function tell(clientId, message) {
  if (!clientId) return;
  const client = await self.clients.get(clientId);
  client?.postMessage(message);
}

async function tellAll(message) {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

// --- who is signed in -------------------------------------------------------------------------
// 'user:<id>' (answers are personal), 'anon' (answers are public), or nothing: not known yet (just
// after a sign-in or sign-out, until /api/v1/session answers), when answers are passed on but not kept.
const WHO = '/api/v1/session';

async function session() {
  const hit = await (await caches.open(STATE)).match(SESSION_KEY);
  return hit ? hit.text() : '';
}

async function setSession(value) {
  const state = await caches.open(STATE);
  if (value) await state.put(SESSION_KEY, new Response(value));
  else await state.delete(SESSION_KEY);
}

// Counts sign-ins and sign-outs seen: an answer (or a /me) asked before one is not kept after it.
let generation = 0;

/** A sign-in, sign-out or deletion: every signed-in answer goes, and who is signed in is unknown. */
async function sessionChanging() {
  generation++;
  await caches.delete(PRIVATE_API);
  await setSession('');
}

/** /api/v1/session says who is signed in: another person (or no one) drops the answers kept for the last. */
async function noteMe(response, asked) {
  if (asked !== generation) return; // a sign-in or sign-out came in between: it says nothing now
  if (!response.ok) return; // a failure says nothing about who is signed in
  let now = '';
  try {
    const { me } = await response.clone().json();
    now = me ? `user:${me.id}` : 'anon';
  } catch {
    now = '';
  }
  // The signed-in answers belong to the one who was signed in: any change of person drops them.
  if ((await session()) !== now) await caches.delete(PRIVATE_API);
  await setSession(now);
}

let asking = null;
/** Who is signed in, asking /api/v1/session once (shared) when it is not known. */
async function ensureSession() {
  const known = await session();
  if (known) return known;
  if (!asking) {
    const asked = generation;
    asking = fetch(WHO, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((response) => noteMe(response, asked))
      .catch(() => undefined)
      .finally(() => {
        asking = null;
      });
  }
  await asking;
  return session();
}

// --- answers ------------------------------------------------------------------------------------

/** API answers never stored: secrets in the address and the API's own documents. */
function storable(url) {
  return (
    !url.searchParams.has('token') &&
    !url.pathname.startsWith('/api/docs') &&
    url.pathname !== '/api/openapi.json'
  );
}

/** Stored within MAX_AGE_DAYS (an answer without a readable time is not). */
function fresh(stored) {
  const age = Date.now() - Date.parse(stored.headers.get(STORED_AT) ?? '');
  return age < MAX_AGE_DAYS * 86_400_000;
}

/**
 * Without a network: the stored answer, reported to the page with its time; else a failure at once.
 * A signed-in answer is given only to the person it was kept for.
 */
async function fromStore(cacheName, event, owner = '') {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(event.request);
  if (!hit || (owner && hit.headers.get(OWNER) !== owner)) return Response.error();
  if (!fresh(hit)) {
    await cache.delete(event.request);
    return Response.error();
  }
  await tell(event.clientId, {
    type: 'hamkke:from-cache',
    url: event.request.url,
    storedAt: hit.headers.get(STORED_AT),
  });
  return hit;
}

/** Signed-in answers: always fresh from the network; kept for this person only, to be shown offline. */
async function privateAnswer(event, url) {
  const asked = generation;
  let response;
  try {
    response = await fetch(event.request);
  } catch {
    const who = await session();
    if (who.startsWith('user:')) return fromStore(PRIVATE_API, event, who);
    // A visitor's session ("nobody") is no one's data: kept, so the app knows offline too.
    return who === 'anon' ? fromStore(PUBLIC_API, event) : Response.error();
  }
  if (url.pathname === WHO) await noteMe(response, asked);
  event.waitUntil(tell(event.clientId, { type: 'hamkke:network-ok' }));
  const who = await session();
  if (asked !== generation) return response;
  if (response.ok && who.startsWith('user:'))
    event.waitUntil(store(PRIVATE_API, event.request, response.clone(), who));
  else if (response.ok && who === 'anon' && url.pathname === WHO)
    event.waitUntil(store(PUBLIC_API, event.request, response.clone()));
  return response;
}

async function sameBody(a, b) {
  return (await a.clone().text()) === (await b.clone().text());
}

/** Public answers: the stored one at once while the network refreshes it; the page hears of a change. */
async function publicAnswer(event) {
  const asked = generation;
  const cache = await caches.open(PUBLIC_API);
  const kept = await cache.match(event.request);
  const stored = kept && fresh(kept) ? kept : undefined;
  const refresh = fetch(event.request).then((response) => {
    // Copied now: once the page reads the answer, its body is gone.
    const copy = response.clone();
    const keep = async () => {
      await tell(event.clientId, { type: 'hamkke:network-ok' });
      if (asked !== generation) return; // someone signed in meanwhile: this answer may be theirs
      if (response.ok) {
        const changed = stored && !(await sameBody(stored, copy));
        await store(PUBLIC_API, event.request, copy);
        if (changed) await tellAll({ type: 'hamkke:api-updated', url: event.request.url });
      } else if (response.status >= 400 && response.status < 500 && stored) {
        // Gone or refused now: the stored copy goes, and the page asks again.
        await cache.delete(event.request);
        await tellAll({ type: 'hamkke:api-updated', url: event.request.url });
      }
    };
    event.waitUntil(keep());
    return response;
  });
  if (!stored) return refresh.catch(() => Response.error());
  event.waitUntil(
    refresh.catch(() =>
      tell(event.clientId, {
        type: 'hamkke:from-cache',
        url: event.request.url,
        storedAt: stored.headers.get(STORED_AT),
      }),
    ),
  );
  return stored.clone();
}

async function apiAnswer(event, url) {
  if (url.pathname === WHO) return privateAnswer(event, url);
  const who = await ensureSession();
  if (who.startsWith('user:')) return privateAnswer(event, url);
  if (who === 'anon') return publicAnswer(event);
  // Still not known (the network failed): passed on, not kept.
  return fetch(event.request).catch(() => Response.error());
}

// --- pages and files ----------------------------------------------------------------------------

const pageKey = (url) => url.pathname + url.search;

async function page(event, url) {
  try {
    const response = await fetch(event.request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      // The shell is the same for every page: the newest one serves them all offline.
      await store(SHELL, '/', response.clone());
      await (await caches.open(PAGES)).put(pageKey(url), new Response(''));
    }
    return response;
  } catch {
    const opened = await (await caches.open(PAGES)).match(pageKey(url));
    const shell = opened && (await (await caches.open(SHELL)).match('/'));
    return shell || (await caches.match('/offline.html')) || Response.error();
  }
}

async function file(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

/** Sign-in (also through an identity provider), sign-out, sign-up and account deletion. */
function changesSession(request, url) {
  if (url.pathname === '/api/v1/me') return request.method === 'DELETE';
  if (!url.pathname.startsWith('/api/v1/auth/')) return false;
  return !(request.method === 'GET' && url.pathname === '/api/v1/auth/oidc'); // the providers' list
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (changesSession(request, url)) {
      // Before it is sent and again once answered (its cookie set): nothing asked across it is kept.
      event.waitUntil(sessionChanging());
      // A sign-in through an identity provider is a page visit: the page asks /me after it.
      if (request.mode === 'navigate') return;
      event.respondWith(
        fetch(request).then(
          async (response) => {
            await sessionChanging();
            return response;
          },
          () => Response.error(),
        ),
      );
      return;
    }
    // Only GET answers asked by the app are kept; anything else goes straight to the network.
    if (request.method === 'GET' && request.mode !== 'navigate' && storable(url))
      event.respondWith(apiAnswer(event, url));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event, url));
    return;
  }
  if (url.pathname.startsWith('/assets/') || SHELL_FILES.includes(url.pathname)) {
    // Hashed assets never change: cache first, stored as they are fetched.
    event.respondWith(file(request));
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
