import { afterEach, describe, expect, it } from 'vitest'
import type { CaseSummary, Change } from '../../contract'
import { createLogger } from '../../server/src/log'
import { startSimulator } from '../../data/traffic/simulator'
import { closeWatchers, until, watch } from '../support/live'
import { testKey } from '../support/serve'
import { servedCity } from '../support/servedCity'

const city = servedCity()
afterEach(closeWatchers)

const casesOf = (seen: Change[], op: 'insert' | 'update') => seen.flatMap((c) => (c.entity === 'case' && c.op === op ? [c] : []))

describe('simulated traffic', () => {
  it('goes through the public API: new reports, cases moving, patrols moving, all on the live stream', async () => {
    const watcher = watch(city.server.url)
    await watcher.hello
    const seen = watcher.received
    const versions = new Map((await city.db.query<{ id: number; version: number }>('SELECT id, version FROM cases')).map((c) => [c.id, c.version]))
    const started = new Date()
    const stop = await startSimulator({
      baseUrl: city.server.url, token: testKey('simulator'), speed: 20_000, tickMs: 200, seed: 'test', log: createLogger('silent'),
    })
    try {
      await until(() => casesOf(seen, 'insert').length > 0 && casesOf(seen, 'update').length > 0 && seen.some((c) => c.entity === 'patrol'),
        'a new report, a step and a patrol fix from the simulator', 30_000)
    } finally {
      stop()
    }
    const fixes = seen.filter((c) => c.entity === 'patrol')
    expect(new Set(fixes.map((c) => c.data.unitId)).size).toBe(100)

    // New reports are the simulator's, filed in the store with their first step.
    const reported = casesOf(seen, 'insert').map((c) => c.data.id)
    const filed = await city.db.query<{ id: number; description: string; first: string }>(`
      SELECT c.id, c.description, (SELECT step FROM case_history h WHERE h.case_id = c.id ORDER BY at, h.id LIMIT 1) AS first
      FROM cases c WHERE c.id = ANY ($1) ORDER BY c.id`, [reported])
    expect(filed).toEqual([...reported].sort((a, b) => a - b).map((id) => ({ id, description: '模拟上报', first: 'collect' })))

    // Each step streamed moved its case past the version the simulator found it at, is what the log
    // holds at its position, and left a row in the case's history.
    const steps = casesOf(seen, 'update')
    for (const s of steps) {
      expect(s.data.version, `case ${s.data.id}`).toBeGreaterThan(versions.get(s.data.id) ?? 1)
      const [logged] = await city.db.query<{ payload: CaseSummary }>('SELECT payload FROM change_log WHERE seq = $1', [s.seq])
      expect(logged!.payload).toEqual(s.data)
    }
    const moved = [...new Set(steps.map((s) => s.data.id))]
    const history = await city.db.query<{ id: number; n: number }>(`
      SELECT case_id AS id, count(*)::int AS n FROM case_history WHERE case_id = ANY ($1) AND at >= $2 AND step <> 'collect' GROUP BY case_id`,
    [moved, started])
    for (const id of moved) {
      expect(history.find((h) => h.id === id)?.n ?? 0, `steps of case ${id}`).toBeGreaterThanOrEqual(steps.filter((s) => s.data.id === id).length)
    }
  })
})
