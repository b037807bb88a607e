import { Router } from 'express'
import { AreaParams, AreaQuery } from '../../../contract'
import type { Clock } from '../clock'
import { areaProfile } from '../db/areaQueries'
import type { Db } from '../db/Db'
import { HttpError, parseOr400 } from './errors'

/** `GET /areas/:level/:code?patrolHours=`: a township or a grid as a duty leader drills into it; anyone may read it. */
export function areasRouter(db: Db, clock: Clock): Router {
  return Router().get('/:level/:code', async (req, res) => {
    const { level, code } = parseOr400(AreaParams, req.params, 'path')
    const { patrolHours } = parseOr400(AreaQuery, req.query, 'query')
    const profile = await areaProfile(db, level, code, patrolHours, clock.now())
    if (!profile) throw new HttpError(404, 'not_found', `no ${level} with code ${code}`)
    res.json(profile)
  })
}
