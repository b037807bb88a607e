import { Router } from 'express'
import { LiveSnapshotQuery } from '../../../contract'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { liveSnapshot } from '../live/snapshot'
import { coversArea } from '../../../domain/access'
import { allow, outsideScope } from './auth'
import { HttpError, parseOr400 } from './errors'

/**
 * `GET /api/v1/live/snapshot[?area=<code>]`: what a screen starts from, stamped with the log position its stream
 * continues after; of the reader's scope, or of one area in it (403 outside it) for a screen following that area's room.
 */
export function liveRouter(db: Db, clock: Clock): Router {
  return Router().get('/snapshot', allow('read'), async (req, res) => {
    const { area } = parseOr400(LiveSnapshotQuery, req.query, 'query')
    const caller = req.caller!
    if (area !== undefined && caller.reach.prefix === null) throw new HttpError(403, 'out_of_scope', 'a department follows the cases routed to it, not an area')
    if (area !== undefined && !coversArea(caller.reach, area)) throw outsideScope(caller, area)
    res.json(await liveSnapshot(db, clock.now(), caller.reach, area))
  })
}
