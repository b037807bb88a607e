import { Router } from 'express'
import { KpisQuery } from '../../../contract'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { kpis } from '../commands/kpis'
import { areaAsked, areaByCode } from './areaAsked'
import { allow } from './auth'
import { parseOr400 } from './errors'

/** `GET /kpis?region=&patrolHours=`: the figures a wall shows, for the city, one township or community, or one grid. */
export function kpisRouter(db: Db, clock: Clock): Router {
  return Router().get('/', allow('read'), async (req, res) => {
    const q = parseOr400(KpisQuery, req.query, 'query')
    const area = areaAsked(req.caller!, q.region)
    const scope = area ? await areaByCode(db, area) : null
    res.json(await kpis(db, scope, q.patrolHours, clock.now()))
  })
}
