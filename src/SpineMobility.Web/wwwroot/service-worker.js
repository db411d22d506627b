// SpineMobility's service worker: the look of the app (styles, scripts, icons, fonts) and the exercise drawings come
// from a cache, and a page that cannot be fetched shows a friendly offline page. Pages themselves are never stored
// (they hold personal data and are fresh on the server), and the live connection (/_blazor), the player, the
// account pages, the API and the feeds are left to the network untouched.
const VERSION = "v1";
const SHELL = `spine-shell-${VERSION}`;
const DRAWINGS = `spine-drawings-${VERSION}`;
const OFFLINE = "/offline.html";
const PRECACHE = [OFFLINE, "/favicon.ico", "/icons/icon-192.png", "/manifest.webmanifest"];

self.addEventListener("install", event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => {
  event.waitUntil((async () => {
    const keep = new Set([SHELL, DRAWINGS]);
    for (const name of await caches.keys()) {
      if (name.startsWith("spine-") && !keep.has(name)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Left to the browser entirely: no respondWith, so the worker cannot delay or change them.
const untouched = path =>
  path.startsWith("/_blazor") || path.startsWith("/session/play") || path.startsWith("/Account") ||
  path.startsWith("/api/") || path.startsWith("/calendar") || path.startsWith("/healthz") ||
  path.startsWith("/openapi") || path === "/service-worker.js";

// A file name with a build fingerprint (app.mkg8nlvwgv.css) never changes: the cached copy is always right.
const fingerprinted = path => /\.[a-z0-9]{8,}\.(css|js|mjs|svg|png|woff2?)$/.test(path);

const shellAsset = (request, path) =>
  request.destination === "style" || request.destination === "script" || request.destination === "font" ||
  path.startsWith("/_content/") || path.startsWith("/_framework/") || path.startsWith("/icons/") ||
  path === "/favicon.ico" || path === "/favicon.svg" || path === "/manifest.webmanifest";

self.addEventListener("fetch", event => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || untouched(url.pathname)) return;

  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
  } else if (url.pathname.startsWith("/illustrations/")) {
    event.respondWith(cacheFirst(DRAWINGS, request));
  } else if (shellAsset(request, url.pathname)) {
    event.respondWith(fingerprinted(url.pathname) ? cacheFirst(SHELL, request) : networkFirst(SHELL, request));
  }
});

async function cacheFirst(cacheName, request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(cacheName, request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}
