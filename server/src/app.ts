import { createServer, type Server } from 'node:http'
import compression from 'compression'
import express, { type RequestHandler } from 'express'
import session from 'express-session'
import { randomBytes } from 'node:crypto'
import type { SignInPolicy } from '../../domain/signInLock'
import { accountCommands } from './accounts/accounts'
import { auditLog } from './accounts/audit'
import { PgSessionStore } from './accounts/sessionStore'
import { accountsRouter, auditRouter } from './api/accountsRouter'
import { areasRouter } from './api/areasRouter'
import { auditWrites } from './api/auditWrites'
import { authenticate, keyOf } from './api/auth'
import { casesRouter } from './api/casesRouter'
import { intakeRouter } from './api/intakeRouter'
import { photosRouter } from './api/photosRouter'
import { answerEndpointsRouter } from './api/answerEndpointsRouter'
import { tilesRouter } from './api/tilesRouter'
import { createTileSource } from './tiles/tileSource'
import { cityRouter } from './api/cityRouter'
import { devicesRouter } from './api/devicesRouter'
import { departmentsRouter, timeLimitsRouter } from './api/departmentsRouter'
import { deskRouter } from './api/deskRouter'
import { draftsRouter } from './api/draftsRouter'
import { apiNotFound, errorHandler } from './api/errors'
import { exportRouter } from './api/exportRouter'
import { healthRouter } from './api/healthRouter'
import { kpisRouter } from './api/kpisRouter'
import { wallRouter } from './api/wallRouter'
import { figuresRouter } from './api/figuresRouter'
import { liveRouter } from './api/liveRouter'
import { mediationRouter } from './api/mediationRouter'
import { meRouter } from './api/meRouter'
import { methodNotAllowed } from './api/methodNotAllowed'
import { ogcRouter } from './api/ogcRouter'
import { open311Router } from './api/open311Router'
import { type OidcSettings, oidcRouter } from './api/oidcRouter'
import { partyAccessRouter } from './api/partyAccessRouter'
import { reportsRouter } from './api/reportsRouter'
import { securityHeaders } from './api/security'
import { type AddressLimits, DEFAULT_ADDRESS_LIMITS, SESSION_COOKIE, SESSION_HOURS, sessionRouter } from './api/sessionRouter'
import { liveAccess } from './api/liveAccess'
import type { Clock } from './clock'
import { caseCommands } from './commands/cases'
import { intakeCommands } from './commands/intake'
import { mediationCommands } from './commands/mediation'
import { photoCommands } from './commands/photos'
import { departmentCommands } from './commands/departments'
import { timeLimitStore } from './commands/timeLimits'
import { deviceCommands } from './commands/devices'
import { draftCommands } from './commands/drafts'
import type { Db } from './db/Db'
import { sqlFiles } from './db/sqlFiles'
import { committer } from './live/commit'
import { type HubOptions, LiveHub } from './live/hub'
import type { Retention } from './jobs/retention'
import type { Logger } from './log'

export type AppDeps = {
  db: Db
  log: Logger
  clock: Clock
  /** Serves the screens: the built client in production, Vite's middleware in development. */
  client?: RequestHandler
  live?: Partial<HubOptions>
  /** How many times faster the time limits run than the stored ones say: 1 in real life, the simulator's speed in a demo. */
  limitScale?: number
  /** How long patrol fixes are kept, and so how old a fix may be when it arrives; the default when not given. */
  retention?: Pick<Retention, 'patrolFixHours'>
  /** Sign-in limits, CORS, proxies and OpenID Connect; the defaults when not given. */
  security?: Partial<SecuritySettings>
  /** The most grids one GeoJSON answer carries (`GEOJSON_MAX_GRIDS` when not given). */
  geoJsonMaxGrids?: number
}

export type SecuritySettings = {
  signIn: SignInPolicy
  addresses: AddressLimits
  corsOrigins: string[]
  /** Express's `trust proxy`: how many proxies (or which) stand in front, so `req.ip` is the client's. */
  trustProxy: boolean | number | string
  /** Whether the session cookie is only sent over https; `auto` follows the request (behind a trusted proxy, its X-Forwarded-Proto). */
  secureCookies: boolean | 'auto'
  contentSecurityPolicy: boolean
  oidc: OidcSettings | null
}

const sql = sqlFiles(['server_secret'])

/** The session cookies' signing secret: made once and kept in the store, so every process and every restart shares it. */
async function sessionSecret(db: Db): Promise<string> {
  const made = randomBytes(32).toString('base64url')
  const [row] = await db.query<{ value: string }>(sql.server_secret, ['session', made])
  if (row) return row.value
  // Another process made it at the same moment: this statement's snapshot began before that row was committed, the next one's after.
  const [theirs] = await db.query<{ value: string }>(sql.server_secret, ['session', made])
  return theirs!.value
}

/** Wires the HTTP API, the live stream and (when given) the client over a store; never listens itself. */
export async function createApp({ db, log, clock, client, live, limitScale = 1, retention, security = {}, geoJsonMaxGrids }: AppDeps) {
  const app = express()
  const http: Server = createServer(app)
  // An idle connection is kept longer than clients keep theirs (undici 4 s, proxies 60 s): a server that closes
  // first races a request the client is sending on it, which then fails with ECONNRESET.
  http.keepAliveTimeout = 65_000
  http.headersTimeout = 66_000
  const audit = auditLog(db, clock, log)
  // The hub admits sockets through the accounts, and the accounts tell the hub when credentials end (an
  // account disabled, a key revoked) so it closes their sockets now rather than at its next check.
  let hub: LiveHub | null = null
  const accounts = accountCommands({ db, clock, ...(security.signIn ? { policy: security.signIn } : {}), credentialsEnded: () => void hub?.checkCredentials() })
  const sessions = session({
    store: new PgSessionStore(db, clock), secret: await sessionSecret(db), name: SESSION_COOKIE,
    resave: false, saveUninitialized: false, rolling: true,
    // Lax, not Strict: the identity provider's redirect back is a cross-site navigation that must carry it.
    // Writes are held to the CSRF token besides.
    cookie: { httpOnly: true, sameSite: 'lax', secure: security.secureCookies ?? 'auto', maxAge: SESSION_HOURS.person * 3600_000 },
  })
  hub = new LiveHub(http, db, log, liveAccess(accounts, db, clock), live)
  // The handshake's session cookie is read as an API request's is.
  hub.io.engine.use(sessions)
  const tiles = await createTileSource(db)
  hub.beforeBroadcast((changes) => tiles.forget(changes))
  await hub.start()
  const ended = (credential: string) => hub.endCredential(credential)
  const commit = committer(db, clock, () => hub.notify())
  const limits = timeLimitStore(db, limitScale)
  const departments = departmentCommands(db)
  const cases = caseCommands({ db, commit, limits, departments })
  const devices = deviceCommands({ db, commit, ...(retention ? { fixMaxAgeHours: retention.patrolFixHours } : {}) })
  const scopeName = accounts.scopeName

  app.disable('x-powered-by')
  app.set('query parser', 'simple')
  app.set('trust proxy', security.trustProxy ?? false)
  app.use(securityHeaders({ corsOrigins: security.corsOrigins ?? [], contentSecurityPolicy: security.contentSecurityPolicy ?? true }))
  // The whole city's grids are 560 KiB of GeoJSON and 51 KiB gzipped.
  app.use(compression())
  app.use('/api/health', healthRouter(db))
  // Everything else that is data answers to a caller, found here; the static client does not.
  // A request that brings an API key is signed by it: no session is looked for or made, except where sessions are made.
  const signingIn = (url: string) => url.startsWith('/api/v1/session') || url.startsWith('/auth/')
  const sessionUnlessKey: RequestHandler = (req, res, next) => (keyOf(req.headers) && !signingIn(req.originalUrl) ? next() : sessions(req, res, next))
  app.use(['/api', '/auth', '/ogc', '/tiles'], sessionUnlessKey, authenticate(accounts), auditWrites(audit))
  app.use(express.json({ limit: '1mb' }))
  app.use('/api/v1/session', sessionRouter({
    accounts, audit, scopeName, ended, limits: security.addresses ?? DEFAULT_ADDRESS_LIMITS, oidcName: security.oidc?.name ?? null,
    ...(live?.peers ? { limitStore: live.peers.limitStore } : {}),
  }))
  if (security.oidc) app.use('/auth/oidc', oidcRouter(security.oidc, { accounts, audit }))
  app.use('/api/v1/me', meRouter(scopeName))
  app.use('/api/v1/accounts', accountsRouter(accounts, departments))
  app.use('/api/v1/audit', auditRouter(audit))
  const intake = intakeCommands({ db, cases, clock })
  app.use('/api/v1/cases', photosRouter(photoCommands({ db, clock })))
  app.use('/api/v1/cases', casesRouter(cases, intake, clock))
  app.use('/api/v1', mediationRouter(mediationCommands({ db, commit })))
  app.use('/api/v1', intakeRouter(intake))
  app.use('/api/v1/answer-endpoints', answerEndpointsRouter(db))
  app.use('/api/v1/kpis', kpisRouter(db, clock))
  app.use('/api/v1', wallRouter(db, clock))
  app.use('/api/v1', figuresRouter(db, clock))
  app.use('/api/v1/reports', reportsRouter(db, clock))
  app.use('/api/v1/areas', areasRouter(db, clock))
  app.use('/api/v1/party-access-log', partyAccessRouter(db))
  app.use('/api/v1/drafts', draftsRouter(draftCommands({ db, commit, clock })))
  app.use('/api/v1/departments', departmentsRouter(departments))
  app.use('/api/v1/time-limits', timeLimitsRouter(limits))
  app.use('/api/v1/desk', deskRouter(db, cases, clock))
  app.use('/api/v1', devicesRouter(devices))
  app.use('/api/v1/live', liveRouter(db, clock))
  app.use('/api/v1', cityRouter(db, geoJsonMaxGrids))
  app.use('/ogc', ogcRouter(db))
  app.use('/tiles', tilesRouter(tiles))
  app.use('/api/v1/export', exportRouter(db))
  app.use('/open311/v2', open311Router({ db, accounts, audit, intake, clock, log }))
  // What no route took: a wrong method on a known path (405 with Allow), else an unknown path (404), the page
  // only for a screen route.
  app.use(methodNotAllowed(app.router))
  app.use(['/api', '/ogc', '/auth', '/tiles'], apiNotFound)
  if (client) app.use(client)
  app.use(apiNotFound)
  app.use(errorHandler(log))
  return { app, http, hub, cases, devices, commit, accounts, audit, departments, limits, tiles }
}
export type App = Awaited<ReturnType<typeof createApp>>
