import { Router } from 'express'
import { KpisQuery } from '../../../contract'
import type { Clock } from '../clock'
import { gridByCode, regionByCode } from '../db/cityQueries'
import type { Db } from '../db/Db'
import { type KpiScope, kpis } from '../db/kpiQueries'
import { citywide, coversArea } from '../../../domain/access'
import { allow, type Caller, outsideScope } from './auth'
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

/**
 * The area a caller's figures are read for: the one asked for if it lies in their scope, else their own
 * (null: the whole city, for a scope of the city or above). A department's figures are not an area's.
 */
function areaAsked(caller: Caller, region: string | undefined): string | null {
  const { reach, scope } = caller
  if (!('region' in scope) || reach.prefix === null) throw new HttpError(403, 'out_of_scope', 'figures are read for an area; a department\'s scope has none')
  if (region) {
    if (!coversArea(reach, region)) throw outsideScope(caller, region)
    return region
  }
  return citywide(reach) ? null : scope.region
}

/** `GET /kpis?region=&patrolHours=`: the figures a wall shows, for the city, one township or community, or one grid. */
export function kpisRouter(db: Db, clock: Clock): Router {
  return Router().get('/', allow('read'), async (req, res) => {
    const q = parseOr400(KpisQuery, req.query, 'query')
    const area = areaAsked(req.caller!, q.region)
    const scope = area ? await scopeOf(db, area) : null
    res.json(await kpis(db, scope, q.patrolHours, clock.now()))
  })
}
