import { beforeAll, describe, expect, it } from 'vitest'
import { ApiErrorBody, CaseSummary, Kpis } from '../../contract'
import { manualClock } from '../../server/src/clock'
import { SEEDED_AT } from '../support/seededCity'
import { as, call } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
const city = servedCity({ clock })
let inGrid: [number, number]
beforeAll(async () => {
  inGrid = await pointInGrid(city.db, '231281001001001')
})

const kpis = async (query = '') => {
  const { status, body } = await call(`${city.server.url}/api/v1/kpis${query}`, 'GET', undefined, as.dutyLeader)
  expect(status, JSON.stringify(body)).toBe(200)
  return Kpis.parse(body)
}
const count = async (sql: string, params: unknown[] = []) => (await city.db.query<{ n: number }>(sql, params))[0]!.n
const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole)

/** The Beijing (UTC+8) calendar date of an instant, e.g. 2026-11-23 for 2026-11-22T20:00Z. */
const beijingDate = (t: Date) => new Date(t.getTime() + 8 * HOUR).toISOString().slice(0, 10)
/** When a Beijing day, month or year starts and the next one starts, as instants. */
function beijingPeriods(now: Date) {
  const [y, m] = beijingDate(now).split('-').map(Number) as [number, number]
  const at = (date: string) => new Date(`${date}T00:00:00+08:00`)
  const today = at(beijingDate(now))
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    day: [today, new Date(today.getTime() + DAY)],
    month: [at(`${y}-${pad(m)}-01`), m === 12 ? at(`${y + 1}-01-01`) : at(`${y}-${pad(m + 1)}-01`)],
    year: [at(`${y}-01-01`), at(`${y + 1}-01-01`)],
  } as const
}

const report = () => ({ category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: inGrid, description: '邻里因噪音发生纠纷', parties: [] })
const post = (path: string, body: unknown, who: Record<string, string> = as.dutyLeader) => call(city.server.url + path, 'POST', body, who)

describe('GET /api/v1/kpis', () => {
  it('gives the city’s figures, each equal to a plain count of the store, to a city-scoped reader (and to nobody signed out)', async () => {
    expect((await call(`${city.server.url}/api/v1/kpis`, 'GET')).status).toBe(401)
    const k = await kpis()
    const now = clock.now()
    expect(k).toMatchObject({ region: null, at: now.toISOString() })
    expect(k.seq).toBe(await count('SELECT coalesce(max(seq), 0) AS n FROM change_log'))

    const periods = beijingPeriods(now)
    for (const [name, [from, to]] of [['today', periods.day], ['month', periods.month], ['year', periods.year]] as const) {
      const found = await count(`SELECT count(*) AS n FROM cases WHERE category = 'dispute' AND reported_at >= $1 AND reported_at < $2`, [from, to])
      const resolved = await count(`SELECT count(*) AS n FROM cases
        WHERE category = 'dispute' AND reported_at >= $1 AND reported_at < $2 AND state = 'closed' AND resolved`, [from, to])
      expect(k.disputes[name], name).toEqual({ found, resolved, rate: rate(resolved, found) })
    }
    const [yearFrom, yearTo] = periods.year
    // As GET /api/v1/figures defines them for the year: of the cases closed in it, those resolved and of those the
    // ones settled at the grid; those that never ran over a time limit (the platform moved them up, or a step
    // came after its due time); those asked their satisfaction and of those the satisfied.
    const closedInYear = 'closed_at >= $1 AND closed_at < $2'
    const resolvedInYear = await count(`SELECT count(*) AS n FROM cases WHERE ${closedInYear} AND resolved`, [yearFrom, yearTo])
    const resolvedAtGrid = await count(`SELECT count(*) AS n FROM cases WHERE ${closedInYear} AND resolved AND level = 'grid'`, [yearFrom, yearTo])
    expect(k.gridLevelShare).toBe(rate(resolvedAtGrid, resolvedInYear))
    const closed = await count(`SELECT count(*) AS n FROM cases WHERE ${closedInYear}`, [yearFrom, yearTo])
    const onTime = await count(`SELECT count(*) AS n FROM cases c WHERE ${closedInYear} AND NOT EXISTS (
      SELECT 1 FROM case_history h WHERE h.case_id = c.id AND ((h.step = 'supervise' AND h.actor_role = 'platform') OR h.at > h.due_at))`, [yearFrom, yearTo])
    expect(k.onTimeRate).toBe(rate(onTime, closed))
    const rated = await count(`SELECT count(*) AS n FROM cases
      WHERE ${closedInYear} AND satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied')`, [yearFrom, yearTo])
    const satisfied = await count(`SELECT count(*) AS n FROM cases
      WHERE ${closedInYear} AND satisfaction IN ('satisfied', 'basically_satisfied')`, [yearFrom, yearTo])
    expect(k.satisfaction).toBe(rate(satisfied, rated))

    const open = await city.db.query<{ level: string; open: number; overdue: number; escalated: number; waitingToSign: number }>(`
      SELECT level, count(*) AS open, count(*) FILTER (WHERE due_at < $1) AS overdue, count(*) FILTER (WHERE escalations > 0) AS escalated,
             count(*) FILTER (WHERE signed_at IS NULL) AS "waitingToSign"
      FROM cases WHERE state <> 'closed' GROUP BY level`, [now])
    for (const level of ['grid', 'community', 'township', 'city'] as const) {
      const { level: _, ...figures } = open.find((r) => r.level === level) ?? { level, open: 0, overdue: 0, escalated: 0, waitingToSign: 0 }
      expect(k.levels[level], level).toEqual(figures)
    }
    expect(k.open).toBe(await count(`SELECT count(*) AS n FROM cases WHERE state <> 'closed'`))
    expect(k.overdue).toBe(await count(`SELECT count(*) AS n FROM cases WHERE state <> 'closed' AND due_at < $1`, [now]))
    expect(k.escalated).toBe(await count(`SELECT count(*) AS n FROM cases WHERE state <> 'closed' AND escalations > 0`))
    expect(k.waitingToSign).toBe(await count(`SELECT count(*) AS n FROM cases WHERE state <> 'closed' AND signed_at IS NULL`))
    expect(k.departmentReports).toEqual({
      awaiting: await count(`SELECT count(*) AS n FROM case_routes r JOIN cases c ON c.id = r.case_id
        WHERE r.ended_at IS NULL AND r.signed_at IS NULL AND c.state <> 'closed'`),
      overdue: await count(`SELECT count(*) AS n FROM case_routes r JOIN cases c ON c.id = r.case_id
        WHERE r.ended_at IS NULL AND r.signed_at IS NULL AND c.state <> 'closed' AND r.sign_due_at < $1`, [now]),
    })

    for (const c of ['A', 'B', 'C'] as const) {
      expect(k.cameras[c], c).toEqual({
        online: await count(`SELECT count(*) AS n FROM cameras WHERE class = $1 AND state = 'online'`, [c]),
        total: await count('SELECT count(*) AS n FROM cameras WHERE class = $1', [c]),
      })
    }
    expect(k.patrol).toEqual({
      hours: 4,
      grids: await count('SELECT count(*) AS n FROM grids WHERE valid_to IS NULL'),
      visited: await count(`SELECT count(*) AS n FROM grid_patrol_visits v JOIN grids g ON g.code = v.grid_code AND g.valid_to IS NULL
        WHERE v.last_at >= $1`, [new Date(now.getTime() - 4 * HOUR)]),
    })
  })

  it('gives a trend of the last 30 Beijing days, today last, that matches the cases day by day', async () => {
    const k = await kpis()
    const now = clock.now()
    const days = Array.from({ length: 30 }, (_, i) => beijingDate(new Date(now.getTime() - (29 - i) * DAY)))
    expect(k.trend.map((d) => d.day)).toEqual(days)
    const since = new Date(`${days[0]}T00:00:00+08:00`)
    const rows = await city.db.query<{ category: string; reported_at: Date; closed_at: Date | null; ran_over: boolean; satisfaction: string | null }>(
      `SELECT category, reported_at, closed_at, satisfaction, EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id
         AND ((h.step = 'supervise' AND h.actor_role = 'platform') OR h.at > h.due_at)) AS ran_over
       FROM cases c WHERE reported_at >= $1 OR closed_at >= $1`, [since])
    const expected = days.map((day) => {
      const closed = rows.filter((r) => r.closed_at && beijingDate(new Date(r.closed_at)) === day)
      return {
        day,
        found: rows.filter((r) => r.category === 'dispute' && beijingDate(new Date(r.reported_at)) === day).length,
        closed: closed.length,
        onTime: closed.filter((r) => !r.ran_over).length,
        rated: closed.filter((r) => r.satisfaction !== null && r.satisfaction !== 'not_visited').length,
        satisfied: closed.filter((r) => r.satisfaction === 'satisfied' || r.satisfaction === 'basically_satisfied').length,
      }
    })
    expect(k.trend).toEqual(expected)
    expect(k.trend.reduce((s, d) => s + d.found, 0)).toBeGreaterThan(300)
  })

  it('looks like the reports’ year on the seeded city: about 93 % resolved, most at the grid', async () => {
    const k = await kpis()
    expect(k.disputes.year.found).toBeGreaterThan(5000)
    expect(k.disputes.year.rate).toBeGreaterThan(0.9)
    expect(k.disputes.year.rate).toBeLessThan(0.97)
    expect(k.gridLevelShare).toBeGreaterThan(0.7)
    expect(k.satisfaction).toBeGreaterThan(0.8)
    expect(k.cameras.A.total + k.cameras.B.total + k.cameras.C.total).toBe(5911)
    expect(k.patrol.grids).toBe(1011)
  })

  it('counts a dispute reported through the API as found today and open, and as resolved once it is closed', async () => {
    const before = await kpis()
    const { status, body } = await post('/api/v1/cases', report(), as.gridWorker)
    expect(status).toBe(201)
    const c = CaseSummary.parse(body)
    // Numbered once committed: then the figures read with it stand at its position in the change log.
    await city.server.hub.flush()
    const [logged] = await city.db.query<{ seq: number }>(`SELECT seq FROM change_log WHERE entity = 'case' AND entity_id = $1`, [String(c.id)])

    const reported = await kpis()
    expect(reported.disputes.today.found).toBe(before.disputes.today.found + 1)
    expect(reported.disputes.year.found).toBe(before.disputes.year.found + 1)
    expect(reported.disputes.today.resolved).toBe(before.disputes.today.resolved)
    expect(reported.open).toBe(before.open + 1)
    expect(reported.levels.grid.open).toBe(before.levels.grid.open + 1)
    expect(reported.trend.at(-1)!.found).toBe(before.trend.at(-1)!.found + 1)
    expect(logged!.seq).toBeGreaterThan(before.seq)
    expect(reported.seq).toBe(logged!.seq)

    for (const step of [{ step: 'verify' }, { step: 'handle' }, { step: 'feed_back' }, { step: 'close', resolved: true, satisfaction: 'satisfied' }]) {
      const res = await post(`/api/v1/cases/${c.id}/steps`, step)
      expect(res.status, `${step.step}: ${JSON.stringify(res.body)}`).toBe(200)
    }
    const closed = await kpis()
    expect(closed.disputes.today).toEqual({
      found: reported.disputes.today.found, resolved: reported.disputes.today.resolved + 1,
      rate: (reported.disputes.today.resolved + 1) / reported.disputes.today.found,
    })
    expect(closed.disputes.year.resolved).toBe(reported.disputes.year.resolved + 1)
    expect(closed.open).toBe(before.open)
    expect(closed.trend.at(-1)).toMatchObject({
      closed: reported.trend.at(-1)!.closed + 1, onTime: reported.trend.at(-1)!.onTime + 1, rated: reported.trend.at(-1)!.rated + 1,
      satisfied: reported.trend.at(-1)!.satisfied + 1,
    })
  })

  it('counts a camera set offline one fewer online in its class', async () => {
    const [cam] = await city.db.query<{ id: number }>(`SELECT id FROM cameras WHERE class = 'B' AND state = 'online' ORDER BY id LIMIT 1`)
    const before = await kpis()
    expect((await post(`/api/v1/cameras/${cam!.id}/state`, { state: 'offline' })).status).toBe(200)
    const after = await kpis()
    expect(after.cameras).toEqual({ ...before.cameras, B: { online: before.cameras.B.online - 1, total: before.cameras.B.total } })
  })

  it('counts a grid a patrol has just been in as visited, within the hours asked for', async () => {
    const [unit] = await city.db.query<{ id: number }>('SELECT id FROM patrol_units ORDER BY id LIMIT 1')
    const gridCode = '231281001001002'
    const before = await kpis('?patrolHours=2')
    expect(before.patrol.hours).toBe(2)
    const wasVisited = await count('SELECT count(*) AS n FROM grid_patrol_visits WHERE grid_code = $1 AND last_at >= $2', [
      gridCode, new Date(clock.now().getTime() - 2 * HOUR),
    ])
    const fix = { at: clock.now().toISOString(), location: await pointInGrid(city.db, gridCode) }
    expect((await post(`/api/v1/patrols/${unit!.id}/fixes`, { fixes: [fix] })).status).toBe(202)
    const after = await kpis('?patrolHours=2')
    expect(after.patrol).toEqual({ hours: 2, grids: before.patrol.grids, visited: before.patrol.visited + 1 - wasVisited })
  })

  it('scopes every figure to a township or a community; the townships’ open cases and grids add up to the city’s', async () => {
    const cityWide = await kpis()
    const [cityCode] = await city.db.query<{ code: string }>(`SELECT code FROM regions WHERE level = 'county'`)
    expect(await kpis(`?region=${cityCode!.code}`)).toEqual({ ...cityWide, region: cityCode!.code })
    const townships = await city.db.query<{ id: number; code: string }>(`SELECT id, code FROM regions WHERE level = 'township' ORDER BY code`)
    let open = 0
    let grids = 0
    for (const t of townships) {
      const k = await kpis(`?region=${t.code}`)
      expect(k.region).toBe(t.code)
      expect(k.open, t.code).toBe(await count(`SELECT count(*) AS n FROM cases WHERE state <> 'closed' AND township_id = $1`, [t.id]))
      open += k.open
      grids += k.patrol.grids
    }
    expect(open).toBe(cityWide.open)
    expect(grids).toBe(cityWide.patrol.grids)

    const [t] = townships
    const k = await kpis(`?region=${t!.code}`)
    const [yearFrom, yearTo] = beijingPeriods(clock.now()).year
    expect(k.disputes.year.found).toBe(await count(`SELECT count(*) AS n FROM cases
      WHERE category = 'dispute' AND reported_at >= $1 AND reported_at < $2 AND township_id = $3`, [yearFrom, yearTo, t!.id]))
    const cams = await city.db.query<{ class: 'A' | 'B' | 'C'; online: number; total: number }>(`
      SELECT c.class, count(*) FILTER (WHERE c.state = 'online') AS online, count(*) AS total
      FROM cameras c, regions r WHERE r.code = $1 AND ST_Covers(r.geom, c.geom) GROUP BY c.class`, [t!.code])
    expect(cams.map((c) => c.class).sort()).toEqual(['A', 'B', 'C'])
    for (const c of cams) expect(k.cameras[c.class], c.class).toEqual({ online: c.online, total: c.total })
    expect(k.patrol.grids).toBe(await count(`SELECT count(*) AS n FROM grids g JOIN regions com ON com.id = g.community_id
      WHERE g.valid_to IS NULL AND com.parent_id = $1`, [t!.id]))

    const [community] = await city.db.query<{ id: number; code: string }>(`
      SELECT r.id, r.code FROM regions r JOIN cases c ON c.community_id = r.id GROUP BY r.id ORDER BY count(*) DESC LIMIT 1`)
    const ck = await kpis(`?region=${community!.code}`)
    expect(ck.region).toBe(community!.code)
    expect(ck.disputes.year.found).toBe(await count(`SELECT count(*) AS n FROM cases
      WHERE category = 'dispute' AND reported_at >= $1 AND reported_at < $2 AND community_id = $3`, [yearFrom, yearTo, community!.id]))
    expect(ck.patrol.grids).toBe(await count('SELECT count(*) AS n FROM grids WHERE valid_to IS NULL AND community_id = $1', [community!.id]))
  })

  it('answers a bad query with a 400 naming the parameter and the reason', async () => {
    for (const [query, issue] of [
      ['?patrolHours=0', { field: 'patrolHours', reason: 'must be at least 1' }],
      ['?patrolHours=25', { field: 'patrolHours', reason: 'must be at most 24' }],
      ['?patrolHours=1.5', { field: 'patrolHours', reason: 'must be a whole number' }],
      ['?patrolHours=four', { field: 'patrolHours', reason: 'must be a decimal number' }],
      ['?region=2312810', { field: 'region', reason: 'must be a 12-digit region code or a 15-digit grid code' }],
      ['?colour=red', { field: 'colour', reason: 'is not a known parameter' }],
    ] as const) {
      const { status, body } = await call(`${city.server.url}/api/v1/kpis${query}`, 'GET', undefined, as.dutyLeader)
      expect(status, query).toBe(400)
      expect(ApiErrorBody.parse(body), query).toMatchObject({ code: 'invalid_query', issues: [issue] })
    }
  })

  it('answers an unknown region or grid with a 404 naming it', async () => {
    const { status, body } = await call(`${city.server.url}/api/v1/kpis?region=231281999000`, 'GET', undefined, as.dutyLeader)
    expect(status).toBe(404)
    expect(ApiErrorBody.parse(body)).toEqual({ code: 'not_found', message: 'no region with code 231281999000' })
    const grid = await call(`${city.server.url}/api/v1/kpis?region=231281001001999`, 'GET', undefined, as.dutyLeader)
    expect(grid).toEqual({ status: 404, body: { code: 'not_found', message: 'no grid with code 231281001001999' } })
  })

  it('scopes every figure to one grid: the cases filed in it, the cameras standing in it, its own patrol visit', async () => {
    const [g] = await city.db.query<{ code: string }>(`
      SELECT g.code FROM grids g JOIN cases c ON c.grid_id = g.id WHERE g.valid_to IS NULL AND c.state <> 'closed'
      GROUP BY g.code ORDER BY count(*) DESC, g.code LIMIT 1`)
    const code = g!.code
    const k = await kpis(`?region=${code}`)
    const now = clock.now()
    const inGrid = 'grid_id IN (SELECT id FROM grids WHERE code = $1)'
    expect(k.region).toBe(code)
    const periods = beijingPeriods(now)
    for (const [name, [from, to]] of [['today', periods.day], ['month', periods.month], ['year', periods.year]] as const) {
      const found = await count(`SELECT count(*) AS n FROM cases WHERE ${inGrid} AND category = 'dispute' AND reported_at >= $2 AND reported_at < $3`, [code, from, to])
      const resolved = await count(`SELECT count(*) AS n FROM cases
        WHERE ${inGrid} AND category = 'dispute' AND reported_at >= $2 AND reported_at < $3 AND resolved`, [code, from, to])
      expect(k.disputes[name], name).toEqual({ found, resolved, rate: rate(resolved, found) })
    }
    const [yearFrom, yearTo] = periods.year
    const closed = await count(`SELECT count(*) AS n FROM cases WHERE ${inGrid} AND closed_at >= $2 AND closed_at < $3`, [code, yearFrom, yearTo])
    const onTime = await count(`SELECT count(*) AS n FROM cases WHERE ${inGrid} AND closed_at >= $2 AND closed_at < $3 AND escalations = 0`, [code, yearFrom, yearTo])
    expect(k.onTimeRate).toBe(rate(onTime, closed))
    expect(k.open).toBe(await count(`SELECT count(*) AS n FROM cases WHERE ${inGrid} AND state <> 'closed'`, [code]))
    expect(k.open).toBeGreaterThan(0)
    expect(k.overdue).toBe(await count(`SELECT count(*) AS n FROM cases WHERE ${inGrid} AND state <> 'closed' AND due_at < $2`, [code, now]))
    for (const c of ['A', 'B', 'C'] as const) {
      expect(k.cameras[c], c).toEqual({
        online: await count(`SELECT count(*) AS n FROM cameras c, grids g
          WHERE g.code = $1 AND g.valid_to IS NULL AND ST_Covers(g.geom, c.geom) AND c.class = $2 AND c.state = 'online'`, [code, c]),
        total: await count(`SELECT count(*) AS n FROM cameras c, grids g
          WHERE g.code = $1 AND g.valid_to IS NULL AND ST_Covers(g.geom, c.geom) AND c.class = $2`, [code, c]),
      })
    }
    expect(k.patrol).toEqual({
      hours: 4, grids: 1,
      visited: await count('SELECT count(*) AS n FROM grid_patrol_visits WHERE grid_code = $1 AND last_at >= $2', [code, new Date(now.getTime() - 4 * HOUR)]),
    })
    const days = await city.db.query<{ day: string; found: number }>(`
      SELECT to_char((reported_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD') AS day, count(*)::int AS found
      FROM cases WHERE ${inGrid} AND category = 'dispute' AND reported_at >= $2 GROUP BY 1`, [code, new Date(`${k.trend[0]!.day}T00:00:00+08:00`)])
    expect(k.trend.filter((d) => d.found > 0).map((d) => [d.day, d.found])).toEqual(days.sort((a, b) => a.day.localeCompare(b.day)).map((d) => [d.day, d.found]))
    const township = await kpis(`?region=${code.slice(0, 9)}000`)
    expect(k.open).toBeLessThanOrEqual(township.open)
  })
})
