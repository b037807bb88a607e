import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'
import { freePort } from './oidcProvider'

const ROOT = join(import.meta.dirname, '../..')

/** Whether the machine has a Redis server binary a test can run its own from. */
export function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export type OwnRedis = { url: string; stop(): Promise<void>; start(): Promise<void> }

/** A Redis of the test's own on a free port, keeping nothing on disk (a restart loses every stream), that the test may stop and start. */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort()
  let child: ChildProcess | null = null
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    const end = Date.now() + 10_000
    while (Date.now() < end) {
      try {
        execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' })
        return
      } catch {
        await new Promise((r) => setTimeout(r, 50))
      }
    }
    throw new Error('redis-server did not come up')
  }
  const stop = async () => {
    const c = child
    child = null
    if (!c || c.exitCode !== null) return
    await new Promise<void>((resolve) => { c.once('exit', () => resolve()); c.kill('SIGKILL') })
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, start, stop }
}

export type LogLine = { msg: string; pid?: number; [key: string]: unknown }

/** A server process as `npm start` runs it (`server/src/main.ts`), its JSON log lines kept for the test to wait on. */
export type ServerProcess = {
  url: string
  child: ChildProcess
  lines: LogLine[]
  /** Resolves with the first line (already logged or to come) whose message starts with `msg` and that `where` accepts. */
  line(msg: string, where?: (l: LogLine) => boolean, ms?: number): Promise<LogLine>
  /** SIGTERM, and waits for the process to end (kill -9 after 15 s). */
  stop(): Promise<void>
  /** kill -9. */
  kill(): Promise<void>
}

export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const p = port ?? (await freePort())
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: String(p), HOST: '127.0.0.1', SIMULATE: '0', DEMO_ACCOUNTS: '0', LOG_LEVEL: 'info', ...env },
  })
  const lines: LogLine[] = []
  let rest = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8')
    const parts = text.split('\n')
    rest = parts.pop()!
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as LogLine)
      } catch {
        // Not a log line (a tool's own output): not what a test waits on.
      }
    }
  })
  const line = async (msg: string, where: (l: LogLine) => boolean = () => true, ms = 60_000) => {
    const end = Date.now() + ms
    for (;;) {
      const found = lines.find((l) => typeof l.msg === 'string' && l.msg.startsWith(msg) && where(l))
      if (found) return found
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before logging "${msg}"`)
      if (Date.now() > end) throw new Error(`timed out waiting for the server to log "${msg}"`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  const ended = (signal: NodeJS.Signals) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill(signal)
  })
  const stop = async () => {
    const late = setTimeout(() => child.kill('SIGKILL'), 15_000)
    await ended('SIGTERM')
    clearTimeout(late)
  }
  return { url: `http://127.0.0.1:${p}`, child, lines, line, stop, kill: () => ended('SIGKILL') }
}
