import { Router } from 'express'
import { PartyAccessQuery } from '../../../contract'
import type { Db } from '../db/Db'
import { partyAccessLog } from '../db/partyAccessQueries'
import { allow } from './auth'
import { HttpError, parseOr400 } from './errors'

/** `GET /party-access-log?case=&limit=`: who opened which case's parties and when, for duty leaders and admins. */
export function partyAccessRouter(db: Db): Router {
  return Router().get('/', allow('read_party_log'), async (req, res) => {
    const q = parseOr400(PartyAccessQuery, req.query, 'query')
    const log = await partyAccessLog(db, q)
    if (!log) throw new HttpError(404, 'not_found', `no case with id ${q.case}`)
    res.set('Cache-Control', 'no-store').json(log)
  })
}
