/*
 * Offline support: caches the built page and its assets, serves them when the network is gone.
 * /sw-assets.js is written by the build (vite.config.ts) with the build's version and file list;
 * the browser byte-compares imported scripts on each update check, so a new build installs a new
 * worker, which takes over at once and deletes the caches of older builds.
 */
importScripts('/sw-assets.js');

const { version, files } = self.POOL_SIZER_BUILD;
const CACHE = `pool-sizer-${version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('pool-sizer-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: the network first, so a new build shows at once; the cached copy offline.
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match('/index.html', { ignoreVary: true })).then((hit) => hit || Response.error())),
    );
    return;
  }
  // Hashed assets never change under their name: the cache first. ignoreVary: the page asks for
  // its scripts with CORS (an Origin header) while install cached them without, and the server's
  // responses say Vary: Origin.
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, { ignoreVary: true }).then((hit) => hit || fetch(request))));
});
