import { Router } from 'express'
import { AreaParams, AreaQuery } from '../../../contract'
import type { Clock } from '../clock'
import { areaProfile } from '../db/areaQueries'
import type { Db } from '../db/Db'
import { coversArea } from '../../../domain/access'
import { allow, outsideScope } from './auth'
import { HttpError, parseOr400 } from './errors'

/**
 * `GET /areas/:level/:code?patrolHours=`: a province, prefecture, county, township or grid as a desk drills into it,
 * inside the caller's scope (the store's top region too, for a scope of the whole store).
 */
export function areasRouter(db: Db, clock: Clock): Router {
  return Router().get('/:level/:code', allow('read'), async (req, res) => {
    const { level, code } = parseOr400(AreaParams, req.params, 'path')
    if (!coversArea(req.caller!.reach, code)) throw outsideScope(req.caller!, code)
    const { patrolHours } = parseOr400(AreaQuery, req.query, 'query')
    const profile = await areaProfile(db, level, code, patrolHours, clock.now())
    if (!profile) throw new HttpError(404, 'not_found', `no ${level} with code ${code}`)
    res.json(profile)
  })
}
