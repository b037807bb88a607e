import { createHash } from 'node:crypto'
import type { RequestHandler } from 'express'
import { Role } from '../../../contract/auth'
import type { Identity } from '../commands/identity'
import { HttpError } from './errors'

/** A caller: who their token stands for (a role and, for a grid worker, the grid they work), and the token. */
export type Caller = Identity & { token: string }
export type Tokens = ReadonlyMap<string, Identity>

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller
  }
}

/** The grid the demo grid worker works: the first grid of 新兴街道. */
export const DEMO_GRID = '231281001001001'

/** Demo tokens, one per role, used when AUTH_TOKENS is not set and printed at start. */
export const DEMO_TOKENS: Tokens = new Map(Role.options.map((role) => [
  `demo-${role.replace('_', '-')}`, role === 'grid_worker' ? { role, grid: DEMO_GRID } : { role },
]))

/**
 * `AUTH_TOKENS=duty_leader:s3cret,grid_worker@231281001001001:…` → token → identity. A grid worker's
 * token names the grid they work; they report and act on cases there only.
 */
export function parseTokens(spec: string): Tokens {
  const tokens = new Map<string, Identity>()
  for (const pair of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [who, token] = pair.split(':')
    const [role, grid] = (who ?? '').split('@')
    const parsed = Role.safeParse(role)
    if (!parsed.success || !token) throw new Error(`AUTH_TOKENS: "${pair}" is not role:token with a role of ${Role.options.join(', ')}`)
    if (parsed.data === 'grid_worker' && !/^\d{15}$/.test(grid ?? '')) {
      throw new Error(`AUTH_TOKENS: "${pair}": a grid worker's token names their grid, grid_worker@<15-digit grid code>:token`)
    }
    tokens.set(token, parsed.data === 'grid_worker' ? { role: parsed.data, grid: grid! } : { role: parsed.data })
  }
  return tokens
}

/** Who did something, for a log or a record: the caller's role and a digest of their token, never the token itself. */
export const actorOf = ({ role, token }: Caller) => `${role}#${createHash('sha256').update(token).digest('hex').slice(0, 10)}`

/** Lets through callers whose bearer token names one of `roles`: 401 without a known token, 403 with the wrong role. */
export function requireRole(tokens: Tokens, ...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization') ?? ''
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    const identity = token ? tokens.get(token) : undefined
    if (!token || !identity) throw new HttpError(401, 'unauthenticated', 'a valid bearer token is required')
    if (!roles.includes(identity.role)) throw new HttpError(403, 'forbidden', `a ${identity.role} may not do this; it takes ${roles.join(' or ')}`)
    req.caller = { ...identity, token }
    next()
  }
}
