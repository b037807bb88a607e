import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../server/src/clock'
import { prune } from '../../server/src/jobs/retention'
import { closeWatchers, watch } from '../support/live'
import { SEEDED_AT } from '../support/seededCity'
import { as, call } from '../support/serve'
import { servedCity } from '../support/servedCity'

const clock = manualClock(new Date(SEEDED_AT))
const city = servedCity({ clock })
afterEach(closeWatchers)
const HOUR = 3_600_000
const seeded = new Date(SEEDED_AT).getTime()
const iso = (ms: number) => new Date(ms).toISOString()

describe('retention', () => {
  it('forgets fixes and changes past their horizon, keeps each unit’s latest fix, and sends a client behind it a snapshot', async () => {
    // Unit 1 walked 30 h and 1 h before "now"; unit 2 sent nothing since the seed.
    const now = seeded + 48 * HOUR
    for (const at of [now - 30 * HOUR, now - 29 * HOUR, now - HOUR]) {
      clock.set(new Date(at)) // each sent as it happens: the server refuses a fix past its retention window
      const res = await call(`${city.server.url}/api/v1/patrols/1/fixes`, 'POST', { fixes: [{ at: iso(at), location: [125.32, 46.4] }] }, as.simulator)
      expect(res.status).toBe(202)
    }
    await city.server.hub.flush()
    await city.db.query(`UPDATE change_log SET at = $1 WHERE seq IS NOT NULL`, [iso(now - 30 * HOUR)])
    const [{ newest }] = (await city.db.query<{ newest: number }>('SELECT max(seq) AS newest FROM change_log')) as [{ newest: number }]

    const [{ fixes }] = (await city.db.query<{ fixes: number }>('SELECT count(*)::int AS fixes FROM patrol_fixes')) as [{ fixes: number }]
    const pruned = await prune(city.db, new Date(now), { changeLogHours: 24, patrolFixHours: 24 })
    expect(pruned.changes).toBe(3)
    // All but one fix a unit: the seed's history and unit 1's 29–30 h old ones are past the horizon.
    expect(pruned.fixes).toBe(fixes - 100)

    const unit1 = await city.db.query<{ at: Date }>('SELECT at FROM patrol_fixes WHERE unit_id = 1 ORDER BY at')
    expect(unit1.map((f) => f.at.toISOString())).toEqual([iso(now - HOUR)])
    const unit2 = await city.db.query('SELECT 1 FROM patrol_fixes WHERE unit_id = 2')
    expect(unit2).toHaveLength(1)

    await call(`${city.server.url}/api/v1/cameras/5/state`, 'POST', { state: 'faulty' }, as.simulator)
    await city.server.hub.flush()
    const behind = watch(city.server.url, ['city'], newest - 2)
    const resync = await new Promise<{ reason: string }>((resolve) => behind.socket.once('live:resync', resolve))
    expect(resync.reason).toBe('too far behind')
  })
})
