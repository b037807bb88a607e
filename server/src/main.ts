import cluster from 'node:cluster'
import type { AddressInfo } from 'node:net'
import type { RequestHandler } from 'express'
import { openDemoStore } from '../../data/demoStore'
import { startSimulator } from '../../data/traffic/simulator'
import { DEMO_ACCOUNTS, DEMO_OPEN311_CLIENTS, DEMO_PASSWORD, ensureDemoAccounts, ensureDemoOpen311Clients } from '../../data/demoAccounts'
import { ensureDemoRoster } from '../../data/demoRoster'
import { startAnswerReceiver } from '../../data/traffic/answerReceiver'
import { type AccountCommands, accountCommands } from './accounts/accounts'
import { clientAssets } from './api/clientAssets'
import { createApp } from './app'
import { CLIENT_DIST } from './clientBuild'
import { runPrimary } from './cluster'
import { systemClock } from './clock'
import { type Config, readConfig } from './config'
import type { Db } from './db/Db'
import { openDb } from './db/openDb'
import { startAnswerDelivery } from './jobs/answerDelivery'
import { startEscalationClock } from './jobs/escalationClock'
import { leadJobs } from './jobs/leadership'
import { startRetention } from './jobs/retention'
import { redisPeers } from './live/peers'
import { createLogger, type Logger } from './log'

/** Set by the cluster's primary for its workers: the store is migrated and the demo prepared. */
const PREPARED = 'GRIDGOV_PREPARED'

/**
 * The composition root, and the one module of the server that uses `data/`: reads the environment,
 * opens the store (building the demo city on a first start), wires the app, and listens; the jobs and,
 * when asked, the simulated traffic run in whichever process leads. With `WORKERS` > 1 this process is
 * the cluster's primary: it prepares the store once and forks the workers that serve (see `cluster.ts`).
 * `client` overrides the built client (dev mode).
 */
export async function main(client?: RequestHandler): Promise<void> {
  const config = readConfig()
  const log = createLogger(config.logLevel)
  const started = performance.now()
  if (config.workers > 1 && cluster.isPrimary) {
    let prepared: Prepared | null = null
    const ready = async () => (prepared = await prepare(config, log))
    return runPrimary(config, log, ready, PREPARED, (base) => announce(config, log, base, prepared!, Math.round(performance.now() - started)))
  }
  if (process.env[PREPARED]) {
    const db = await openDb(config, log)
    const { port, host } = await serve(config, log, db, client, async () => {})
    log.info({ pid: process.pid, port, host, ms: Math.round(performance.now() - started) }, 'worker serving')
    return
  }
  const prepared = await prepare(config, log)
  const { base } = await serve(config, log, prepared.db, client, prepared.stop)
  await announce(config, log, base, prepared, Math.round(performance.now() - started))
}

type Prepared = {
  db: Db
  /** The kiosk URL's key and the Open311 clients' keys, when the demo's accounts are made. */
  kiosk: string | null
  open311Keys: Record<string, string>
  stop: () => Promise<void>
}

/** Migrates the store (building the demo city when it is empty) and, in demo mode, makes the demo's accounts, keys, roster and answer receiver. */
async function prepare(config: Config, log: Logger): Promise<Prepared> {
  const { db } = await openDemoStore(config, log)
  const accounts = accountCommands({ db, clock: systemClock })
  if (!config.demoAccounts) return { db, kiosk: null, open311Keys: {}, stop: async () => {} }
  // The demo's accounts exist before the first request can ask for them.
  await ensureDemoAccounts(accounts)
  const kiosk = await freshKey(accounts, 'wall', 'demo kiosk')
  await ensureDemoOpen311Clients(db)
  await ensureDemoRoster(db, systemClock.now())
  // The demo's stand-in 12345 platform and mini-program backend, where the answers (回告) go.
  const stopReceiver = await startAnswerReceiver(db, log)
  // The outside systems' Open311 clients (the mini-program's backend, the 12345 platform) and a key each.
  const open311Keys: Record<string, string> = {}
  for (const login of Object.keys(DEMO_OPEN311_CLIENTS)) open311Keys[login] = await freshKey(accounts, login, 'demo open311')
  return { db, kiosk, open311Keys, stop: stopReceiver }
}

/**
 * Serves the app over `db` on the configured port, reaching the other processes through Redis when
 * configured, and runs the jobs while this process leads. Stops cleanly on SIGINT and SIGTERM.
 */
async function serve(config: Config, log: Logger, db: Db, client: RequestHandler | undefined, stopPrepared: () => Promise<void>) {
  const peers = config.redisUrl ? redisPeers(config.redisUrl, log) : null
  const { http, hub, cases, accounts, audit } = await createApp({
    db, log, clock: systemClock, client: client ?? clientAssets(CLIENT_DIST, db), limitScale: config.limitScale, retention: config.retention,
    security: config.security, live: { peers },
  })
  if (config.limitScale !== 1) log.warn({ scale: config.limitScale }, 'time limits compressed for the demo (LIMIT_SCALE=1 for real ones)')
  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve))
  const { port } = http.address() as AddressInfo
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host
  const base = `http://${host}:${port}`

  const leadership = leadJobs(config.databaseUrl, () => {
    hub.lead(true)
    const stopEscalation = startEscalationClock(cases, systemClock, config.escalateEveryMs, log)
    const stopRetention = startRetention(db, systemClock, config.retention, 5 * 60_000, log)
    const answers = startAnswerDelivery(db, systemClock, log, () => hub.notify())
    const simulator = config.simulate ? simulate(config, log, accounts, base) : Promise.resolve(async () => {})
    return async () => {
      hub.lead(false)
      stopEscalation()
      stopRetention()
      await (await simulator)()
      await answers.stop()
    }
  }, log)

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping')
    await leadership.stop()
    await stopPrepared()
    await hub.close()
    await peers?.close()
    await audit.flush()
    await db.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
  return { port, host, base }
}

/** Simulated traffic through the public API, with keys of its own; returns how to stop it. */
async function simulate(config: Config, log: Logger, accounts: AccountCommands, base: string): Promise<() => Promise<void>> {
  const token = await freshKey(accounts, 'simulator', 'simulated traffic').catch(() => null)
  if (!token) {
    log.warn('SIMULATE=1 but there is no service account `simulator`: no simulated traffic')
    return async () => {}
  }
  const open311Key = await freshKey(accounts, 'miniprogram', 'simulated mini-program').catch(() => null)
  const stop = await startSimulator({ baseUrl: base, token, speed: config.simSpeed, tickMs: config.simTickMs, seed: config.seed, log, open311Key })
  log.info({ speed: config.simSpeed }, 'simulated traffic running (SIMULATE=0 turns it off)')
  return stop
}

/** The lines an operator starts from: where the screens are and, in demo mode, how to sign in. */
async function announce(config: Config, log: Logger, base: string, prepared: Prepared, ms: number): Promise<void> {
  // Where every other line goes (README: logs are JSON lines on stdout), so a log collector keeps it too.
  log.info({
    ms, engine: prepared.db.engine, workers: config.workers,
    wall: `${base}/wall`, drill: `${base}/drill`, editor: `${base}/editor`, health: `${base}/api/health`,
  }, '城市社会治理指挥中心 · command centre serving')
  if (prepared.kiosk) {
    log.info({
      accounts: DEMO_ACCOUNTS.map((a) => a.login), password: DEMO_PASSWORD, kiosk: `${base}/wall?key=${prepared.kiosk}`,
      open311: { endpoint: `${base}/open311/v2`, keys: prepared.open311Keys },
    }, 'demo mode: sign in as any of these with the demo password; the kiosk URL signs a wall in; the Open311 keys file as the mini-program and the 12345 platform (DEMO_ACCOUNTS=0 turns this off)')
  } else if ((await accountCommands({ db: prepared.db, clock: systemClock }).list()).length === 0) {
    log.warn('no accounts yet: create the first admin with `npm run accounts -- add admin --role admin --region <city code> --name 管理员` (README: Security)')
  }
}

/** A new key for `login` labelled `label`, the ones this label named before revoked: one live key per purpose. */
async function freshKey(accounts: AccountCommands, login: string, label: string): Promise<string> {
  const { keys } = await accounts.get(login)
  for (const key of keys) if (key.label === label && !key.revokedAt) await accounts.revokeKey(login, key.id)
  return (await accounts.issueKey(login, label)).key
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
    process.exit(1)
  })
}
