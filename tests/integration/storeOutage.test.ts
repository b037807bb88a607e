import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type Change, CaseSummary, HealthDown } from '../../contract'
import type { Db } from '../../server/src/db/Db'
import { pgDb } from '../../server/src/db/pgDb'
import { createLogger } from '../../server/src/log'
import { closeWatchers, until, watch } from '../support/live'
import { copyDatabase, ownCluster, type OwnCluster, postgresBin } from '../support/ownCluster'
import { as, call, serve, type Served } from '../support/serve'
import { pointInGrid } from '../support/servedCity'
import { databaseUrl } from '../support/pgAdmin'
import { engine } from '../support/testDb'

/** A screen's live client (it resumes from the last change it applied) that also counts being sent away and told to resync. */
function resumingClient(url: string, since: number) {
  const client = watch(url, ['city'], since)
  const resyncs: string[] = []
  let disconnects = 0
  let refusals = 0
  client.socket.on('live:resync', ({ reason }) => resyncs.push(reason))
  client.socket.on('disconnect', () => disconnects++)
  // Refused at the handshake while the store is down (who is asking cannot be checked): it asks again, as the screens do.
  client.socket.on('connect_error', (err) => {
    if (!err.message.startsWith('unavailable')) return
    refusals++
    setTimeout(() => client.socket.connect(), 200)
  })
  return { ...client, resyncs, disconnects: () => disconnects, sentAway: () => disconnects + refusals }
}

const caseIds = (changes: Change[]) => new Set(changes.flatMap((c) => (c.entity === 'case' ? [c.data.id] : [])))

// The embedded engine lives inside the server's process: it has no restart of its own to survive.
describe.skipIf(engine !== 'pg' || !postgresBin())('a PostgreSQL restart under ten writers', () => {
  let cluster: OwnCluster
  let db: Db
  let server: Served
  let inGrid: [number, number]
  let writing = false

  beforeAll(async () => {
    cluster = await ownCluster()
    const admin = pgDb(cluster.url('postgres'), createLogger('silent'), 1)
    await admin.exec('CREATE DATABASE city')
    await admin.close()
    await copyDatabase(databaseUrl(inject('seededDatabase')), cluster.url('city'))
    db = pgDb(cluster.url('city'), createLogger('silent'))
    server = await serve(db)
    inGrid = await pointInGrid(db, '231281001001001')
  })

  afterAll(async () => {
    writing = false
    await server?.stop()
    await db?.close()
    await cluster?.destroy()
  })

  it('keeps serving: 503 with a retry hint while the store is down, then every acknowledged write once, and both clients get every change once, in order', async () => {
    const since = server.hub.position
    const throughout = resumingClient(server.url, since)
    await until(() => throughout.socket.connected, 'the first client connected')

    const acked: number[] = []
    const unavailable: { retryAfter: string | null; code: unknown }[] = []
    const unexpected: string[] = []
    writing = true
    const writer = async (w: number) => {
      for (let n = 0; writing; n++) {
        let res: Response
        try {
          res = await fetch(`${server.url}/api/v1/cases`, {
            method: 'POST', headers: { 'content-type': 'application/json', ...as.dutyLeader },
            body: JSON.stringify({ category: 'dispute', kind: 'neighbour', source: 'hotline_12345', location: inGrid, description: `outage writer ${w} report ${n}` }),
          })
        } catch (err) {
          unexpected.push(`no answer: ${(err as Error).message}`)
          continue
        }
        if (res.status === 201) acked.push(CaseSummary.parse(await res.json()).id)
        else if (res.status === 503) {
          unavailable.push({ retryAfter: res.headers.get('retry-after'), code: ((await res.json()) as { code: unknown }).code })
          // A client told to come back later does not hammer the server meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 50))
        } else unexpected.push(`${res.status} ${await res.text()}`)
      }
    }
    const writers = Array.from({ length: 10 }, (_, w) => writer(w))

    await until(() => acked.length >= 30 || unexpected.length > 0, 'writes before the outage')
    expect(unexpected).toEqual([])
    await cluster.stop()
    const beforeRestart = acked.length
    const health = await call(`${server.url}/api/health`, 'GET')
    expect(health.status).toBe(503)
    expect(HealthDown.parse(health.body)).toMatchObject({ status: 'down', store: 'unreachable' })
    // A screen that opens now is sent away to come back: refused at the handshake when its key cannot be checked,
    // or, when the key was checked a moment ago, cut when its replay cannot be read.
    const duringOutage = resumingClient(server.url, since)
    await until(() => duringOutage.sentAway() > 0, 'the client that connected during the outage to be sent away to retry')
    await until(() => unavailable.length >= 20, 'writes refused with 503 during the outage')

    await cluster.start()
    await until(() => acked.length >= beforeRestart + 30, 'writes acknowledged after the restart', 30_000)
    writing = false
    await Promise.all(writers)

    expect(unexpected).toEqual([])
    expect(unavailable.every((u) => u.retryAfter === '5' && u.code === 'store_unavailable')).toBe(true)
    expect((await call(`${server.url}/api/health`, 'GET')).status).toBe(200)

    const rows = await db.query<{ id: number; description: string }>('SELECT id, description FROM cases WHERE id = ANY($1::int[])', [acked])
    expect(rows).toHaveLength(acked.length)
    const [dupes] = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT description FROM cases WHERE description LIKE 'outage writer %' GROUP BY description HAVING count(*) > 1) d`)
    expect(dupes!.n).toBe(0)

    // The client connected throughout kept its connection: it was never sent away to replay.
    expect(throughout.disconnects()).toBe(0)
    await server.hub.flush()
    for (const [name, client] of Object.entries({ throughout, duringOutage })) {
      await until(() => acked.every((id) => caseIds(client.received).has(id)), `every acknowledged case reaching the client connected ${name}`, 30_000)
      const seqs = client.received.map((c) => c.seq)
      expect(seqs, `${name}: each change once, in log order`).toEqual([...new Set(seqs)].sort((x, y) => x - y))
      expect(client.resyncs).toEqual([])
    }
    closeWatchers()
  }, 120_000)
})
