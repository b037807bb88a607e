import { type Request, type Response, Router } from 'express'
import { rateLimit, type Store } from 'express-rate-limit'
import { slowDown } from 'express-slow-down'
import { KeySignInRequest, type Me, SignInRequest } from '../../../contract/auth'
import type { AccountCommands } from '../accounts/accounts'
import type { AuditLog } from '../accounts/audit'
import { sidHash } from '../accounts/sessionStore'
import type { Identity } from '../commands/identity'
import { type Caller, newCsrfToken, requireCaller } from './auth'
import { HttpError, parseOr400 } from './errors'
import { noQuery } from './noQuery'

/** How sign-ins from one address are slowed and then refused (failed ones only; each login name also locks, see `signInLock`). */
export type AddressLimits = { windowMinutes: number; slowAfter: number; slowStepMs: number; maxSlowMs: number; limit: number }

export const DEFAULT_ADDRESS_LIMITS: AddressLimits = { windowMinutes: 15, slowAfter: 3, slowStepMs: 500, maxSlowMs: 5000, limit: 50 }

/** A person's session lasts a shift when idle; a wall display's, a month, renewed while it runs. */
export const SESSION_HOURS = { person: 12, display: 30 * 24 }

const REFUSED = '登录名或密码不正确 (the login name or the password is wrong)'

/** The session's bearer, as `GET /me` and a sign-in answer it. */
export const meOf = (identity: Identity, via: Me['via'], scopeName: string, csrfToken?: string): Me => ({
  login: identity.login, displayName: identity.displayName, role: identity.role, scope: identity.scope, whole: identity.reach.whole, scopeName, via,
  ...(csrfToken ? { csrfToken } : {}),
})

const regenerate = (req: Request) => new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())))
/** Writes the session now, not at the end of the answer as express-session would: what follows needs it stored. */
export const saveSession = (req: Request) => new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())))

/**
 * A new session for `identity`, under a new id (whatever session id the browser brought is dropped, so
 * nobody can plant one), with a new CSRF token.
 */
export async function startSession(req: Request, identity: Identity, hours: number): Promise<string> {
  await regenerate(req)
  req.session.accountId = identity.accountId
  req.session.cookie.maxAge = hours * 3600_000
  const csrfToken = newCsrfToken(req, true)
  await saveSession(req)
  return csrfToken
}

export type SessionDeps = {
  accounts: AccountCommands
  audit: AuditLog
  scopeName: (identity: Identity) => Promise<string>
  /** Tells the live stream a credential ended, so its sockets close now. */
  ended: (credential: string) => void
  limits: AddressLimits
  oidcName: string | null
  /** Where the counts of attempts are kept: shared by every server process (see `Peers`), or this process's memory when not given. */
  limitStore?: (prefix: string) => Store
}

/**
 * Signing in and out: `GET /options`, `POST /` with a password, `POST /key` with a wall display's key,
 * `DELETE /`. Failed attempts from one address are slowed, then refused; a login name locks after too
 * many; the answer never says whether the name exists.
 */
export function sessionRouter({ accounts, audit, scopeName, ended, limits, oidcName, limitStore }: SessionDeps): Router {
  const router = Router()
  const windowMs = limits.windowMinutes * 60_000
  // With Redis away a shared count fails open: the per-login lock in the store still holds.
  const shared = (prefix: string) => (limitStore ? { store: limitStore(prefix), passOnStoreError: true } : {})
  const slowed = slowDown({
    ...shared('slowed:'), windowMs, delayAfter: limits.slowAfter, skipSuccessfulRequests: true, maxDelayMs: limits.maxSlowMs,
    delayMs: (used) => (used - limits.slowAfter) * limits.slowStepMs,
  })
  const limited = rateLimit({
    ...shared('limited:'), windowMs, limit: limits.limit, skipSuccessfulRequests: true, standardHeaders: 'draft-8', legacyHeaders: false,
    handler: (_req, res, _next, options) => {
      res.set('Retry-After', String(Math.ceil(options.windowMs / 1000)))
      res.status(429).json({ code: 'too_many_attempts', message: `too many failed sign-ins from this address; try again in ${limits.windowMinutes} minutes` })
    },
  })
  const trail = (req: Request, res: Response, action: string, who: Identity | null, subject: string | null) =>
    audit.record({ accountId: who?.accountId ?? null, actor: who?.login ?? null, role: who?.role ?? null, address: req.ip ?? '', action, subject, status: res.statusCode })

  router.get('/options', noQuery, (_req, res) => {
    res.json({ password: true, oidc: oidcName ? { name: oidcName } : null })
  })

  router.post('/', limited, slowed, noQuery, async (req, res) => {
    const { login, password } = parseOr400(SignInRequest, req.body, 'body')
    const result = await accounts.signIn(login, password)
    if (result.kind === 'locked') {
      const seconds = Math.ceil((result.until.getTime() - Date.now()) / 1000)
      res.status(429).set('Retry-After', String(Math.max(1, seconds)))
      trail(req, res, 'sign_in_locked', null, login)
      throw new HttpError(429, 'locked', `too many failed sign-ins for this login name; try again in ${Math.ceil(seconds / 60)} minutes`)
    }
    if (result.kind === 'refused') {
      res.status(401)
      trail(req, res, 'sign_in_failed', null, login)
      throw new HttpError(401, 'sign_in_refused', REFUSED)
    }
    const csrfToken = await startSession(req, result.identity, result.identity.role === 'wall_display' ? SESSION_HOURS.display : SESSION_HOURS.person)
    trail(req, res, 'sign_in', result.identity, 'password')
    res.set('Cache-Control', 'no-store').json(meOf(result.identity, 'session', await scopeName(result.identity), csrfToken))
  })

  router.post('/key', limited, slowed, noQuery, async (req, res) => {
    const { key } = parseOr400(KeySignInRequest, req.body, 'body')
    const found = await accounts.byKey(key)
    if (!found || found.role !== 'wall_display') {
      res.status(401)
      trail(req, res, 'key_sign_in_failed', null, key.slice(0, 9))
      throw new HttpError(401, 'sign_in_refused', '显示密钥无效 (the display key is unknown, revoked, or not a wall display\'s)')
    }
    const csrfToken = await startSession(req, found, SESSION_HOURS.display)
    trail(req, res, 'sign_in', found, `key ${found.keyId}`)
    res.set('Cache-Control', 'no-store').json(meOf(found, 'session', await scopeName(found), csrfToken))
  })

  router.delete('/', requireCaller, noQuery, async (req, res) => {
    const caller = req.caller as Caller
    if (caller.via !== 'session') throw new HttpError(400, 'no_session', 'this request was signed with an API key, not a session; revoke the key instead')
    const credential = sidHash(req.sessionID)
    await new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())))
    ended(credential)
    res.clearCookie(SESSION_COOKIE, { path: '/' }).status(204)
    trail(req, res, 'sign_out', caller, null)
    res.end()
  })

  return router
}

export const SESSION_COOKIE = 'gridgov.sid'
