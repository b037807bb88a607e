import { Router } from 'express'
import { Role } from '../../../contract/auth'
import { requireRole, type Tokens } from './auth'
import { noQuery } from './noQuery'

/** `GET /api/v1/me`: the role (and grid) the caller's token stands for, so a screen offers what that role may do. */
export function meRouter(tokens: Tokens): Router {
  return Router().get('/', requireRole(tokens, ...Role.options), noQuery, (req, res) => {
    const { role, grid } = req.caller!
    res.set('Cache-Control', 'no-store').json(grid ? { role, grid } : { role })
  })
}
