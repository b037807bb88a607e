import { afterEach, describe, expect, it } from 'vitest'
import { ApiErrorBody, AreaProfile, type CaseSummary, type Change, type GridPost, type MediationBody } from '../../contract'
import { manualClock } from '../../server/src/clock'
import { closeWatchers, until, watch } from '../support/live'
import { SEEDED_AT } from '../support/seededCity'
import { as, call } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

const HOUR = 3_600_000
const MINUTE = 60_000
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
const city = servedCity({ clock })
afterEach(closeWatchers)

const X = '231281001001001'
const Y = '231281001001002'
const STREET = '231281001000'

const get = (path: string) => call(city.server.url + path, 'GET', undefined, as.dutyLeader)
const post = (path: string, body: unknown, who: Record<string, string> = as.dutyLeader) => call(city.server.url + path, 'POST', body, who)
const rows = <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) => city.db.query<R>(sql, params)
const iso = (t: Date | null) => t && t.toISOString()
const report = async (grid: string, kind = 'neighbour') => (await post('/api/v1/cases', {
  category: 'dispute', kind, source: 'grid_worker', location: await pointInGrid(city.db, grid), description: '邻里纠纷',
})).body as CaseSummary

async function profile(path: string): Promise<AreaProfile> {
  const { status, body } = await get(`/api/v1/areas/${path}`)
  expect(status, JSON.stringify(body)).toBe(200)
  return AreaProfile.parse(body)
}

/** The posts a grid's counts give, leader first: what grid_worker_roster should hold for it. */
const postsOf = (grid: string, leaders: number, fulltime: number, parttime: number): GridPost[] =>
  ([['leader', 'L', leaders], ['fulltime', 'F', fulltime], ['parttime', 'P', parttime]] as const).flatMap(([role, letter, n]) =>
    Array.from({ length: n }, (_, i) => ({ code: `${grid}-${letter}${i + 1}`, gridCode: grid, role })))

/** The cameras the store says stand in an area or look into it, with whether they stand in it. */
const camerasSeeing = (geomSql: string, code: string) => rows<{ id: number; code: string; class: string; state: string; inside: boolean; location: [number, number] }>(`
  WITH a AS (${geomSql})
  SELECT c.id, c.code, c.class, c.state, ST_Covers(a.geom, c.geom) AS inside,
         json_build_array(round(ST_X(c.geom)::numeric, 6), round(ST_Y(c.geom)::numeric, 6)) AS location
  FROM cameras c, a WHERE ST_Covers(a.geom, c.geom) OR ST_Intersects(c.view_geom, a.geom) ORDER BY c.id`, [code])

/** Units whose latest fix lies in the grids, and units with a fix in them in the window, as the store has them. */
async function patrolsIn(grids: string[], hours: number) {
  const now = clock.now()
  const inside = await rows<{ unitId: number; code: string; kind: string; at: Date }>(`
    SELECT u.id AS "unitId", u.code, u.kind, l.at FROM patrol_units u
    JOIN LATERAL (SELECT at, grid_code FROM patrol_fixes WHERE unit_id = u.id ORDER BY at DESC, id DESC LIMIT 1) l ON true
    WHERE l.grid_code = ANY ($1) ORDER BY u.code`, [grids])
  const recent = await rows<{ unitId: number; code: string; kind: string; at: Date }>(`
    SELECT u.id AS "unitId", u.code, u.kind, max(f.at) AS at FROM patrol_fixes f JOIN patrol_units u ON u.id = f.unit_id
    WHERE f.grid_code = ANY ($1) AND f.at >= $2 AND f.at <= $3 GROUP BY u.id ORDER BY u.code`, [grids, new Date(now.getTime() - hours * HOUR), now])
  const asJson = (r: { at: Date }) => ({ ...r, at: r.at.toISOString() })
  return { hours, inside: inside.map(asJson), recent: recent.map(asJson) }
}

/** How many specialised committees the list of an area's mediation bodies holds: those the profile counts. */
async function specialisedServing(area: string): Promise<number> {
  const { status, body } = await get(`/api/v1/mediation-bodies?area=${area}`)
  expect(status).toBe(200)
  const n = (body as MediationBody[]).filter((b) => b.kind === 'specialised').length
  expect(n).toBeGreaterThan(0)
  return n
}

const stateCounts = (cams: { state: string }[]) => ({
  online: cams.filter((c) => c.state === 'online').length,
  offline: cams.filter((c) => c.state === 'offline').length,
  faulty: cams.filter((c) => c.state === 'faulty').length,
})

describe('GET /api/v1/areas/grid/:code', () => {
  it('gives a grid: its shape, community and township, who is responsible, its cameras and patrols, as the store has them', async () => {
    // One unit arrives in the grid now; another walked through it half an hour ago and is in the next grid now.
    const [arriving, passing] = await rows<{ id: number }>('SELECT id FROM patrol_units ORDER BY id LIMIT 2')
    const now = clock.now()
    expect((await post(`/api/v1/patrols/${arriving!.id}/fixes`, { fixes: [{ at: now.toISOString(), location: await pointInGrid(city.db, X) }] })).status).toBe(202)
    expect((await post(`/api/v1/patrols/${passing!.id}/fixes`, { fixes: [
      { at: new Date(now.getTime() - 30 * MINUTE).toISOString(), location: await pointInGrid(city.db, X) },
      { at: now.toISOString(), location: await pointInGrid(city.db, Y) },
    ] })).status).toBe(202)

    const p = await profile(`grid/${X}`)
    type GridRow = {
      name: string; kind: string; households: number; leaders: number; fulltime: number; parttime: number; comCode: string
      comName: string; tCode: string; tName: string; tKind: string; bbox: number[]; geometry: unknown; lastAt: Date | null
    }
    const [g] = await rows<GridRow>(`
      SELECT g.name, g.kind, g.households, g.leaders, g.fulltime_workers AS fulltime, g.parttime_workers AS parttime,
             com.code AS "comCode", com.name AS "comName", t.code AS "tCode", t.name AS "tName", t.kind AS "tKind",
             json_build_array(round(ST_XMin(g.geom)::numeric, 6), round(ST_YMin(g.geom)::numeric, 6),
                              round(ST_XMax(g.geom)::numeric, 6), round(ST_YMax(g.geom)::numeric, 6)) AS bbox,
             ST_AsGeoJSON(g.geom, 6)::json AS geometry, v.last_at AS "lastAt"
      FROM grids g JOIN regions com ON com.id = g.community_id JOIN regions t ON t.id = com.parent_id
      LEFT JOIN grid_patrol_visits v ON v.grid_code = g.code
      WHERE g.code = $1 AND g.valid_to IS NULL`, [X])
    const cameras = await camerasSeeing('SELECT geom FROM grids WHERE code = $1 AND valid_to IS NULL', X)
    const patrols = await patrolsIn([X], 4)
    expect(p).toEqual({
      at: now.toISOString(), level: 'grid', code: X, name: g!.name, kind: g!.kind, bbox: g!.bbox, geometry: g!.geometry,
      parents: [
        { code: g!.comCode, name: g!.comName, level: 'community', kind: 'community' },
        { code: g!.tCode, name: g!.tName, level: 'township', kind: g!.tKind },
        { code: '231281000000', name: '安达市', level: 'county', kind: 'city' },
      ],
      responsible: {
        households: g!.households, grids: 1, leaders: g!.leaders, fulltimeWorkers: g!.fulltime, parttimeWorkers: g!.parttime,
        mediationCommittee: `${g!.tName}${g!.comName}人民调解委员会`, specialisedCommittees: await specialisedServing(g!.comCode),
        roster: postsOf(X, g!.leaders, g!.fulltime, g!.parttime),
      },
      cover: { cameras, cameraStates: stateCounts(cameras), patrols, lastWalkedAt: now.toISOString() },
    })
    expect(p.parents.map((r) => r.code)).toEqual([X.slice(0, 12), STREET, '231281000000'])
    expect(iso(g!.lastAt)).toBe(now.toISOString())
    // Both kinds of camera are there: standing in the grid, and outside with a view reaching in.
    expect(cameras.some((c) => c.inside) && cameras.some((c) => !c.inside)).toBe(true)
    expect(p.cover.patrols.inside.map((u) => u.unitId)).toContain(arriving!.id)
    expect(p.cover.patrols.inside.map((u) => u.unitId)).not.toContain(passing!.id)
    expect(p.cover.patrols.recent.find((u) => u.unitId === passing!.id)?.at).toBe(new Date(now.getTime() - 30 * MINUTE).toISOString())
    expect(JSON.stringify(p)).not.toMatch(/call_sign|巡\d/)
  })

  it('reaches back as many hours as asked for the patrols that were in it', async () => {
    const p = await profile(`grid/${X}?patrolHours=1`)
    expect(p.cover.patrols).toEqual(await patrolsIn([X], 1))
    expect(p.cover.patrols.recent.length).toBeLessThanOrEqual((await profile(`grid/${X}?patrolHours=24`)).cover.patrols.recent.length)
  })
})

describe('GET /api/v1/areas/township/:code', () => {
  it('sums a township’s grids and posts, names its committee and city, and sees every camera in or into it', async () => {
    const p = await profile(`township/${STREET}`)
    const [t] = await rows<{ name: string; kind: string; households: number; cityCode: string; cityName: string; bbox: number[]; geometry: unknown }>(`
      SELECT t.name, t.kind, t.households, city.code AS "cityCode", city.name AS "cityName",
             json_build_array(round(ST_XMin(t.geom)::numeric, 6), round(ST_YMin(t.geom)::numeric, 6),
                              round(ST_XMax(t.geom)::numeric, 6), round(ST_YMax(t.geom)::numeric, 6)) AS bbox,
             ST_AsGeoJSON(t.geom, 6)::json AS geometry
      FROM regions t JOIN regions city ON city.id = t.parent_id
      WHERE t.code = $1`, [STREET])
    const grids = await rows<{ code: string; leaders: number; fulltime: number; parttime: number }>(`
      SELECT g.code, g.leaders, g.fulltime_workers AS fulltime, g.parttime_workers AS parttime
      FROM grids g JOIN regions com ON com.id = g.community_id JOIN regions t ON t.id = com.parent_id
      WHERE t.code = $1 AND g.valid_to IS NULL ORDER BY g.code`, [STREET])
    const sum = (k: 'leaders' | 'fulltime' | 'parttime') => grids.reduce((s, g) => s + g[k], 0)
    const cameras = await camerasSeeing(`SELECT geom FROM regions WHERE code = $1`, STREET)
    const [walked] = await rows<{ at: Date }>('SELECT max(last_at) AS at FROM grid_patrol_visits WHERE grid_code = ANY ($1)', [grids.map((g) => g.code)])
    expect(p).toEqual({
      at: clock.now().toISOString(), level: 'township', code: STREET, name: t!.name, kind: 'street', bbox: t!.bbox, geometry: t!.geometry,
      parents: [{ code: t!.cityCode, name: t!.cityName, level: 'county', kind: 'city' }],
      responsible: {
        households: t!.households, grids: grids.length, leaders: sum('leaders'), fulltimeWorkers: sum('fulltime'), parttimeWorkers: sum('parttime'),
        mediationCommittee: `${t!.name}人民调解委员会`, specialisedCommittees: await specialisedServing(STREET),
        roster: grids.flatMap((g) => postsOf(g.code, g.leaders, g.fulltime, g.parttime)),
      },
      cover: {
        cameras, cameraStates: stateCounts(cameras), patrols: await patrolsIn(grids.map((g) => g.code), 4), lastWalkedAt: iso(walked!.at),
      },
    })
    expect(t!.name).toBe('新兴街道')
    expect(p.geometry.type).toBe('MultiPolygon')
    // The box holds the township's grids: a point in one of its grids lies inside it.
    const [west, south, east, north] = p.bbox
    const [lon, lat] = await pointInGrid(city.db, X)
    expect(west! < lon && lon < east! && south! < lat && lat < north!).toBe(true)
    expect(grids.length).toBeGreaterThan(50)
  })

  it('names the committee the store holds for the township, and none when it holds none', async () => {
    const [body] = await rows<{ id: number; name: string }>(`
      SELECT b.id, b.name FROM mediation_bodies b JOIN regions t ON t.id = b.region_id WHERE t.code = $1 AND b.kind = 'township'`, [STREET])
    try {
      await rows('UPDATE mediation_bodies SET name = $2 WHERE id = $1', [body!.id, '测试·新兴街道联合人民调解委员会'])
      expect((await profile(`township/${STREET}`)).responsible.mediationCommittee).toBe('测试·新兴街道联合人民调解委员会')
      // A committee for the whole city only is not the township's own.
      await rows(`UPDATE mediation_bodies SET region_id = (SELECT parent_id FROM regions WHERE code = $2) WHERE id = $1`, [body!.id, STREET])
      expect((await profile(`township/${STREET}`)).responsible.mediationCommittee).toBeNull()
    } finally {
      await rows(`UPDATE mediation_bodies SET name = $2, region_id = (SELECT id FROM regions WHERE code = $3) WHERE id = $1`, [body!.id, body!.name, STREET])
    }
  })
})

describe('an area’s bad requests', () => {
  it('names the field and the reason of a bad level, code or window', async () => {
    for (const [path, issue] of [
      ['village/231281001001', { field: 'level', reason: 'must be province, prefecture, county, township or grid' }],
      [`grid/${STREET}`, { field: 'code', reason: 'must be a 15-digit grid code' }],
      [`township/${X}`, { field: 'code', reason: 'must be a 12-digit region code' }],
      [`grid/${X}?patrolHours=0`, { field: 'patrolHours', reason: 'must be at least 1' }],
      [`grid/${X}?patrolHours=25`, { field: 'patrolHours', reason: 'must be at most 24' }],
      [`grid/${X}?colour=red`, { field: 'colour', reason: 'is not a known parameter' }],
    ] as const) {
      const { status, body } = await get(`/api/v1/areas/${path}`)
      expect(status, path).toBe(400)
      expect(ApiErrorBody.parse(body).issues, path).toEqual([issue])
    }
  })

  it('answers an unknown grid or township with a 404 naming it; a community is not a township', async () => {
    for (const [path, message] of [
      ['grid/231281001001999', 'no grid with code 231281001001999'],
      ['township/231281999000', 'no township with code 231281999000'],
      [`township/${X.slice(0, 12)}`, `no township with code ${X.slice(0, 12)}`],
    ] as const) {
      const { status, body } = await get(`/api/v1/areas/${path}`)
      expect(status, path).toBe(404)
      expect(body).toEqual({ code: 'not_found', message })
    }
  })
})

describe('grid_worker_roster', () => {
  it('has one post a grid leader, full-time and part-time worker of every current grid, as call signs', async () => {
    const mismatched = await rows(`
      SELECT g.code FROM grids g
      LEFT JOIN (SELECT grid_code, count(*) FILTER (WHERE role = 'leader') AS l, count(*) FILTER (WHERE role = 'fulltime') AS f,
                        count(*) FILTER (WHERE role = 'parttime') AS p
                 FROM grid_worker_roster GROUP BY grid_code) r ON r.grid_code = g.code
      WHERE g.valid_to IS NULL AND (coalesce(r.l, 0), coalesce(r.f, 0), coalesce(r.p, 0)) <> (g.leaders, g.fulltime_workers, g.parttime_workers)`)
    expect(mismatched).toEqual([])
    const [all] = await rows<{ n: number; distinct: number; wellFormed: number }>(`
      SELECT count(*) AS n, count(DISTINCT code) AS distinct,
             count(*) FILTER (WHERE code ~ ('^' || grid_code || '-[LFP][1-9][0-9]*$')) AS "wellFormed" FROM grid_worker_roster`)
    // Anda's 1,011 grid leaders, 999 full-time and 1,219 part-time grid workers.
    expect(all).toEqual({ n: 1011 + 999 + 1219, distinct: 1011 + 999 + 1219, wellFormed: 1011 + 999 + 1219 })
  })
})

describe('an area’s cases', () => {
  type Row = { id: number; state: string; kind: string; reported_at: Date; due_at: Date | null; closed_at: Date | null }
  /** Open first: overdue ones most overdue first, then the oldest; closed ones after, newest closed first. */
  const ordered = (cases: Row[], now: Date) => {
    const key = (c: Row): number[] => {
      if (c.state === 'closed') return [2, -c.closed_at!.getTime(), 0]
      return c.due_at! < now ? [0, c.due_at!.getTime(), c.reported_at.getTime()] : [1, c.reported_at.getTime(), 0]
    }
    const byKey = (a: Row, b: Row) => key(a).reduce((d, k, i) => d || k - key(b)[i]!, 0) || b.id - a.id
    return [...cases].sort(byKey).map((c) => c.id)
  }
  const inStreet = `SELECT c.id, c.state, c.kind, c.reported_at, c.due_at, c.closed_at FROM cases c JOIN regions t ON t.id = c.township_id WHERE t.code = $1`
  const list = async (query: string) => {
    const { status, body } = await get(`/api/v1/cases?${query}`)
    expect(status, JSON.stringify(body)).toBe(200)
    return (body as CaseSummary[]).map((c) => c.id)
  }

  it('lists the open ones and those closed in the last days, in the order a duty leader reads them', async () => {
    // Two reports let run past the grid's three days, one just in.
    await report(X)
    await report(Y, 'land')
    clock.advance(80 * HOUR)
    await report(X, 'land')
    const now = clock.now()
    const since = new Date(now.getTime() - 30 * 24 * HOUR)
    const expected = await rows<Row>(`${inStreet} AND (c.state <> 'closed' OR c.closed_at >= $2)`, [STREET, since])
    const open = expected.filter((c) => c.state !== 'closed')
    expect([expected.length > open.length, open.some((c) => c.due_at! < now), open.some((c) => c.due_at! >= now)]).toEqual([true, true, true])
    expect(await list(`region=${STREET}&closedDays=30&limit=1000`)).toEqual(ordered(expected, now))
    const land = expected.filter((c) => c.kind === 'land')
    expect(land.length).toBeGreaterThan(0)
    expect(await list(`region=${STREET}&closedDays=30&kind=land&limit=1000`)).toEqual(ordered(land, now))
  })

  it('still lists every closed case when no window is asked for', async () => {
    const all = await rows<Row>(`${inStreet} AND c.grid_id IN (SELECT id FROM grids WHERE code = $2)`, [STREET, X])
    expect(await list(`grid=${X}&limit=1000`)).toEqual(ordered(all, clock.now()))
  })

  it('names a bad kind or window', async () => {
    for (const [query, issue] of [
      ['kind=noise', { field: 'kind', reason: 'must be one of family, neighbour, labour, property_mgmt, land, traffic, financial, petition, fire, building, gas, electric, road, flood' }],
      ['closedDays=0', { field: 'closedDays', reason: 'must be at least 1' }],
      ['closedDays=91', { field: 'closedDays', reason: 'must be at most 90' }],
    ] as const) {
      const { status, body } = await get(`/api/v1/cases?${query}`)
      expect(status, query).toBe(400)
      expect(ApiErrorBody.parse(body)).toMatchObject({ code: 'invalid_query', issues: [issue] })
    }
  })
})

describe('a grid’s room', () => {
  const casesOf = (received: Change[]) => received.flatMap((c) => (c.entity === 'case' ? [c] : []))

  it('hears of a case reported in its grid and of the step taken on it, and of no case in another grid', async () => {
    const inX = watch(city.server.url, [`grid:${X}`])
    const inY = watch(city.server.url, [`grid:${Y}`])
    await Promise.all([inX.hello, inY.hello])
    const here = await report(X)
    expect((await post(`/api/v1/cases/${here.id}/steps`, { step: 'verify', expectedVersion: 1 })).status).toBe(200)
    const there = await report(Y)
    await until(() => casesOf(inY.received).length > 0, 'the case in the other grid')
    await until(() => casesOf(inX.received).length === 2, 'the case and its step')
    await city.server.hub.flush()
    await Promise.all([inX.synced(), inY.synced()])
    expect(casesOf(inX.received).map((c) => [c.op, c.data.id, c.data.state, c.data.version])).toEqual([
      ['insert', here.id, 'collected', 1], ['update', here.id, 'verified', 2],
    ])
    expect(casesOf(inY.received).map((c) => c.data.id)).toEqual([there.id])
  })

  it('hears of a camera standing in its grid, and a grid that camera does not stand in does not', async () => {
    const [cam] = await rows<{ id: number }>(`
      SELECT c.id FROM cameras c JOIN grids g ON g.valid_to IS NULL AND ST_Covers(g.geom, c.geom) AND g.code = $1
      WHERE c.state = 'online' ORDER BY c.id LIMIT 1`, [X])
    const inX = watch(city.server.url, [`grid:${X}`])
    const inY = watch(city.server.url, [`grid:${Y}`])
    await Promise.all([inX.hello, inY.hello])
    expect((await post(`/api/v1/cameras/${cam!.id}/state`, { state: 'faulty' })).status).toBe(200)
    await until(() => inX.received.some((c) => c.entity === 'camera'), 'the camera change')
    await city.server.hub.flush()
    await inY.synced()
    expect(inX.received.find((c) => c.entity === 'camera')).toMatchObject({ data: { id: cam!.id, state: 'faulty', gridCode: X } })
    expect(inY.received.filter((c) => c.entity === 'camera')).toEqual([])
  })

  it('hears a patrol arrive and leave, and a client in both grids hears the crossing once', async () => {
    // A unit last seen in neither grid, so that only its arrival and its crossing reach their rooms.
    const [unit] = await rows<{ id: number; prior: string }>(`
      SELECT u.id, l.grid_code AS prior FROM patrol_units u
      JOIN LATERAL (SELECT grid_code FROM patrol_fixes WHERE unit_id = u.id ORDER BY at DESC, id DESC LIMIT 1) l ON true
      WHERE l.grid_code NOT IN ($1, $2) ORDER BY u.id DESC LIMIT 1`, [X, Y])
    const inX = watch(city.server.url, [`grid:${X}`])
    const inY = watch(city.server.url, [`grid:${Y}`])
    const inBoth = watch(city.server.url, [`grid:${X}`, `grid:${Y}`])
    await Promise.all([inX.hello, inY.hello, inBoth.hello])
    const fix = async (grid: string, minutes: number) => {
      const at = new Date(clock.now().getTime() + minutes * MINUTE).toISOString()
      expect((await post(`/api/v1/patrols/${unit!.id}/fixes`, { fixes: [{ at, location: await pointInGrid(city.db, grid) }] })).status).toBe(202)
    }
    await fix(X, 1)
    await until(() => inX.received.some((c) => c.entity === 'patrol'), 'the unit arriving')
    await fix(Y, 2)
    const patrols = (r: Change[]) => r.flatMap((c) => (c.entity === 'patrol' ? [[c.data.gridCode, c.data.leftGridCode]] : []))
    await until(() => patrols(inX.received).length === 2 && patrols(inY.received).length === 1 && patrols(inBoth.received).length === 2, 'the unit crossing')
    await city.server.hub.flush()
    await Promise.all([inX.synced(), inY.synced(), inBoth.synced()])
    expect(patrols(inX.received)).toEqual([[X, unit!.prior], [Y, X]])
    expect(patrols(inY.received)).toEqual([[Y, X]])
    expect(patrols(inBoth.received)).toEqual(patrols(inX.received))
  })
})
