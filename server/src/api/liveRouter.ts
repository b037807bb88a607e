import { Router } from 'express'
import { LiveSnapshotQuery } from '../../../contract'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { liveSnapshot } from '../live/snapshot'
import { areaAsked } from './areaAsked'
import { allow } from './auth'
import { parseOr400 } from './errors'

/**
 * `GET /api/v1/live/snapshot[?area=<code>]`: what a screen starts from, stamped with the log position its stream
 * continues after; of the reader's scope, or of one area in it (403 outside it) for a screen following that area's room.
 */
export function liveRouter(db: Db, clock: Clock): Router {
  return Router().get('/snapshot', allow('read'), async (req, res) => {
    const { area } = parseOr400(LiveSnapshotQuery, req.query, 'query')
    const caller = req.caller!
    res.json(await liveSnapshot(db, clock.now(), caller.reach, area === undefined ? undefined : areaAsked(caller, area)!))
  })
}
