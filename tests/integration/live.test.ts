import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { io, type Socket } from 'socket.io-client'
import { type Change, type ClientToServerEvents, PROTOCOL_VERSION, type ServerToClientEvents } from '../../contract'
import { pgDb } from '../../server/src/db/pgDb'
import { createLogger } from '../../server/src/log'
import { appendChanges, type PendingChange } from '../../server/src/live/outbox'
import { closeWatchers, until, watch } from '../support/live'
import { as, call, serve, testKey } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'
import { engine } from '../support/testDb'

type Client = Socket<ServerToClientEvents, ClientToServerEvents>

const city = servedCity()
let inGrid: [number, number]
beforeAll(async () => {
  inGrid = await pointInGrid(city.db, '231281001001001')
})
afterEach(closeWatchers)

const idOf = (c: Change) =>
  c.entity === 'patrol' ? c.data.unitId : c.entity === 'patrols' ? c.data.units.map((u) => u.unitId).join() : c.entity === 'cover' ? c.data.gridCode : c.entity === 'grid' ? c.data.code : c.entity === 'answer' ? c.data.caseId : c.data.id

/** A camera change as another process would write it straight to the change log: a whole CameraView, as the contract wants. */
const cameraChange = (id: number, state: 'online' | 'offline' = 'offline'): PendingChange => ({
  entity: 'camera', entityId: id, op: 'update',
  payload: { id, code: `X${id}`, class: 'A', state, stateChangedAt: new Date().toISOString(), location: [125.3, 46.4], townshipCode: null, gridCode: null, bearingDeg: 0, fovDeg: 60, rangeM: 50 },
})

const report = (extra: Record<string, unknown> = {}) => ({
  category: 'dispute', kind: 'family', source: 'hotline_12345', location: inGrid,
  description: '王五反映其配偶长期不归家', parties: [{ role: 'applicant', name: '王五', phone: '13800002222', idNumber: '23128119800101001X' }], ...extra,
})

describe('commit, then broadcast', () => {
  it('sends a new report to another connected client, with nothing personal in the frame', async () => {
    const watcher = watch(city.server.url)
    await watcher.hello
    const { status, body } = await call(`${city.server.url}/api/v1/cases`, 'POST', report(), as.gridWorker)
    expect(status).toBe(201)
    const id = (body as { id: number }).id
    await until(() => watcher.received.some((c) => c.entity === 'case' && c.data.id === id), 'the new case')
    const frame = JSON.stringify(watcher.received)
    for (const personal of ['王五', '13800002222', '23128119800101001X', '长期不归家']) expect(frame).not.toContain(personal)
    const change = watcher.received.find((c) => c.entity === 'case' && c.data.id === id)!
    expect(change).toMatchObject({ op: 'insert', data: { state: 'collected', gridCode: '231281001001001' } })
    const [row] = await city.db.query<{ seq: number }>(`SELECT seq FROM change_log WHERE entity = 'case' AND entity_id = $1`, [String(id)])
    expect(change.seq).toBe(row!.seq)
  })

  it('emits nothing and stores nothing when a transaction fails after its first statement', async () => {
    const watcher = watch(city.server.url)
    await watcher.hello
    const before = await city.db.query('SELECT count(*)::int AS n FROM cases')
    const failing = city.server.commit(async (tx) => {
      await tx.query(`INSERT INTO change_log (at, entity, entity_id, op, payload) VALUES (now(), 'case', '0', 'insert', '{}')`)
      await tx.query('SELECT no_such_column FROM cases')
      return { result: null, changes: [] }
    })
    await expect(failing).rejects.toThrow()
    await city.server.hub.flush()
    // The next change the watcher sees is the one after the failure: nothing came in between.
    const next = await call(`${city.server.url}/api/v1/cameras/1/state`, 'POST', { state: 'faulty' }, as.simulator)
    expect(next.status).toBe(200)
    await until(() => watcher.received.some((c) => c.entity === 'camera'), 'the camera change')
    expect(watcher.received[0]).toMatchObject({ entity: 'camera', data: { id: 1, state: 'faulty' } })
    expect(await city.db.query('SELECT count(*)::int AS n FROM cases')).toEqual(before)
    expect(await city.db.query(`SELECT 1 FROM change_log WHERE entity_id = '0'`)).toEqual([])
  })

  it('streams a township’s changes to a client of that township only', async () => {
    const here = watch(city.server.url, ['township:231281001000'])
    const elsewhere = watch(city.server.url, ['township:231281002000'])
    await Promise.all([here.hello, elsewhere.hello])
    await call(`${city.server.url}/api/v1/cases`, 'POST', report(), as.gridWorker)
    await until(() => here.received.length > 0, 'the township change')
    await city.server.hub.flush()
    await elsewhere.synced()
    expect(here.received.every((c) => (c.entity === 'patrols' ? c.data.units.every((u) => u.townshipCode === '231281001000') : c.data.townshipCode === '231281001000'))).toBe(true)
    expect(elsewhere.received.filter((c) => c.entity === 'case')).toEqual([])
  })
})

describe('replay', () => {
  it('gives a client that was away while 200 cameras changed every change, in order, once each', async () => {
    const client = watch(city.server.url)
    const since = await client.hello
    await call(`${city.server.url}/api/v1/cameras/2/state`, 'POST', { state: 'offline' }, as.simulator)
    await until(() => client.received.some((c) => c.entity === 'camera'), 'the first change')
    client.socket.disconnect()
    for (let i = 0; i < 200; i++) {
      const state = i % 2 === 0 ? 'online' : 'offline'
      await call(`${city.server.url}/api/v1/cameras/${3 + (i % 20)}/state`, 'POST', { state }, as.simulator)
    }
    await city.server.hub.flush()
    // Each camera change, and the cover changes of those that went on or off line.
    const rows = await city.db.query<{ seq: number; entity: string }>('SELECT seq, entity FROM change_log WHERE seq > $1 ORDER BY seq', [since])
    expect(rows.filter((r) => r.entity === 'camera')).toHaveLength(201)
    client.socket.connect()
    await until(() => client.received.length === rows.length, 'the replayed changes')
    expect(client.received.map((c) => c.seq)).toEqual(rows.map((r) => r.seq))
    await city.server.hub.flush()
    await client.synced()
    expect(client.received).toHaveLength(rows.length)
  })

  it.runIf(engine === 'pg')('does not skip a change that took its place before, but committed after, another', async () => {
    // The outbox trap: a position taken at insert (a bigserial, say) by a transaction that commits late
    // lies below one a reader has already read past, and the reader never looks there again. Here the
    // first transaction writes its change before the second writes and commits, and commits last.
    const live = watch(city.server.url)
    await live.hello
    const [a, b] = [pgDb(city.db.url!, createLogger('silent'), 1), pgDb(city.db.url!, createLogger('silent'), 1)]
    let wrote!: () => void
    const firstWrote = new Promise<void>((r) => { wrote = r })
    let release!: () => void
    const firstMayCommit = new Promise<void>((r) => { release = r })
    const first = a.transaction(async (tx) => {
      await appendChanges(tx, [cameraChange(30)], new Date())
      wrote()
      await firstMayCommit
    })
    try {
      await firstWrote
      await b.transaction((tx) => appendChanges(tx, [cameraChange(31)], new Date()))
      // A reader reads past the second while the first is still open.
      await city.server.hub.flush()
      await until(() => live.received.length === 1, 'the second transaction’s change')
      expect(live.received.map(idOf)).toEqual([31])
      const pastSecond = live.position()!

      release()
      await first
      const inserted = await city.db.query<{ code: string }>(
        `SELECT payload->>'code' AS code FROM change_log WHERE payload->>'code' IN ('X30', 'X31') ORDER BY id`)
      expect(inserted.map((r) => r.code), 'the first change was inserted before the second').toEqual(['X30', 'X31'])
      await city.server.hub.flush()
      await until(() => live.received.length === 2, 'the first transaction’s change, on the live stream', 3000)
      expect(live.received.map(idOf)).toEqual([31, 30])
      expect(live.received[1]!.seq).toBeGreaterThan(pastSecond)
      // A client that had read up to the second and went away gets the first when it comes back.
      const back = watch(city.server.url, ['city'], pastSecond)
      await until(() => back.received.length === 1, 'the first transaction’s change, on replay', 3000)
      expect(back.received.map(idOf)).toEqual([30])
    } finally {
      release()
      await first.catch(() => {})
      await Promise.all([a.close(), b.close()])
    }
  })

  it('tells a client too far behind to load a snapshot instead', async () => {
    const small = await serve(city.db, { live: { maxReplay: 5 } })
    try {
      const client = watch(small.url, ['city'], 1)
      const resync = await new Promise<{ reason: string }>((resolve) => client.socket.once('live:resync', resolve))
      expect(resync.reason).toBe('too far behind')
      const snapshot = await call(`${small.url}/api/v1/live/snapshot`, 'GET', undefined, as.dutyLeader)
      expect(snapshot.status).toBe(200)
      const s = snapshot.body as { seq: number; cases: unknown[]; cameras: unknown[]; patrols: unknown[] }
      expect(s.cameras).toHaveLength(5911)
      expect(s.patrols).toHaveLength(100)
      expect(s.seq).toBe(small.hub.position)
    } finally {
      await small.stop()
    }
  })

  it('cuts off a client that falls behind instead of buffering for it, and the client misses nothing', async () => {
    // Every client counts as too slow here, so each is cut off after each broadcast and must replay.
    const strict = await serve(city.db, { live: { maxBufferedBytes: -1 } })
    try {
      const client = watch(strict.url)
      await client.hello
      let cutOff = 0
      client.socket.on('disconnect', () => cutOff++)
      for (let i = 0; i < 30; i++) await call(`${strict.url}/api/v1/cameras/${70 + i}/state`, 'POST', { state: 'offline' }, as.simulator)
      await strict.hub.flush()
      await until(() => client.received.filter((c) => c.entity === 'camera' && c.data.id >= 70 && c.data.id < 100).length === 30, 'all 30 changes')
      expect(cutOff).toBeGreaterThan(0)
      const seqs = client.received.map((c) => c.seq)
      expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y))
    } finally {
      await strict.stop()
    }
  })

  it('loses nothing across a server restart: a client resumes from its last change', async () => {
    const first = await serve(city.db)
    const port = first.port
    const client = watch(first.url)
    await client.hello
    const cameras = () => client.received.filter((c) => c.entity === 'camera')
    for (let i = 0; i < 10; i++) await call(`${first.url}/api/v1/cameras/${40 + i}/state`, 'POST', { state: 'faulty' }, as.simulator)
    await until(() => cameras().length === 10, 'ten camera changes before the restart')
    await first.stop()
    // Changes committed while no server runs: written straight to the store, as another process would.
    await city.db.transaction(async (tx) => {
      await appendChanges(tx, [cameraChange(60, 'online')], new Date())
    })
    const second = await serve(city.db, { port })
    try {
      await call(`${second.url}/api/v1/cameras/61/state`, 'POST', { state: 'faulty' }, as.simulator)
      await until(() => cameras().length === 12, 'the two camera changes after the restart')
      await second.hub.flush()
      const seqs = client.received.map((c) => c.seq)
      expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y))
      expect(cameras().slice(-2).map(idOf)).toEqual([60, 61])
    } finally {
      await second.stop()
    }
  })

  it('gives a client coming from a process further along nothing twice: what it has, this one sends to others only', async () => {
    // `behind` reads the log only when told of its own commits: another process's commit it has yet to send.
    const ahead = await serve(city.db)
    const behind = await serve(city.db, { live: { pollMs: 3_600_000 } })
    try {
      const onAhead = watch(ahead.url)
      await onAhead.hello
      await call(`${ahead.url}/api/v1/cameras/80/state`, 'POST', { state: 'faulty' }, as.simulator)
      await ahead.hub.flush()
      await onAhead.synced()
      const last = onAhead.position()!
      expect(behind.hub.position).toBeLessThan(last)
      const moved = watch(behind.url, ['city'], last)
      await moved.hello
      await call(`${behind.url}/api/v1/cameras/81/state`, 'POST', { state: 'faulty' }, as.simulator)
      await behind.hub.flush()
      await moved.synced()
      expect(moved.received.filter((c) => c.seq <= last)).toEqual([])
      expect(moved.received.flatMap((c) => (c.entity === 'camera' ? [c.data.id] : []))).toEqual([81])
    } finally {
      await ahead.stop()
      await behind.stop()
    }
  })
})

describe('the contract at the socket', () => {
  it('refuses a client of another protocol version', async () => {
    const socket: Client = io(city.server.url, { transports: ['websocket'], reconnection: false, auth: { protocol: 999, key: testKey('leader') } })
    try {
      const err = await new Promise<Error>((resolve) => socket.once('connect_error', resolve))
      expect(err.message).toBe(`protocol 999 is not spoken here; this server speaks ${PROTOCOL_VERSION}`)
    } finally {
      socket.disconnect()
    }
  })

  it('refuses a frame the contract does not name, and goes on serving', async () => {
    const client = watch(city.server.url)
    await client.hello
    const answer = await (client.socket as unknown as Socket).timeout(5000).emitWithAck('case:delete', { id: 1 })
    expect(answer).toEqual({ error: 'unknown or malformed frame case:delete' })
    const pong = await client.socket.timeout(5000).emitWithAck('live:ping', { t: 1 })
    expect(pong).toEqual({ t: 1, seq: city.server.hub.position })
  })
})
