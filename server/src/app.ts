import { createServer, type Server } from 'node:http'
import compression from 'compression'
import express, { type RequestHandler } from 'express'
import { cityRouter } from './api/cityRouter'
import { apiNotFound, errorHandler } from './api/errors'
import { healthRouter } from './api/healthRouter'
import type { Db } from './db/Db'
import type { Logger } from './log'

export type AppDeps = {
  db: Db
  log: Logger
  /** Serves the screens: the built client in production, Vite's middleware in development. */
  client?: RequestHandler
}

/** Wires the HTTP API (and, when given, the client) over a store; never listens itself. */
export function createApp({ db, log, client }: AppDeps): { app: express.Express; http: Server } {
  const app = express()
  app.disable('x-powered-by')
  app.set('query parser', 'simple')
  // The whole city's grids are 560 KiB of GeoJSON and 51 KiB gzipped.
  app.use(compression())
  app.use(express.json({ limit: '1mb' }))
  app.use('/api/health', healthRouter(db))
  app.use('/api/v1', cityRouter(db))
  app.use('/api', apiNotFound)
  if (client) app.use(client)
  app.use(errorHandler(log))
  return { app, http: createServer(app) }
}
