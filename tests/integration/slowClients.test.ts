import { io, type Socket } from 'socket.io-client'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { PROTOCOL_VERSION } from '../../contract'
import { bufferedBytes } from '../../server/src/live/socketBuffer'
import { until } from '../support/live'
import { serve, testKey } from '../support/serve'
import { servedCity } from '../support/servedCity'

const city = servedCity()
const open: Socket[] = []
afterEach(() => {
  for (const s of open.splice(0)) s.disconnect()
})

const MiB = 1024 * 1024
const CHANGES = 10_000
const PAD = 'x'.repeat(1000)

/** Appends `n` committed camera changes of about 1 KiB each to the log, as a busy day would leave behind. */
async function longLog(n: number): Promise<void> {
  await city.db.query(
    `INSERT INTO change_log (at, entity, entity_id, op, payload)
     SELECT now(), 'camera', g::text, 'update', jsonb_build_object('id', g, 'state', 'offline', 'note', $2::text)
     FROM generate_series(1, $1::int) g`, [n, PAD])
}

/**
 * A client that asks for a replay from `since` and then never reads: its websocket's socket is paused as
 * soon as it opens, so everything the server sends piles up on the server's side of the connection.
 */
function nonReader(url: string, since: number): Socket {
  const socket = io(url, { transports: ['websocket'], reconnection: false, auth: { protocol: PROTOCOL_VERSION, rooms: ['city'], since, key: testKey('leader') } })
  socket.io.on('open', () => (socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void } } }).ws._socket.pause())
  open.push(socket)
  return socket
}

describe('clients that never read their replay', () => {
  // One long log for both: written once, it is what a reader and the non-readers replay from `since`.
  let since = 0
  beforeAll(async () => {
    since = city.server.hub.position
    await longLog(CHANGES)
    await city.server.hub.flush()
    expect(city.server.hub.position - since).toBe(CHANGES)
  })

  it('ten of them, each owed 10 MiB, cost the server under 2 MiB each, and are cut off once they stall, connections and all', async () => {
    const server = await serve(city.db, { live: { replayStallMs: 3000 } })
    try {
      let connected = 0
      server.hub.io.on('connection', () => connected++)
      // What the server holds for them: the bytes given to their sockets and not yet taken by the kernel.
      const held = () => [...server.hub.io.sockets.sockets.values()].reduce((n, s) => n + bufferedBytes(s), 0)
      let peak = 0
      const sample = setInterval(() => (peak = Math.max(peak, held())), 10)
      for (let i = 0; i < 10; i++) nonReader(server.url, since)
      await until(() => connected === 10, 'ten clients connected', 30_000)
      // Stalled replays are cut off after replayStallMs; until then each holds what it was given.
      await until(() => server.hub.io.sockets.sockets.size === 0, 'the stalled clients cut off', 20_000)
      clearInterval(sample)
      // Each stalled client holds at most the low water (512 KiB) and one replay batch (500 changes, ~0.5 MiB).
      expect(peak).toBeGreaterThan(0)
      expect(peak / MiB).toBeLessThan(10 * 2)
      // Cut off means gone: their TCP connections and the bytes queued on them are freed now, not after a
      // closing handshake that a peer which never reads would never finish.
      const connections = () => new Promise<number>((resolve, reject) => server.http.getConnections((err, n) => (err ? reject(err) : resolve(n))))
      await until(async () => (await connections()) === 0, 'their connections closed within 2 s of the cut', 2_000)
    } finally {
      await server.stop()
    }
  })

  it('a client that reads gets the whole long replay, in order', async () => {
    const seqs: number[] = []
    const socket = io(city.server.url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, rooms: ['city'], since, key: testKey('leader') } })
    open.push(socket)
    socket.on('live:changes', (changes: { seq: number }[]) => seqs.push(...changes.map((c) => c.seq)))
    await until(() => seqs.length >= CHANGES, 'the whole replay', 30_000)
    expect(seqs).toEqual(Array.from({ length: CHANGES }, (_, i) => since + i + 1))
  })
})
