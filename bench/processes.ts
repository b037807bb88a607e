import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_PASSWORD } from '../data/demoAccounts'
import { pgDb } from '../server/src/db/pgDb'
import { createLogger } from '../server/src/log'

const ROOT = join(import.meta.dirname, '..')

/** A server in its own process, as `npm start` runs it: the bench's clients do not share its event loop. */
export async function startServer(entry: string, env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT, stdio: 'ignore',
    env: { ...process.env, DEMO_ACCOUNTS: '1', ...env, PORT: String(port), HOST: '127.0.0.1', SIMULATE: '0', LOG_LEVEL: 'warn', ESCALATE_EVERY_MS: '3600000' },
  })
  const end = Date.now() + 300_000
  for (;;) {
    if (Date.now() > end) throw new Error(`${entry} did not come up`)
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`)
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status < 500, () => false)
    if (up) return child
    await new Promise((r) => setTimeout(r, 200))
  }
}

export const stopServer = (child: ChildProcess) => new Promise<void>((resolve) => {
  child.once('exit', () => resolve())
  child.kill('SIGTERM')
})

/** The demo accounts' API keys a bench acts with, issued by the demo admin through the API as an admin would. */
export type BenchKeys = { simulator: string; wall: string; analyst: string; leader: string; township: string }

export async function benchKeys(base: string): Promise<BenchKeys> {
  const signIn = await fetch(`${base}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: DEMO_PASSWORD }),
  })
  if (!signIn.ok) throw new Error(`bench: the demo admin could not sign in (${signIn.status}); the server needs DEMO_ACCOUNTS=1`)
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!
  const { csrfToken } = (await signIn.json()) as { csrfToken: string }
  const issue = async (login: string) => {
    const res = await fetch(`${base}/api/v1/accounts/${login}/keys`, {
      method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'bench' }),
    })
    return ((await res.json()) as { key: string }).key
  }
  return {
    simulator: await issue('simulator'), wall: await issue('wall'), analyst: await issue('analyst'), leader: await issue('leader'), township: await issue('xinxing'),
  }
}

/** POSTs JSON over keep-alive connections with the API key `key`, as devices and screens on other machines would. */
export function poster(base: string, key: string, inFlight = 20) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight })
  const { hostname, port } = new URL(base)
  const post = (path: string, body: unknown) => new Promise<{ id?: number }>((resolve, reject) => {
    const data = JSON.stringify(body)
    const req = http.request({
      host: hostname, port, path, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), authorization: `Bearer ${key}` },
    }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c))
      res.on('end', () => (res.statusCode! < 300 ? resolve(JSON.parse(text) as { id?: number }) : reject(new Error(`${path}: ${res.statusCode} ${text}`))))
    })
    req.on('error', reject)
    req.end(data)
  })
  return { post, close: () => agent.destroy() }
}

/**
 * An empty store for a server process of the bench: a fresh PGlite directory, or a fresh database
 * beside `pgUrl`; `env` points the server at it, `drop` removes it.
 */
export async function benchStore(engine: 'pglite' | 'pg', label: string, pgUrl?: string): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `gridgov-${label}-`))
  if (engine === 'pglite') return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) }
  const name = `gridgov_bench_${label}_${process.pid}`
  const admin = pgDb(pgUrl!, createLogger('silent'), 1)
  await admin.exec(`CREATE DATABASE ${name}`)
  const url = new URL(pgUrl!)
  url.pathname = `/${name}`
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    async drop() {
      rmSync(dataDir, { recursive: true, force: true })
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    },
  }
}
