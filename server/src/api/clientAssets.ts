import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { type RequestHandler, Router } from 'express'
import expressStaticGzip from 'express-static-gzip'

/** The city's base layers, read by every map screen. */
const CITY_READS = ['/api/v1/regions', '/api/v1/grids', '/api/v1/roads']

/**
 * What the screen at `path` reads first, to be fetched with the page (a preload) instead of after its
 * script has loaded and run: most of a second of a 4K wall's start. The same URLs as the client asks for.
 */
function screenReads(path: string): string[] {
  if (path === '/' || /^\/wall\/?$/.test(path)) return ['/api/v1/live/snapshot', ...CITY_READS]
  if (/^\/(drill|editor)(\/|$)/.test(path)) return CITY_READS
  return []
}

/**
 * The built client: files as they are (hashed assets cached for a year, sent as the brotli or gzip
 * file the build wrote beside each when the browser takes it), and index.html for every
 * other GET outside /api so that deep links (/wall, /drill/grid/…) load the app, naming the screen's
 * first reads to preload.
 */
export function clientAssets(dir: string): RequestHandler {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) throw new Error(`no built client at ${dir}: run npm run build`)
  return Router()
    .use('/assets', expressStaticGzip(join(dir, 'assets'), {
      enableBrotli: true, orderPreference: ['br', 'gzip'], serveStatic: { immutable: true, maxAge: '1y', fallthrough: false },
    }))
    .use(express.static(dir, { index: false }))
    .get(/^(?!\/api(\/|$)).*/, (req, res) => {
      const reads = screenReads(req.path)
      if (reads.length > 0) res.set('Link', reads.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`).join(', '))
      res.set('Cache-Control', 'no-cache').sendFile(index)
    })
}
