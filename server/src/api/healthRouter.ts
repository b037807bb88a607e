import { Router } from 'express'
import type { HealthDown } from '../../../contract'
import { health } from '../db/cityQueries'
import { type Db, StoreUnavailable } from '../db/Db'
import { STORE_RETRY_SECONDS } from './errors'
import { noQuery } from './noQuery'

/** The server's health: 200 with the store's facts, or 503 saying the store is unreachable (the server itself is up). */
export function healthRouter(db: Db): Router {
  return Router().get('/', noQuery, async (_req, res) => {
    try {
      res.set('Cache-Control', 'no-store').json(await health(db))
    } catch (err) {
      if (!(err instanceof StoreUnavailable)) throw err
      const down: HealthDown = { status: 'down', engine: db.engine, store: 'unreachable', retryAfterSeconds: STORE_RETRY_SECONDS }
      res.status(503).set('Retry-After', String(STORE_RETRY_SECONDS)).json(down)
    }
  })
}
