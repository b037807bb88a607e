import { type Request, type Response, Router } from 'express'
import * as client from 'openid-client'
import { z } from 'zod'
import type { AccountCommands } from '../accounts/accounts'
import type { AuditLog } from '../accounts/audit'
import { sameSitePath } from '../../../domain/sameSitePath'
import type { Identity } from '../commands/identity'
import { parseOr400 } from './errors'
import { saveSession, SESSION_HOURS, startSession } from './sessionRouter'

/**
 * An OpenID Connect identity provider the sign-in page offers beside passwords. `loginClaim` names the
 * claim (e.g. `preferred_username`) whose value is an account's login here; `name` is what the button says.
 */
export type OidcSettings = { issuer: string; clientId: string; clientSecret: string; redirectUri: string; loginClaim: string; name: string }

/** Where the browser goes when the provider's sign-in does not end in a session; the sign-in page says so. */
const FAILED = '/signin?error=oidc'

const StartQuery = z.strictObject({ returnTo: z.string().max(200).optional() })

/**
 * Signing in through an OpenID Connect provider (authorization code with PKCE): `GET /start?returnTo=`
 * sends the browser there, `GET /callback` takes it back. The provider only vouches for a login name:
 * the account, its role and scope are ours, and a name no enabled account has signs nobody in.
 */
export function oidcRouter(settings: OidcSettings, deps: { accounts: AccountCommands; audit: AuditLog }): Router {
  const router = Router()
  const redirectUri = new URL(settings.redirectUri)
  const scope = settings.loginClaim === 'email' ? 'openid profile email' : 'openid profile'

  // Discovered once, on first use, so the server starts while the provider is down; a failed discovery is
  // forgotten, so the next sign-in tries again.
  let configuration: Promise<client.Configuration> | undefined
  const config = (): Promise<client.Configuration> => {
    const issuer = new URL(settings.issuer)
    configuration ??= client.discovery(
      issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret),
      // openid-client refuses plain http unless told; only a provider configured at an http: URL (a test's, a lab's) gets it.
      issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
    ).catch((err: unknown) => {
      configuration = undefined
      throw err
    })
    return configuration
  }

  const trail = (req: Request, action: string, subject: string, identity?: Identity) =>
    deps.audit.record({
      accountId: identity?.accountId ?? null, actor: identity?.login ?? null, role: identity?.role ?? null,
      address: req.ip ?? '', action, subject, status: 302,
    })

  const refuse = (req: Request, res: Response, login: string | null) => {
    trail(req, 'sign_in_failed', login ? `oidc ${login.slice(0, 64)}` : 'oidc')
    res.set('Cache-Control', 'no-store').redirect(302, FAILED)
  }

  router.get('/start', async (req, res) => {
    const { returnTo } = parseOr400(StartQuery, req.query, 'query')
    const found = await config()
    const codeVerifier = client.randomPKCECodeVerifier()
    const state = client.randomState()
    const nonce = client.randomNonce()
    req.session.oidc = { codeVerifier, state, nonce, returnTo: sameSitePath(returnTo) ?? '/' }
    // Saved before the browser leaves: the callback may come back before express-session's own save at the end.
    await saveSession(req)
    const url = client.buildAuthorizationUrl(found, {
      redirect_uri: settings.redirectUri, scope, response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256', state, nonce,
    })
    res.set('Cache-Control', 'no-store').redirect(302, url.href)
  })

  router.get('/callback', async (req, res) => {
    const pending = req.session.oidc
    // Single use: a replayed or second callback finds nothing, whatever happens below.
    delete req.session.oidc
    if (!pending) return refuse(req, res, null)

    let login: string | null = null
    try {
      const found = await config()
      // The registered redirect URI with the provider's answer: the token request must name that URI
      // exactly, whatever Host or path prefix a proxy put in front.
      const currentUrl = new URL(redirectUri.href)
      currentUrl.search = new URL(req.originalUrl, redirectUri.origin).search
      const tokens = await client.authorizationCodeGrant(found, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
      })
      const claims = tokens.claims()!
      // Many providers put profile claims in /userinfo only, not in the ID token.
      const claimed = claims[settings.loginClaim] ?? (await client.fetchUserInfo(found, tokens.access_token, claims.sub))[settings.loginClaim]
      if (typeof claimed === 'string' || typeof claimed === 'number') login = String(claimed).toLowerCase()
    } catch {
      // The provider's answer (or its absence) is not for the browser, and its tokens are not for a log.
      return refuse(req, res, null)
    }
    const identity = login ? await deps.accounts.byLogin(login) : null
    if (!identity) return refuse(req, res, login)

    // A person signed in through the provider gets a shift, as one signed in with a password does.
    await startSession(req, identity, SESSION_HOURS.person)
    trail(req, 'sign_in', 'oidc', identity)
    res.set('Cache-Control', 'no-store').redirect(302, pending.returnTo)
  })

  return router
}
