/*
 * The grid worker's phone page (/m) opens with no signal. This worker keeps the page's shell: its HTML and the
 * hashed script and styles the HTML names. A navigation to /m… is answered by the network when it answers
 * within a few seconds (and the shell kept is then brought up to that build), else by the shell. The API is
 * not touched: the page keeps its own queue of reports and its last reads (IndexedDB).
 * Registered by client/src/phone/registerShell.ts with the scope /m: the desk screens are not served from here.
 */
const SHELL = 'gridgov-m-shell-v1'
const PAGE = '/m'
/** How long a navigation waits for the network before the shell is shown: a weak signal is no signal. */
const NETWORK_WAIT_MS = 4000

const assetsOf = (html) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])

/** Keeps `response` (the page's HTML) and every asset it names; drops the assets of older builds. */
async function keepShell(response) {
  const cache = await caches.open(SHELL)
  const assets = assetsOf(await response.clone().text())
  await Promise.all(assets.map(async (url) => {
    if (!(await cache.match(url))) await cache.add(url)
  }))
  await cache.put(PAGE, response)
  const keep = new Set([PAGE, ...assets].map((url) => new URL(url, self.location.origin).href))
  for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request)
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const response = await fetch(PAGE, { cache: 'no-cache' })
    if (!response.ok) throw new Error(`${PAGE} answered ${response.status}`)
    await keepShell(response)
    await self.skipWaiting()
  })())
})

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('gridgov-m-') && name !== SHELL) await caches.delete(name)
    await self.clients.claim()
  })())
})

async function page(event) {
  const cached = await (await caches.open(SHELL)).match(PAGE)
  const network = fetch(event.request).then((response) => ({ response, copy: response.ok ? response.clone() : null }))
  event.waitUntil(network.then(({ copy }) => copy && keepShell(copy)).catch(() => {}))
  // A server that fails is no better than no signal; any other answer (a redirect, a 404) is the page's.
  const answered = network.then(({ response }) => (response.status >= 500 && cached ? cached : response))
  if (!cached) return answered
  const wait = new Promise((resolve) => setTimeout(() => resolve(cached), NETWORK_WAIT_MS))
  return Promise.race([answered.catch(() => cached), wait])
}

async function asset(request) {
  const kept = await (await caches.open(SHELL)).match(request)
  return kept ?? fetch(request)
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate' && (url.pathname === PAGE || url.pathname.startsWith(`${PAGE}/`))) event.respondWith(page(event))
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request))
})
