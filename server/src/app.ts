import { createServer, type Server } from 'node:http'
import compression from 'compression'
import express, { type RequestHandler } from 'express'
import type { TimeLimits } from '../../domain/timeLimits'
import { areasRouter } from './api/areasRouter'
import type { Tokens } from './api/auth'
import { casesRouter } from './api/casesRouter'
import { cityRouter } from './api/cityRouter'
import { devicesRouter } from './api/devicesRouter'
import { departmentsRouter } from './api/departmentsRouter'
import { draftsRouter } from './api/draftsRouter'
import { apiNotFound, errorHandler } from './api/errors'
import { exportRouter } from './api/exportRouter'
import { healthRouter } from './api/healthRouter'
import { kpisRouter } from './api/kpisRouter'
import { liveRouter } from './api/liveRouter'
import { meRouter } from './api/meRouter'
import { methodNotAllowed } from './api/methodNotAllowed'
import { ogcRouter } from './api/ogcRouter'
import { partyAccessRouter } from './api/partyAccessRouter'
import type { Clock } from './clock'
import { caseCommands } from './commands/cases'
import { deviceCommands } from './commands/devices'
import { draftCommands } from './commands/drafts'
import type { Db } from './db/Db'
import { committer } from './live/commit'
import { type HubOptions, LiveHub } from './live/hub'
import type { Retention } from './jobs/retention'
import type { Logger } from './log'

export type AppDeps = {
  db: Db
  log: Logger
  clock: Clock
  tokens: Tokens
  /** Serves the screens: the built client in production, Vite's middleware in development. */
  client?: RequestHandler
  live?: Partial<HubOptions>
  /** The levels' time limits; the defaults when not given. */
  limits?: TimeLimits
  /** How long patrol fixes are kept, and so how old a fix may be when it arrives; the default when not given. */
  retention?: Pick<Retention, 'patrolFixHours'>
}

/** Wires the HTTP API, the live stream and (when given) the client over a store; never listens itself. */
export async function createApp({ db, log, clock, tokens, client, live, limits, retention }: AppDeps) {
  const app = express()
  const http: Server = createServer(app)
  const hub = new LiveHub(http, db, log, live)
  await hub.start()
  const commit = committer(db, clock, () => hub.notify())
  const cases = caseCommands({ db, commit, ...(limits ? { limits } : {}) })
  const devices = deviceCommands({ commit, ...(retention ? { fixMaxAgeHours: retention.patrolFixHours } : {}) })

  app.disable('x-powered-by')
  app.set('query parser', 'simple')
  // The whole city's grids are 560 KiB of GeoJSON and 51 KiB gzipped.
  app.use(compression())
  app.use(express.json({ limit: '1mb' }))
  app.use('/api/health', healthRouter(db))
  app.use('/api/v1/cases', casesRouter(cases, tokens, clock))
  app.use('/api/v1/kpis', kpisRouter(db, clock))
  app.use('/api/v1/areas', areasRouter(db, clock))
  app.use('/api/v1/party-access-log', partyAccessRouter(db, tokens))
  app.use('/api/v1/drafts', draftsRouter(draftCommands({ db, commit, clock }), tokens))
  app.use('/api/v1/me', meRouter(tokens))
  app.use('/api/v1/departments', departmentsRouter())
  app.use('/api/v1', devicesRouter(devices, tokens))
  app.use('/api/v1/live', liveRouter(db, clock))
  app.use('/api/v1', cityRouter(db))
  app.use('/ogc', ogcRouter(db))
  app.use('/api/v1/export', exportRouter(db))
  // What no route took: a wrong method on a known path (405 with Allow), else an unknown path (404), the page
  // only for a screen route.
  app.use(methodNotAllowed(app.router))
  app.use(['/api', '/ogc'], apiNotFound)
  if (client) app.use(client)
  app.use(apiNotFound)
  app.use(errorHandler(log))
  return { app, http, hub, cases, devices, commit }
}
export type App = Awaited<ReturnType<typeof createApp>>
