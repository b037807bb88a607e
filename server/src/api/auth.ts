import type { RequestHandler } from 'express'
import { csrfSync } from 'csrf-sync'
import { type Act, may, rolesThatMay } from '../../../domain/access'
import type { AccountCommands } from '../accounts/accounts'
import { type Identity, identityOf } from '../commands/identity'
import { sidHash } from '../accounts/sessionStore'
import { HttpError } from './errors'

/**
 * Who is asking: an account, signed by a browser session (`credential` is the session id's SHA-256) or by
 * an API key (`key:<id>`). The live stream's guard ends sockets whose credential has ended.
 */
export type Caller = Identity & { via: 'session' | 'key'; credential: string }

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller
  }
}

/** The API key of a request: `Authorization: Bearer gk_…`, or `X-API-Key: gk_…` (what GDAL's and QGIS's header settings send). */
export function keyOf(headers: { authorization?: string | undefined; 'x-api-key'?: string | string[] | undefined }): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1]
  const header = headers['x-api-key']
  return bearer ?? (typeof header === 'string' && header ? header : null)
}

const csrf = csrfSync({ getTokenFromRequest: (req) => req.get('x-csrf-token') })

/** A fresh CSRF token for a session just signed in; the screens send it back in `X-CSRF-Token`. */
export const newCsrfToken = csrf.generateToken

/**
 * Finds the caller, if any, from an API key or else the session cookie, and holds a session's writes to
 * its CSRF token (a key is never sent by a browser on its own, so a key's writes need none). Refuses
 * nothing else: routes say what they require.
 */
export function authenticate(accounts: AccountCommands): RequestHandler {
  return async (req, _res, next) => {
    const key = keyOf(req.headers)
    if (key) {
      const found = await accounts.byKey(key)
      if (!found) throw new HttpError(401, 'unauthenticated', 'the API key is unknown or revoked')
      const { keyId, ...identity } = found
      req.caller = { ...identity, via: 'key', credential: `key:${keyId}` }
      return next()
    }
    const account = req.session?.account
    if (!account) return next()
    req.caller = { ...identityOf(account), via: 'session', credential: sidHash(req.sessionID) }
    if (!csrf.isRequestValid(req) && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      throw new HttpError(403, 'csrf_failed', 'a write with the session cookie needs the X-CSRF-Token header /api/v1/me gave')
    }
    next()
  }
}

/** 401 without a caller. */
export const requireCaller: RequestHandler = (req, _res, next) => {
  if (!req.caller) throw new HttpError(401, 'unauthenticated', 'sign in, or send an API key (Authorization: Bearer gk_…)')
  next()
}

/** 401 without a caller, 403 when the caller's role may do none of `acts`. */
export function allow(...acts: Act[]): RequestHandler {
  return (req, _res, next) => {
    const caller = req.caller
    if (!caller) throw new HttpError(401, 'unauthenticated', 'sign in, or send an API key (Authorization: Bearer gk_…)')
    if (!acts.some((act) => may(caller.role, act))) {
      const roles = [...new Set(acts.flatMap(rolesThatMay))]
      throw new HttpError(403, 'forbidden', `a ${caller.role} may not do this; it takes ${roles.join(' or ')}`)
    }
    next()
  }
}

/** 403 naming the area when an area the request names lies outside the caller's scope. */
export function outsideScope(caller: Caller, code: string): HttpError {
  const scope = 'region' in caller.scope ? `area ${caller.scope.region}` : `department ${caller.scope.department}`
  return new HttpError(403, 'out_of_scope', `${code} lies outside this account's scope (${scope})`)
}

/** Who did something, for a log or a record: the account's login. */
export const actorOf = ({ login }: Caller) => login
