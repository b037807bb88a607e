import type { AddressInfo } from 'node:net'
import type { RequestHandler } from 'express'
import { openDemoStore } from '../../data/demoStore'
import { startSimulator } from '../../data/traffic/simulator'
import { DEMO_ACCOUNTS, DEMO_OPEN311_CLIENTS, DEMO_PASSWORD, ensureDemoAccounts, ensureDemoOpen311Clients } from '../../data/demoAccounts'
import { ensureDemoRoster } from '../../data/demoRoster'
import type { AccountCommands } from './accounts/accounts'
import { clientAssets } from './api/clientAssets'
import { createApp } from './app'
import { CLIENT_DIST } from './clientBuild'
import { systemClock } from './clock'
import { readConfig } from './config'
import { startAnswerReceiver } from '../../data/traffic/answerReceiver'
import { startAnswerDelivery } from './jobs/answerDelivery'
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
  const { http, hub, cases, accounts, audit } = await createApp({
    db, log, clock: systemClock, client: client ?? clientAssets(CLIENT_DIST, db), limitScale: config.limitScale, retention: config.retention,
    security: config.security,
  })
  if (config.limitScale !== 1) log.warn({ scale: config.limitScale }, 'time limits compressed for the demo (LIMIT_SCALE=1 for real ones)')
  const stopEscalation = startEscalationClock(cases, systemClock, config.escalateEveryMs, log)
  const stopRetention = startRetention(db, systemClock, config.retention, 5 * 60_000, log)
  const answers = startAnswerDelivery(db, systemClock, log, () => hub.notify())
  // The demo's accounts exist before the first request can ask for them.
  const kiosk = config.demoAccounts ? (await ensureDemoAccounts(accounts), await freshKey(accounts, 'wall', 'demo kiosk')) : null
  // The outside systems' Open311 clients (the mini-program's backend, the 12345 platform) and a key each.
  const open311Keys: Record<string, string> = {}
  // The demo's stand-in 12345 platform and mini-program backend, where the answers (回告) go.
  let stopReceiver = async () => {}
  if (kiosk) {
    await ensureDemoOpen311Clients(db)
    await ensureDemoRoster(db, systemClock.now())
    stopReceiver = await startAnswerReceiver(db, log)
    for (const login of Object.keys(DEMO_OPEN311_CLIENTS)) open311Keys[login] = await freshKey(accounts, login, 'demo open311')
  }
  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve))
  const { port } = http.address() as AddressInfo
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host
  // Where every other line goes (README: logs are JSON lines on stdout), so a log collector keeps it too.
  log.info({
    ms: Math.round(performance.now() - started), engine: db.engine,
    wall: `http://${host}:${port}/wall`, drill: `http://${host}:${port}/drill`, editor: `http://${host}:${port}/editor`, health: `http://${host}:${port}/api/health`,
  }, '城市社会治理指挥中心 · command centre serving')
  const base = `http://${host}:${port}`
  if (kiosk) {
    log.info({
      accounts: DEMO_ACCOUNTS.map((a) => a.login), password: DEMO_PASSWORD, kiosk: `${base}/wall?key=${kiosk}`,
      open311: { endpoint: `${base}/open311/v2`, keys: open311Keys },
    }, 'demo mode: sign in as any of these with the demo password; the kiosk URL signs a wall in; the Open311 keys file as the mini-program and the 12345 platform (DEMO_ACCOUNTS=0 turns this off)')
  } else if ((await accounts.list()).length === 0) {
    log.warn('no accounts yet: create the first admin with `npm run accounts -- add admin --role admin --region <city code> --name 管理员` (README: Security)')
  }

  let stopSimulator = () => {}
  const simulatorKey = config.simulate ? await freshKey(accounts, 'simulator', 'simulated traffic').catch(() => null) : null
  if (simulatorKey) {
    stopSimulator = await startSimulator({
      baseUrl: base, token: simulatorKey, speed: config.simSpeed, tickMs: config.simTickMs, seed: config.seed, log, open311Key: open311Keys.miniprogram ?? null,
    })
    log.info({ speed: config.simSpeed }, 'simulated traffic running (SIMULATE=0 turns it off)')
  } else if (config.simulate) {
    log.warn('SIMULATE=1 but there is no service account `simulator`: no simulated traffic')
  }

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping')
    stopSimulator()
    stopEscalation()
    stopRetention()
    await answers.stop()
    await stopReceiver()
    await hub.close()
    await audit.flush()
    await db.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
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
