import { Router } from 'express'
import { PartyAccessQuery } from '../../../contract'
import type { Db } from '../db/Db'
import { partyAccessLog } from '../db/partyAccessQueries'
import { allow } from './auth'
import { HttpError, parseOr400 } from './errors'

/** `GET /party-access-log?case=&limit=`: who opened which case's parties and when, in the reader's area, for duty leaders and admins. */
export function partyAccessRouter(db: Db): Router {
  return Router().get('/', allow('read_party_log'), async (req, res) => {
    const q = parseOr400(PartyAccessQuery, req.query, 'query')
    const { reach } = req.caller!
    // The roles that read it work in an area; what was read of cases elsewhere is not theirs to see.
    const log = reach.prefix === null ? null : await partyAccessLog(db, q, reach.prefix)
    if (!log) throw new HttpError(404, 'not_found', `no case with id ${q.case} in this account's scope`)
    res.set('Cache-Control', 'no-store').json(log)
  })
}
