import cluster, { type Worker } from 'node:cluster'
import type { Config } from './config'
import type { Logger } from './log'

/**
 * `WORKERS` > 1: the primary process. It prepares the store once (migrations, the demo city and its
 * accounts), then forks the workers, which share the port (Node's cluster hands each new connection to the
 * next worker; every client speaks WebSocket only, so a connection never needs the worker it started on).
 * A worker that dies is replaced; its clients reconnect to the others meanwhile and replay from the log.
 * `announce` runs once the first worker listens.
 */
export async function runPrimary(
  config: Config, log: Logger, prepare: () => Promise<{ stop(): Promise<void>; db: { close(): Promise<void> } }>, preparedEnv: string,
  announce: (base: string) => Promise<void>,
): Promise<void> {
  const prepared = await prepare()
  let stopping = false
  let announced = false
  const workers = new Set<Worker>()

  const fork = () => {
    const worker = cluster.fork({ [preparedEnv]: '1' })
    workers.add(worker)
    let listening = false
    worker.once('listening', (address) => {
      listening = true
      if (announced) return
      announced = true
      const host = config.host === '0.0.0.0' ? 'localhost' : config.host
      void announce(`http://${host}:${address.port}`)
    })
    worker.once('exit', (code, signal) => {
      workers.delete(worker)
      if (stopping) return
      // A worker that never listened will not do better on a second try (a bad setting, a taken port).
      if (!listening) {
        log.fatal({ pid: worker.process.pid, code, signal }, 'a worker failed to start: stopping')
        void stop(1)
        return
      }
      log.warn({ pid: worker.process.pid, code, signal }, 'a worker died: starting another (its clients reconnect to the others and replay)')
      setTimeout(fork, 200)
    })
  }

  const stop = async (exitCode: number) => {
    if (stopping) return
    stopping = true
    const exited = [...workers].map((w) => new Promise<void>((resolve) => { w.once('exit', () => resolve()); w.kill('SIGTERM') }))
    await Promise.all(exited)
    await prepared.stop()
    await prepared.db.close()
    process.exit(exitCode)
  }
  process.once('SIGINT', () => void stop(0))
  process.once('SIGTERM', () => void stop(0))

  log.info({ workers: config.workers }, 'starting the workers')
  for (let i = 0; i < config.workers; i++) fork()
}
