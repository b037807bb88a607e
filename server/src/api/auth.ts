import type { RequestHandler } from 'express'
import { Role } from '../../../contract/auth'
import { HttpError } from './errors'

export type Caller = { role: Role; token: string }
export type Tokens = ReadonlyMap<string, Role>

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller
  }
}

/** Demo tokens, one per role, used when AUTH_TOKENS is not set and printed at start. */
export const DEMO_TOKENS: Tokens = new Map(Role.options.map((role) => [`demo-${role.replace('_', '-')}`, role]))

/** `AUTH_TOKENS=duty_leader:s3cret,grid_worker:…` → token → role. */
export function parseTokens(spec: string): Tokens {
  const tokens = new Map<string, Role>()
  for (const pair of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [role, token] = pair.split(':')
    const parsed = Role.safeParse(role)
    if (!parsed.success || !token) throw new Error(`AUTH_TOKENS: "${pair}" is not role:token with a role of ${Role.options.join(', ')}`)
    tokens.set(token, parsed.data)
  }
  return tokens
}

/** Lets through callers whose bearer token names one of `roles`: 401 without a known token, 403 with the wrong role. */
export function requireRole(tokens: Tokens, ...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization') ?? ''
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    const role = token ? tokens.get(token) : undefined
    if (!token || !role) throw new HttpError(401, 'unauthenticated', 'a valid bearer token is required')
    if (!roles.includes(role)) throw new HttpError(403, 'forbidden', `a ${role} may not do this; it takes ${roles.join(' or ')}`)
    req.caller = { role, token }
    next()
  }
}
