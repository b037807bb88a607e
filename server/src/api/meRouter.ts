import { Router } from 'express'
import type { Identity } from '../commands/identity'
import { requireCaller } from './auth'
import { noQuery } from './noQuery'
import { meOf } from './sessionRouter'

/** `GET /api/v1/me`: who is signed in, where they work, and (for a session) the CSRF token its writes send back. */
export function meRouter(scopeName: (identity: Identity) => Promise<string>): Router {
  return Router().get('/', requireCaller, noQuery, async (req, res) => {
    const caller = req.caller!
    const csrfToken = caller.via === 'session' ? req.session.csrfToken ?? undefined : undefined
    res.set('Cache-Control', 'no-store').json(meOf(caller, caller.via, await scopeName(caller), csrfToken))
  })
}
