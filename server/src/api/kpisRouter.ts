import { Router } from 'express'
import { KpisQuery } from '../../../contract'
import type { Clock } from '../clock'
import { regionByCode } from '../db/cityQueries'
import type { Db } from '../db/Db'
import { kpis } from '../db/kpiQueries'
import { HttpError, parseOr400 } from './errors'

/** `GET /kpis?region=&patrolHours=`: the figures a wall shows, for the city or one township or community. */
export function kpisRouter(db: Db, clock: Clock): Router {
  return Router().get('/', async (req, res) => {
    const q = parseOr400(KpisQuery, req.query, 'query')
    const region = q.region ? await regionByCode(db, q.region) : null
    if (q.region && !region) throw new HttpError(404, 'not_found', `no region with code ${q.region}`)
    res.json(await kpis(db, region, q.patrolHours, clock.now()))
  })
}
