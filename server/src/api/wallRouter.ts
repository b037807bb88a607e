import { Router } from 'express'
import { WallQuery } from '../../../contract'
import { citywide } from '../../../domain/access'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { attentionCases, dutyNow, hourlyReports } from '../commands/wallReads'
import { areaAsked, areaByCode } from './areaAsked'
import { allow, type Caller } from './auth'
import { HttpError, parseOr400 } from './errors'
import { noQuery } from './noQuery'

const areaOf = async (db: Db, caller: Caller, region: string | undefined) => {
  const code = areaAsked(caller, region)
  return code ? areaByCode(db, code) : null
}

/**
 * The wall's reads beside the KPIs: `GET /wall/hourly?region=` (reports per hour, the last 24), `GET
 * /wall/attention?region=` (open cases moved up or overdue, where and since when), both for an area in the
 * reader's scope; `GET /duty`, the duty leader on shift, for city-wide readers only (a name and a desk phone).
 */
export function wallRouter(db: Db, clock: Clock): Router {
  return Router()
    .get('/wall/hourly', allow('read'), async (req, res) => {
      const q = parseOr400(WallQuery, req.query, 'query')
      res.json(await hourlyReports(db, await areaOf(db, req.caller!, q.region), clock.now()))
    })
    .get('/wall/attention', allow('read'), async (req, res) => {
      const q = parseOr400(WallQuery, req.query, 'query')
      res.json(await attentionCases(db, await areaOf(db, req.caller!, q.region), clock.now()))
    })
    .get('/duty', allow('read'), noQuery, async (req, res) => {
      if (!citywide(req.caller!.reach)) throw new HttpError(403, 'out_of_scope', 'the duty roster is the command centre\'s: read by city-wide accounts')
      res.json(await dutyNow(db, clock.now()))
    })
}
