import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import express, { type RequestHandler, Router } from 'express'
import expressStaticGzip from 'express-static-gzip'
import { casesOnlyLevel } from '../../../domain/access'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import { HttpError } from './errors'

const sql = sqlFiles(['city_region'])
/** How long the store's top level is taken as read: it changes only when a store is seeded. */
const STORE_TOP_MS = 30_000

/** The city's base layers, read by every map screen. */
const CITY_READS = ['/api/v1/regions', '/api/v1/grids', '/api/v1/roads']

/**
 * What the screen at `path` reads first, to be fetched with the page (a preload) instead of after its
 * script has loaded and run: most of a second of a 4K wall's start. The same URLs as the client asks for.
 * A wall of one area (`?area=<12-digit code>`) reads that area's part or its tiles, not the whole store's GeoJSON.
 */
function screenReads(path: string, area: unknown, wideStore: boolean): string[] {
  // A province's store: what a screen reads depends on the account (a province's wall reads tiles and its cases,
  // a county's its GeoJSON), which the page learns once signed in; the whole store's would be tens of megabytes.
  if (wideStore) return []
  if (path === '/' || /^\/wall\/?$/.test(path)) return ['/api/v1/live/snapshot', ...(typeof area === 'string' && /^\d{12}$/.test(area) ? [] : CITY_READS)]
  if (/^\/(drill|desk|intake|editor)(\/|$)/.test(path)) return CITY_READS
  return []
}

/**
 * Why `path` (as the request wrote it) names no screen, or nothing: a NUL or a broken escape is a 400; a `..`
 * (written %2e%2e, or behind an encoded slash) or a file, a last segment with a dot in it, that the build did
 * not write (`/.env`, `/favicon.ico`) is a 404. A screen route has no dots.
 */
function notAScreen(path: string): HttpError | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return new HttpError(400, 'invalid_path', `${path} is not a well-formed path: an escape does not decode`)
  }
  if (decoded.includes('\u0000')) return new HttpError(400, 'invalid_path', `${path} holds a NUL character`)
  const segments = decoded.split(/[/\\]/)
  if (segments.includes('..')) return new HttpError(404, 'not_found', `no such page: ${path}`)
  if (segments.at(-1)!.includes('.')) return new HttpError(404, 'not_found', `no such file: ${path}`)
  return undefined
}

/**
 * The built client: files as they are (hashed assets cached for a year, sent as the brotli or gzip
 * file the build wrote beside each when the browser takes it), m.html for the phone page (`/m…`), and index.html
 * for every other GET outside /api and /ogc that names a screen, so that deep links (/wall, /drill/grid/…) load the app,
 * naming the screen's first reads to preload. A file that was not built is a 404, never the page. With the store
 * `db`, the page is told the level of the store's top region (`<meta name="store-top">`): in a province's store
 * neither it nor the server starts any read before the account is known.
 */
export function clientAssets(dir: string, db?: Db): RequestHandler {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) throw new Error(`no built client at ${dir}: run npm run build`)
  let top: { level: string | null; at: number } = { level: null, at: -Infinity }
  const storeTop = async (): Promise<string | null> => {
    if (!db) return null
    if (Date.now() - top.at > STORE_TOP_MS) {
      const [root] = await db.query<{ level: string }>(sql.city_region)
      top = { level: root?.level ?? null, at: Date.now() }
    }
    return top.level
  }
  const phone = join(dir, 'm.html')
  const phoneWorker = join(dir, 'm-sw.js')
  return Router()
    .use('/assets', expressStaticGzip(join(dir, 'assets'), {
      enableBrotli: true, orderPreference: ['br', 'gzip'], serveStatic: { immutable: true, maxAge: '1y', fallthrough: false },
    }))
    // The phone page's service worker, asked for afresh each time so a new one is found; its scope is /m.
    .get('/m-sw.js', (_req, res) => {
      if (!existsSync(phoneWorker)) throw new HttpError(404, 'not_found', 'no such file: /m-sw.js')
      res.set({ 'Cache-Control': 'no-cache', 'Service-Worker-Allowed': '/m' }).sendFile(phoneWorker)
    })
    // The grid worker's phone (/m, /m/cases, /m/case/12): a page and a script of its own, without the map.
    .get(/^\/m(\/|$)/, (req, res) => {
      const refused = notAScreen(req.path)
      if (refused) throw refused
      if (!existsSync(phone)) throw new HttpError(404, 'not_found', `no phone page built in ${dir}: run npm run build`)
      res.set('Cache-Control', 'no-cache').sendFile(phone)
    })
    // No directory redirects: a path that resolves to one (`/drill/%2e%2e` is the build's root) is no file.
    .use(express.static(dir, { index: false, redirect: false }))
    .get(/^(?!\/(api|ogc|open311)(\/|$)).*/, async (req, res) => {
      const refused = notAScreen(req.path)
      if (refused) throw refused
      const level = await storeTop()
      const reads = screenReads(req.path, req.query['area'], level !== null && casesOnlyLevel(level))
      if (reads.length > 0) res.set('Link', reads.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`).join(', '))
      const page = await readFile(index, 'utf8')
      res.set('Cache-Control', 'no-cache').type('html').send(level ? page.replace('<head>', `<head><meta name="store-top" content="${level}">`) : page)
    })
}
