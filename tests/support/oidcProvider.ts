import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration } from 'oidc-provider'

/** The one client the test provider knows: the app. */
export const OIDC_CLIENT = { clientId: 'command-centre', clientSecret: 'test-client-secret' } as const

/**
 * The provider's people. `stranger` is someone the provider knows and the app does not: a provider
 * vouching for a name must not make an account of it.
 */
const PEOPLE: Record<string, { preferred_username: string; name: string }> = {
  zhangsan: { preferred_username: 'zhangsan', name: '张三' },
  stranger: { preferred_username: 'stranger', name: '陌生人' },
}

export type RunningOidcProvider = {
  issuer: string
  /** Lets the app at `redirectUri` sign people in; until then the provider answers 503. */
  admit(redirectUri: string): void
  stop(): Promise<void>
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) over plain http on 127.0.0.1, on a port the
 * system gives it, that lets the app it admits sign people in: code flow with PKCE required, its
 * development login page (any password), no consent page. Profile claims come from /userinfo only, as by
 * default. It listens before it knows the app, so that the app can be given its issuer and then listen on
 * a port of its own: no port is probed and released for someone else to take.
 */
export async function startOidcProvider(): Promise<RunningOidcProvider> {
  // The issuer names the port, so the server listens before the provider exists.
  const server = createServer((_req, res) => res.writeHead(503).end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const configurationFor = (redirectUri: string): Configuration => ({
    clients: [{
      client_id: OIDC_CLIENT.clientId, client_secret: OIDC_CLIENT.clientSecret, redirect_uris: [redirectUri],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    // By default only public clients must use PKCE; the app is held to it too.
    pkce: { required: () => true },
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    // Explicit lifetimes keep oidc-provider from warning about its defaults on every token.
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    cookies: { keys: ['test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      const person = PEOPLE[sub]
      return person ? { accountId: sub, claims: async () => ({ sub, ...person }) } : undefined
    },
    // A first-party client is not asked for consent: the grant is made as if it had been given.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId)
      if (grantId) return ctx.oidc.provider.Grant.find(grantId)
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId })
      grant.addOIDCScope('openid profile')
      grant.addOIDCClaims(['preferred_username', 'name'])
      await grant.save()
      return grant
    },
  })
  return {
    issuer,
    admit(redirectUri) {
      server.removeAllListeners('request')
      server.on('request', new Provider(issuer, configurationFor(redirectUri)).callback())
    },
    stop: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections()
      server.close((err) => (err ? reject(err) : resolve()))
    }),
  }
}

type Cookie = { name: string; value: string; path: string }

/** A browser's part in a redirect flow: a cookie jar by host (ports apart, as browsers keep them) and manual redirects. */
export class CookieBrowser {
  private readonly jar = new Map<string, Cookie>()
  /** Each request and its status, to say where a flow went wrong. */
  readonly trace: string[] = []

  /** The Cookie header this browser sends to `url`. */
  cookieFor(url: URL | string): string {
    const { hostname, pathname } = new URL(url)
    return [...this.jar.entries()]
      .filter(([key, c]) => key.startsWith(`${hostname}|`) && (pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map(([, c]) => `${c.name}=${c.value}`)
      .join('; ')
  }

  async request(url: URL, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
    const cookie = this.cookieFor(url)
    const res = await fetch(url, { method: init.method ?? 'GET', redirect: 'manual', ...(init.body ? { body: init.body } : {}), headers: cookie ? { cookie } : {} })
    this.keep(url, res)
    this.trace.push(`${init.method ?? 'GET'} ${url.origin}${url.pathname} -> ${res.status}`)
    return res
  }

  private keep(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim())
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq)
      const value = pair.slice(eq + 1)
      let path = '/'
      let expired = value === ''
      for (const attribute of attributes) {
        const [k = '', v = ''] = attribute.split('=')
        if (k.toLowerCase() === 'path') path = v
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true
        if (k.toLowerCase() === 'expires' && Date.parse(v) <= Date.now()) expired = true
      }
      const key = `${url.hostname}|${path}|${name}`
      if (expired) this.jar.delete(key)
      else this.jar.set(key, { name, value, path })
    }
  }
}

/** The one form a devInteractions page holds: where it posts and its hidden fields. */
function formOf(html: string, page: URL): { action: URL; fields: URLSearchParams } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
  if (!action) throw new Error(`no form on ${page.href}:\n${html.slice(0, 500)}`)
  const fields = new URLSearchParams()
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.set(m[1]!, m[2]!)
  return { action: new URL(action.replaceAll('&amp;', '&'), page), fields }
}

const isRedirect = (res: Response) => res.status >= 300 && res.status < 400

/**
 * Signs `login` in through the provider as a browser would: the app's `/auth/oidc/start`, the provider's
 * login page, back to the app. Stops at the first answer from the app after the provider (its callback's),
 * without following it; `beforeCallback` may change the callback URL first (to tamper with it).
 * Returns that answer, where it points, and the Cookie header the browser now sends to the app.
 */
export async function signInThrough(
  appUrl: string, login: string, options: { returnTo?: string; beforeCallback?: (callback: URL) => void } = {},
): Promise<{ res: Response; location: string | null; cookie: string; browser: CookieBrowser }> {
  const browser = new CookieBrowser()
  const app = new URL(appUrl)
  let url = new URL(`/auth/oidc/start${options.returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(options.returnTo)}`}`, app)
  let res = await browser.request(url)
  for (let hops = 0; hops < 30; hops++) {
    if (isRedirect(res)) {
      const next = new URL(res.headers.get('location')!, url)
      if (next.origin === app.origin) {
        options.beforeCallback?.(next)
        const back = await browser.request(next)
        return { res: back, location: back.headers.get('location'), cookie: browser.cookieFor(app), browser }
      }
      url = next
      res = await browser.request(url)
      continue
    }
    if (url.origin === app.origin || res.status !== 200) {
      throw new Error(`the flow stopped at ${url.href} (${res.status}): ${(await res.text()).slice(0, 300)}\n${browser.trace.join('\n')}`)
    }
    const { action, fields } = formOf(await res.text(), url)
    if (fields.get('prompt') === 'login') {
      fields.set('login', login)
      fields.set('password', 'any password will do')
    }
    url = action
    res = await browser.request(url, { method: 'POST', body: fields })
  }
  throw new Error(`too many redirects:\n${browser.trace.join('\n')}`)
}

/** A free port on 127.0.0.1 at this moment, for a server whose address must be known before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
