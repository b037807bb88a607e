import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Change } from '../../contract'
import { ensureDemoAccounts } from '../../data/demoAccounts'
import { accountCommands } from '../../server/src/accounts/accounts'
import { DEFAULT_ADDRESS_LIMITS } from '../../server/src/api/sessionRouter'
import { systemClock } from '../../server/src/clock'
import type { Db } from '../../server/src/db/Db'
import { pgDb } from '../../server/src/db/pgDb'
import { createLogger } from '../../server/src/log'
import { closeWatchers, until, watch } from '../support/live'
import { hasRedisServer, ownRedis, type OwnRedis, type ServerProcess, startServerProcess } from '../support/processes'
import { as, giveTestKeys } from '../support/serve'
import { pointInGrid } from '../support/servedCity'
import { engine, ownPgDatabase } from '../support/testDb'

const log = createLogger('silent')

/** The log's positions after `after`, as the store holds them: what a city-wide client must receive, each once, in this order. */
const logSince = async (db: Db, after: number) =>
  (await db.query<{ seq: number }>('SELECT seq FROM change_log WHERE seq > $1 ORDER BY seq', [after])).map((r) => r.seq)
const newest = async (db: Db) => (await db.query<{ n: number }>('SELECT coalesce(max(seq), 0) AS n FROM change_log'))[0]!.n
const seqs = (changes: Change[]) => changes.map((c) => c.seq)

/** Cases reported one after another through the given servers in turn until `stop`; a report refused because its process died is a device's to send again, not counted. */
function reporter(urls: () => string[], location: [number, number]) {
  let running = true
  const reported: number[] = []
  const sentAt = new Map<number, number>()
  const done = (async () => {
    for (let i = 0; running; i++) {
      const list = urls()
      const sent = Date.now()
      const res = await fetch(`${list[i % list.length]}/api/v1/cases`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...as.gridWorker },
        body: JSON.stringify({ category: 'dispute', kind: 'neighbour', source: 'grid_worker', location, description: `跨进程 ${i}` }),
      }).catch(() => null)
      if (res?.status === 201) {
        const { id } = (await res.json()) as { id: number }
        reported.push(id)
        sentAt.set(id, sent)
      }
      await new Promise((r) => setTimeout(r, 15))
    }
  })()
  return { reported, sentAt, stop: async () => { running = false; await done } }
}

describe.skipIf(engine !== 'pg' || !hasRedisServer())('several server processes over one PostGIS and Redis', () => {
  let db: Db
  let drop: () => Promise<void>
  let redis: OwnRedis
  let env: Record<string, string>
  let location: [number, number]
  const processes: ServerProcess[] = []

  beforeAll(async () => {
    const own = await ownPgDatabase(inject('seededDatabase'))
    drop = own.drop
    db = pgDb(own.url, log)
    await ensureDemoAccounts(accountCommands({ db, clock: systemClock }))
    await giveTestKeys(db)
    // The seeded city's deadlines are pushed out: the escalation test counts only the cases it makes overdue.
    await db.query(`UPDATE cases SET due_at = now() + interval '30 days' WHERE state <> 'closed'`)
    location = await pointInGrid(db, '231281001001001')
    redis = await ownRedis()
    env = { DATABASE_URL: own.url, REDIS_URL: redis.url, ESCALATE_EVERY_MS: '200' }
  })

  afterEach(async () => {
    closeWatchers()
    await Promise.all(processes.splice(0).map((p) => p.stop()))
  })

  afterAll(async () => {
    await redis?.stop()
    await db?.close()
    await drop?.()
  })

  const twoProcesses = async () => {
    const a = await startServerProcess(env)
    const b = await startServerProcess(env)
    processes.push(a, b)
    await Promise.all([a.line('城市社会治理指挥中心'), b.line('城市社会治理指挥中心')])
    await until(() => [a, b].filter((p) => p.lines.some((l) => l.msg.startsWith('leading'))).length === 1, 'one leader', 10_000)
    return [a, b] as const
  }

  it('a change committed through one process reaches the clients of both, once each and in log order', async () => {
    const [a, b] = await twoProcesses()
    const since = await newest(db)
    const onA = watch(a.url, ['city'], since)
    const onB = watch(b.url, ['city'], since)
    const arrived = new Map<number, number>()
    // The later of the two clients' arrivals: a change reaches the other process's clients at once, not at its next read of the log.
    for (const client of [onA, onB]) client.socket.on('live:changes', (changes) => {
      for (const c of changes) if (c.entity === 'case' && c.op === 'insert') arrived.set(c.data.id, Date.now())
    })
    await Promise.all([onA.hello, onB.hello])
    const writes = reporter(() => [a.url, b.url], location)
    await until(() => writes.reported.length >= 30, '30 reports')
    await writes.stop()
    const expected = await logSince(db, since)
    await until(() => onA.position() === expected.at(-1) && onB.position() === expected.at(-1), 'both clients caught up', 15_000)
    expect(seqs(onA.received)).toEqual(expected)
    expect(seqs(onB.received)).toEqual(expected)
    const created = onB.received.filter((c) => c.entity === 'case' && c.op === 'insert').map((c) => c.entity === 'case' && c.data.id)
    expect(created).toEqual(writes.reported)
    const delays = writes.reported.map((id) => arrived.get(id)! - writes.sentAt.get(id)!).sort((x, y) => x - y)
    expect(delays[Math.floor(delays.length / 2)]).toBeLessThan(250)
  })

  it('counts an address’s failed sign-ins once across the processes: the next attempt is slowed on the other process too', async () => {
    const [a, b] = await twoProcesses()
    const signIn = async (url: string) => {
      const started = Date.now()
      const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'nobody-here', password: 'wrong' }) })
      return { status: res.status, ms: Date.now() - started }
    }
    // Three failures are let through at once (DEFAULT_ADDRESS_LIMITS.slowAfter); each one after waits 500 ms more.
    const undelayed: number[] = []
    for (let i = 0; i < DEFAULT_ADDRESS_LIMITS.slowAfter; i++) {
      const { status, ms } = await signIn(a.url)
      expect(status).toBe(401)
      undelayed.push(ms)
    }
    const fourth = await signIn(b.url)
    expect(fourth.status).toBe(401)
    expect(fourth.ms).toBeGreaterThanOrEqual(Math.min(...undelayed) + DEFAULT_ADDRESS_LIMITS.slowStepMs - 50)
  })

  it('loses nothing when Redis restarts mid-stream: each client gets every change once, in order', async () => {
    const [a, b] = await twoProcesses()
    const since = await newest(db)
    const onA = watch(a.url, ['city'], since)
    const onB = watch(b.url, ['city'], since)
    await Promise.all([onA.hello, onB.hello])
    const writes = reporter(() => [a.url, b.url], location)
    await until(() => writes.reported.length >= 10, 'reports before the restart')
    await redis.stop()
    const during = writes.reported.length
    await until(() => writes.reported.length >= during + 20, 'reports while Redis is down')
    await redis.start()
    const after = writes.reported.length
    await until(() => writes.reported.length >= after + 20, 'reports after Redis is back')
    await writes.stop()
    const expected = await logSince(db, since)
    await until(() => onA.position() === expected.at(-1) && onB.position() === expected.at(-1), 'both clients caught up', 20_000)
    expect(seqs(onA.received)).toEqual(expected)
    expect(seqs(onB.received)).toEqual(expected)
  })

  it('when the leader is killed another process takes the jobs within seconds, and no case is escalated twice', async () => {
    const [a, b] = await twoProcesses()
    const leader = a.lines.some((l) => l.msg.startsWith('leading')) ? a : b
    const other = leader === a ? b : a
    const ids: number[] = []
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${other.url}/api/v1/cases`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...as.gridWorker },
        body: JSON.stringify({ category: 'dispute', kind: 'neighbour', source: 'grid_worker', location, description: `超期 ${i}` }),
      })
      ids.push(((await res.json()) as { id: number }).id)
    }
    // Overdue now, and the leader killed as its clock may be moving them: whatever it had done stands, the rest is the next leader's.
    await db.query(`UPDATE cases SET due_at = now() - interval '1 minute' WHERE id = ANY($1)`, [ids])
    await new Promise((r) => setTimeout(r, 150))
    const killedAt = Date.now()
    await leader.kill()
    await other.line('leading', () => true, 10_000)
    const tookOver = Date.now() - killedAt
    expect(tookOver).toBeLessThan(5_000)
    const escalations = async () => db.query<{ id: number; n: number; escalations: number }>(
      `SELECT c.id, c.escalations, (SELECT count(*)::int FROM case_history h WHERE h.case_id = c.id AND h.step = 'supervise' AND h.actor_role = 'platform') AS n
       FROM cases c WHERE c.id = ANY($1) ORDER BY c.id`, [ids])
    await until(async () => (await escalations()).every((c) => c.escalations >= 1), 'every overdue case moved up', 15_000)
    // A second run of the clock (the old leader's last tick, the new one's first) finds each case already moved and its new deadline ahead.
    await new Promise((r) => setTimeout(r, 1000))
    for (const c of await escalations()) expect({ id: c.id, escalations: c.escalations, steps: c.n }).toEqual({ id: c.id, escalations: 1, steps: 1 })
  })

  it('kill -9 of one process of a cluster mid-stream: its clients reconnect to the other at the same address and replay with no gap and no duplicate', async () => {
    const cluster = await startServerProcess({ ...env, WORKERS: '2' })
    processes.push(cluster)
    await cluster.line('城市社会治理指挥中心')
    await until(() => cluster.lines.filter((l) => l.msg === 'worker serving').length === 2, 'two workers serving')
    const workers = cluster.lines.filter((l) => l.msg === 'worker serving').map((l) => l.pid!)
    const since = await newest(db)
    const clients = Array.from({ length: 6 }, () => watch(cluster.url, ['city'], since))
    await Promise.all(clients.map((c) => c.hello))
    let dropped = 0
    for (const c of clients) c.socket.on('disconnect', () => dropped++)
    const writes = reporter(() => [cluster.url], location)
    await until(() => writes.reported.length >= 15, 'reports before the kill')
    process.kill(workers[0]!, 'SIGKILL')
    const before = writes.reported.length
    await until(() => writes.reported.length >= before + 30, 'reports after the kill')
    await writes.stop()
    const expected = await logSince(db, since)
    await until(() => clients.every((c) => c.position() === expected.at(-1)), 'every client caught up', 20_000)
    expect(dropped).toBeGreaterThan(0)
    for (const c of clients) expect(seqs(c.received)).toEqual(expected)
    // The primary put a new worker in the dead one's place.
    await until(() => cluster.lines.filter((l) => l.msg === 'worker serving').length === 3, 'a worker in its place', 30_000)
  })
})
