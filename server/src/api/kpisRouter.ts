import { Router } from 'express'
import { KpisQuery } from '../../../contract'
import type { Clock } from '../clock'
import { gridByCode, regionByCode } from '../db/cityQueries'
import type { Db } from '../db/Db'
import { type KpiScope, kpis } from '../db/kpiQueries'
import { HttpError, parseOr400 } from './errors'

/** The region or current grid a code names; 404 naming it when there is none. */
async function scopeOf(db: Db, code: string): Promise<KpiScope> {
  if (code.length === 15) {
    if (await gridByCode(db, code)) return { code, level: 'grid' }
    throw new HttpError(404, 'not_found', `no grid with code ${code}`)
  }
  const region = await regionByCode(db, code)
  if (!region) throw new HttpError(404, 'not_found', `no region with code ${code}`)
  return region
}

/** `GET /kpis?region=&patrolHours=`: the figures a wall shows, for the city, one township or community, or one grid. */
export function kpisRouter(db: Db, clock: Clock): Router {
  return Router().get('/', async (req, res) => {
    const q = parseOr400(KpisQuery, req.query, 'query')
    const scope = q.region ? await scopeOf(db, q.region) : null
    res.json(await kpis(db, scope, q.patrolHours, clock.now()))
  })
}
