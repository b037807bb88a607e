import { execFile, execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The newest PostgreSQL on the machine (Debian keeps each major version under /usr/lib/postgresql/N/bin). */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
  return versions[0] ? join(root, versions[0], 'bin') : null
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

export type OwnCluster = {
  url(database: string): string
  /** Stops the server as `pg_ctl stop -m fast` does: open connections are terminated. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Stops the server and removes its files. */
  destroy(): Promise<void>
}

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a free port, that the test may stop and
 * start without touching the machine's server other tests use. PostgreSQL refuses to run as root, so as
 * root the cluster belongs to the `postgres` user and its commands run as that user.
 */
export async function ownCluster(): Promise<OwnCluster> {
  const bin = postgresBin()
  if (!bin) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql')
  const dir = mkdtempSync(join(tmpdir(), 'gridgov-cluster-'))
  const data = join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()))
  }
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args)
  const port = await freePort()
  await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`
  const start = async () => {
    await pg('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start'])
  }
  const stop = async () => {
    await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
  }
  // A run that dies before `destroy` (a crash, a timeout) must not leave a server behind: stopped at exit.
  const pgCtl = join(bin, 'pg_ctl')
  const leftBehind = () => {
    try {
      execFileSync(asRoot ? 'runuser' : pgCtl, [...(asRoot ? ['-u', 'postgres', '--', pgCtl] : []), '-D', data, '-m', 'immediate', 'stop'], { stdio: 'ignore' })
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true })
  }
  process.once('exit', leftBehind)
  await start()
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    async destroy() {
      process.off('exit', leftBehind)
      await stop().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Copies a database into another server's new database with pg_dump and pg_restore. */
export async function copyDatabase(from: string, to: string): Promise<void> {
  const bin = postgresBin()!
  const dump = join(mkdtempSync(join(tmpdir(), 'gridgov-dump-')), 'city.dump')
  try {
    await run(join(bin, 'pg_dump'), ['-Fc', '-f', dump, from])
    await run(join(bin, 'pg_restore'), ['--no-owner', '-d', to, dump])
  } finally {
    rmSync(dump, { force: true })
  }
}
