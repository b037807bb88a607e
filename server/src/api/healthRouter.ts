import { Router } from 'express'
import { health } from '../db/cityQueries'
import type { Db } from '../db/Db'

export function healthRouter(db: Db): Router {
  return Router().get('/', async (_req, res) => {
    res.json(await health(db))
  })
}
