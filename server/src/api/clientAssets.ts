import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { type RequestHandler, Router } from 'express'
import expressStaticGzip from 'express-static-gzip'

/**
 * The built client: files as they are (hashed assets cached for a year, sent as the brotli or gzip
 * file the build wrote beside each when the browser takes it), and index.html for every
 * other GET outside /api so that deep links (/wall, /drill/grid/…) load the app.
 */
export function clientAssets(dir: string): RequestHandler {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) throw new Error(`no built client at ${dir}: run npm run build`)
  return Router()
    .use('/assets', expressStaticGzip(join(dir, 'assets'), {
      enableBrotli: true, orderPreference: ['br', 'gzip'], serveStatic: { immutable: true, maxAge: '1y', fallthrough: false },
    }))
    .use(express.static(dir, { index: false }))
    .get(/^(?!\/api(\/|$)).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache').sendFile(index)
    })
}
