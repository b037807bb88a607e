import { Router } from 'express'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { liveSnapshot } from '../live/snapshot'
import { allow } from './auth'
import { noQuery } from './noQuery'

/** `GET /api/v1/live/snapshot`: what a screen starts from, stamped with the log position its stream continues after. */
export function liveRouter(db: Db, clock: Clock): Router {
  return Router().get('/snapshot', allow('read'), noQuery, async (req, res) => {
    res.json(await liveSnapshot(db, clock.now(), req.caller!.reach))
  })
}
