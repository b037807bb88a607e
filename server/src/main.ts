import type { AddressInfo } from 'node:net'
import type { RequestHandler } from 'express'
import { openDemoStore } from '../../data/demoStore'
import { startSimulator } from '../../data/traffic/simulator'
import { DEMO_TOKENS, parseTokens } from './api/auth'
import { clientAssets } from './api/clientAssets'
import { createApp } from './app'
import { CLIENT_DIST } from './clientBuild'
import { systemClock } from './clock'
import { readConfig } from './config'
import { startEscalationClock } from './jobs/escalationClock'
import { startRetention } from './jobs/retention'
import { createLogger } from './log'

/**
 * The composition root, and the one module of the server that uses `data/`: reads the environment,
 * opens the store (building the demo city on a first start), wires the app, starts its jobs and, when
 * asked, the simulated traffic, and listens. `client` overrides the built client (dev mode).
 */
export async function main(client?: RequestHandler): Promise<void> {
  const config = readConfig()
  const log = createLogger(config.logLevel)
  const started = performance.now()
  const { db } = await openDemoStore(config, log)
  const tokens = config.authTokens ? parseTokens(config.authTokens) : DEMO_TOKENS
  const { http, hub, cases } = await createApp({
    db, log, clock: systemClock, tokens, client: client ?? clientAssets(CLIENT_DIST), limits: config.limits, retention: config.retention,
  })
  if (config.limits.scale !== 1) log.warn({ scale: config.limits.scale }, 'time limits compressed for the demo (LIMIT_SCALE=1 for real ones)')
  const stopEscalation = startEscalationClock(cases, systemClock, config.escalateEveryMs, log)
  const stopRetention = startRetention(db, systemClock, config.retention, 5 * 60_000, log)
  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve))
  const { port } = http.address() as AddressInfo
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host
  // Where every other line goes (README: logs are JSON lines on stdout), so a log collector keeps it too.
  log.info({
    ms: Math.round(performance.now() - started), engine: db.engine,
    wall: `http://${host}:${port}/wall`, drill: `http://${host}:${port}/drill`, editor: `http://${host}:${port}/editor`, health: `http://${host}:${port}/api/health`,
  }, '城市社会治理指挥中心 · command centre serving')
  if (!config.authTokens) {
    const tokens = Object.fromEntries([...DEMO_TOKENS].map(([token, { role, grid }]) => [role, grid ? `${token} (grid ${grid})` : token]))
    log.info({ tokens }, 'demo mode: these bearer tokens are accepted (set AUTH_TOKENS=role:token,… to replace them)')
  }

  const simToken = [...tokens].find(([, id]) => id.role === 'simulator')?.[0]
  let stopSimulator = () => {}
  if (config.simulate && simToken) {
    stopSimulator = await startSimulator({
      baseUrl: `http://${host}:${port}`, token: simToken, speed: config.simSpeed, tickMs: config.simTickMs, seed: config.seed, log,
    })
    log.info({ speed: config.simSpeed }, 'simulated traffic running (SIMULATE=0 turns it off)')
  } else if (config.simulate) {
    log.warn('SIMULATE=1 but AUTH_TOKENS has no simulator token: no simulated traffic')
  }

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping')
    stopSimulator()
    stopEscalation()
    stopRetention()
    await hub.close()
    await db.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
    process.exit(1)
  })
}
