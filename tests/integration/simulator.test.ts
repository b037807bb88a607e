import { describe, expect, it } from 'vitest'
import { io, type Socket } from 'socket.io-client'
import { type Change, PROTOCOL_VERSION, type ServerToClientEvents } from '../../contract'
import { createLogger } from '../../server/src/log'
import { startSimulator } from '../../server/src/sim/simulator'
import { servedCity } from '../support/servedCity'

const city = servedCity()

describe('simulated traffic', () => {
  it('goes through the public API: new reports, cases moving, patrols moving, all on the live stream', async () => {
    const socket: Socket<ServerToClientEvents> = io(city.server.url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION } })
    const seen: Change[] = []
    socket.on('live:changes', (changes) => seen.push(...changes))
    await new Promise((resolve) => socket.once('live:hello', resolve))
    const stop = await startSimulator({
      baseUrl: city.server.url, token: 'demo-simulator', speed: 20_000, tickMs: 200, seed: 'test', log: createLogger('silent'),
    })
    try {
      const end = Date.now() + 30_000
      const has = (f: (c: Change) => boolean) => seen.some(f)
      while (!(has((c) => c.entity === 'case' && c.op === 'insert') && has((c) => c.entity === 'case' && c.op === 'update') && has((c) => c.entity === 'patrol'))) {
        if (Date.now() > end) throw new Error(`simulator too quiet: ${seen.length} changes`)
        await new Promise((r) => setTimeout(r, 50))
      }
    } finally {
      stop()
      socket.disconnect()
    }
    const fixes = seen.filter((c) => c.entity === 'patrol')
    expect(new Set(fixes.map((c) => c.data.unitId)).size).toBe(100)
    const moved = seen.flatMap((c) => (c.entity === 'case' && c.op === 'update' ? [c.data] : []))
    expect(moved.some((c) => c.state !== 'collected')).toBe(true)
    const [row] = await city.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM case_history WHERE case_id = $1`, [moved[0]!.id])
    expect(row!.n).toBeGreaterThanOrEqual(2)
  })
})
