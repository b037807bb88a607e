import { afterEach, describe, expect, it } from 'vitest'
import { type Change, LiveSnapshot, type PatrolFixes, TRAIL } from '../../contract'
import { manualClock } from '../../server/src/clock'
import { deviceCommands } from '../../server/src/commands/devices'
import { identityOf } from '../../server/src/commands/identity'
import type { Db } from '../../server/src/db/Db'
import { pgDb } from '../../server/src/db/pgDb'
import { committer } from '../../server/src/live/commit'
import { createLogger } from '../../server/src/log'
import { closeWatchers, until, watch } from '../support/live'
import { SEEDED_AT } from '../support/seededCity'
import { as, call } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'
import { engine } from '../support/testDb'

/** The simulator's identity, for commands called without the HTTP layer. */
const CITY_SERVICE = identityOf({ id: 0, login: 'simulator', displayName: '模拟流量', role: 'service', scopeRegion: '231281000000', scopeDepartment: null, storeRoot: '231281000000' })

const MINUTE = 60_000
// Ten minutes after the seed: the seeded six hours of patrol history lie just behind "now".
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + 10 * MINUTE))
const city = servedCity({ clock })
afterEach(closeWatchers)

async function snapshot(): Promise<LiveSnapshot> {
  const res = await call(`${city.server.url}/api/v1/live/snapshot`, 'GET', undefined, as.dutyLeader)
  expect(res.status).toBe(200)
  return LiveSnapshot.parse(res.body)
}

/** A vertex two current grids share, and their codes, lower first. */
async function sharedEdgePoint() {
  const [edge] = await city.db.query<{ lon: number; lat: number; low: string; high: string }>(`
    SELECT ST_X(d.geom) AS lon, ST_Y(d.geom) AS lat, c.low, c.high
    FROM grids a, LATERAL ST_DumpPoints(a.geom) d,
         LATERAL (SELECT count(*) AS n, min(g.code) AS low, max(g.code) AS high FROM grids g
                  WHERE g.valid_to IS NULL AND ST_Covers(g.geom, d.geom)) c
    WHERE a.valid_to IS NULL AND c.n = 2
    LIMIT 1`)
  return edge!
}

const coverOf = async (gridCode: string) => (await snapshot()).covers.find((c) => c.gridCode === gridCode)!

describe('what a camera sees', () => {
  it('is a wedge of the camera’s field of view and range, pointing where it looks', async () => {
    const [w] = await city.db.query<{ area: number; full: number; bearing: number; vertices: number }>(`
      SELECT ST_Area(v::geography) AS area, ST_Area(camera_view(p, 0, 360, 100)::geography) AS full,
             degrees(ST_Azimuth(p::geography, ST_Centroid(v)::geography)) AS bearing, ST_NPoints(v) AS vertices
      FROM (SELECT ST_SetSRID(ST_MakePoint(125.32, 46.4), 4326) AS p) x, LATERAL camera_view(p, 45, 90, 100) v`)
    // A fan of nine 10° chords falls 0.5 % short of the quarter disc.
    expect(w!.area / ((Math.PI * 100 ** 2) / 4)).toBeCloseTo(0.995, 2)
    expect(w!.full / (Math.PI * 100 ** 2)).toBeCloseTo(0.995, 2)
    expect(w!.bearing).toBeCloseTo(45, 0)
    expect(w!.vertices).toBe(12)
  })
})

describe('camera cover', () => {
  it('drops when a camera goes offline, reaches the grid’s room after the camera change, and comes back with it', async () => {
    // An online camera whose view lies inside one grid and overlaps no other camera's: it alone sees that piece.
    const [cam] = await city.db.query<{ id: number; grid: string; share: number }>(`
      SELECT c.id, g.code AS grid, ST_Area(c.view_geom::geography) / ST_Area(g.geom::geography) AS share
      FROM cameras c JOIN grids g ON g.valid_to IS NULL AND ST_Within(c.view_geom, g.geom)
      WHERE c.state = 'online' AND g.kind = 'urban'
        AND NOT EXISTS (SELECT 1 FROM cameras o WHERE o.id <> c.id AND ST_Intersects(o.view_geom, c.view_geom))
      ORDER BY c.id LIMIT 1`)
    const before = await coverOf(cam!.grid)
    const inGrid = watch(city.server.url, [`grid:${cam!.grid}`])
    const covers = () => inGrid.received.filter((c): c is Extract<Change, { entity: 'cover' }> => c.entity === 'cover')
    await inGrid.hello
    const setState = (state: string) => call(`${city.server.url}/api/v1/cameras/${cam!.id}/state`, 'POST', { state }, as.dutyLeader)

    expect((await setState('offline')).status).toBe(200)
    await until(() => covers().length > 0, 'the cover change')
    const [dropped] = covers()
    // The camera stands in the grid, so its room hears of the camera too, just before the cover.
    expect(inGrid.received.map((c) => c.entity)).toEqual(['camera', 'cover'])
    expect(dropped).toMatchObject({ entity: 'cover', op: 'update', data: { gridCode: cam!.grid, online: before.online - 1, cameras: before.cameras } })
    expect(dropped!.data.workingShare).toBeCloseTo(before.workingShare - cam!.share, 3)
    expect(dropped!.data.designedShare).toBe(before.designedShare)
    const [cameraChange] = await city.db.query<{ seq: number }>(
      `SELECT max(seq) AS seq FROM change_log WHERE entity = 'camera' AND entity_id = $1`, [String(cam!.id)])
    expect(dropped!.seq).toBeGreaterThan(cameraChange!.seq)
    expect(await coverOf(cam!.grid)).toEqual(dropped!.data)

    // Offline to faulty: the camera still sees nothing, so no cover moves.
    expect((await setState('faulty')).status).toBe(200)
    await city.server.hub.flush()
    await inGrid.synced()
    expect(inGrid.received.map((c) => c.entity)).toEqual(['camera', 'cover', 'camera'])
    expect(await coverOf(cam!.grid)).toEqual(dropped!.data)

    expect((await setState('online')).status).toBe(200)
    await until(() => covers().length > 1, 'the cover coming back')
    expect(covers()).toHaveLength(2)
    expect(covers()[1]!.data).toEqual(before)
    expect(await coverOf(cam!.grid)).toEqual(before)
  })

  it.runIf(engine === 'pg')('counts two cameras of one grid that go offline at once', async () => {
    const [pair] = await city.db.query<{ a: number; b: number; grid: string }>(`
      SELECT a.id AS a, b.id AS b, g.code AS grid
      FROM grids g
      JOIN cameras a ON a.state = 'online' AND ST_Within(a.view_geom, g.geom)
      JOIN cameras b ON b.state = 'online' AND b.id > a.id AND ST_Within(b.view_geom, g.geom)
      WHERE g.valid_to IS NULL
      ORDER BY g.code DESC, a.id, b.id LIMIT 1`)
    const before = await coverOf(pair!.grid)
    const [x, y] = [pgDb(city.db.url!, createLogger('silent'), 1), pgDb(city.db.url!, createLogger('silent'), 1)]
    let release!: () => void
    const mayCommit = new Promise<void>((r) => { release = r })
    let refreshed!: () => void
    const firstRefreshed = new Promise<void>((r) => { refreshed = r })
    // The first change has refreshed the grid's cover but not committed when the second starts.
    const held: Db = { ...x, transaction: (fn) => x.transaction(async (tx) => {
      const result = await fn(tx)
      refreshed()
      await mayCommit
      return result
    }) }
    const offline = (db: Db, id: number) => deviceCommands({ db, commit: committer(db, clock, () => {}) }).cameraState(id, { state: 'offline' }, CITY_SERVICE)
    try {
      const first = offline(held, pair!.a)
      await firstRefreshed
      const second = offline(y, pair!.b)
      // Let the first commit only once the second waits for the grid's row.
      const waiting = async () => (await city.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0]!.n
      await until(async () => (await waiting()) > 0, 'the second change to wait for the grid’s row')
      release()
      await Promise.all([first, second])
    } finally {
      await Promise.all([x.close(), y.close()])
    }
    expect(await coverOf(pair!.grid)).toMatchObject({ online: before.online - 2 })
  })

  it('is known for every current grid: as built and working, as shares of the grid, most town grids seen', async () => {
    const { covers } = await snapshot()
    const grids = await city.db.query<{ code: string; kind: string; township: string }>(`
      SELECT g.code, g.kind, t.code AS township FROM grids g JOIN regions c ON c.id = g.community_id JOIN regions t ON t.id = c.parent_id
      WHERE g.valid_to IS NULL ORDER BY g.code`)
    expect(covers.map((c) => [c.gridCode, c.townshipCode])).toEqual(grids.map((g) => [g.code, g.township]))
    for (const c of covers) {
      expect(c.workingShare).toBeGreaterThanOrEqual(0)
      expect(c.workingShare).toBeLessThanOrEqual(c.designedShare)
      expect(c.designedShare).toBeLessThanOrEqual(1)
      expect(c.online).toBeLessThanOrEqual(c.cameras)
    }
    const urban = new Set(grids.filter((g) => g.kind === 'urban').map((g) => g.code))
    const town = covers.filter((c) => urban.has(c.gridCode))
    expect(town.filter((c) => c.designedShare > 0).length / town.length).toBeGreaterThan(0.9)
    // Some cameras are down (a cut fibre took a block off line): somewhere less works than was built.
    expect(covers.some((c) => c.workingShare < c.designedShare)).toBe(true)
  })
})

describe('patrol fixes and visits', () => {
  const post = (unit: number, fixes: { at: string; location: [number, number] }[]) =>
    call(`${city.server.url}/api/v1/patrols/${unit}/fixes`, 'POST', { fixes }, as.simulator)
  const visitOf = async (grid: string) => (await snapshot()).visits.find((v) => v.gridCode === grid)?.lastAt

  it('gives each fix the grid it lies in and moves that grid’s last visit, never back', async () => {
    const grid = '231281001001001'
    const inside = await pointInGrid(city.db, grid)
    const at = new Date(clock.now().getTime() - MINUTE).toISOString()
    const outside: [number, number] = [126.5, 46.4]
    const res = await post(3, [{ at, location: inside }, { at, location: outside }])
    expect(res.status).toBe(202)
    expect((res.body as PatrolFixes).fixes.map((f) => f.gridCode)).toEqual([grid, null])
    expect(await visitOf(grid)).toBe(at)

    const [logged] = await city.db.query<{ payload: PatrolFixes }>(
      `SELECT payload FROM change_log WHERE entity = 'patrol' AND entity_id = '3' ORDER BY id DESC LIMIT 1`)
    expect(logged!.payload.fixes.map((f) => f.gridCode)).toEqual([grid, null])

    // A late batch of older fixes does not move the visit back.
    await post(3, [{ at: new Date(clock.now().getTime() - 30 * MINUTE).toISOString(), location: inside }])
    expect(await visitOf(grid)).toBe(at)
  })

  it('counts a fix on the edge two grids share in the lower-coded grid, as the grid lookup does', async () => {
    const edge = await sharedEdgePoint()
    const at = clock.now().toISOString()
    const res = await post(4, [{ at, location: [edge.lon, edge.lat] }])
    expect((res.body as PatrolFixes).fixes[0]!.gridCode).toBe(edge.low)
    expect(await visitOf(edge.low)).toBe(at)
    expect(await visitOf(edge.high)).not.toBe(at)
  })

  it('starts a screen with each unit’s trail: at most one fix a sample step over the trail hours, oldest first, ending at its latest', async () => {
    const { patrols, visits } = await snapshot()
    const latest = await city.db.query<{ unit: number; at: Date }>('SELECT unit_id AS unit, max(at) AS at FROM patrol_fixes GROUP BY unit_id ORDER BY unit_id')
    expect(patrols.map((p) => p.unitId)).toEqual(latest.map((l) => l.unit))
    const most = (TRAIL.hours * 3600) / TRAIL.sampleSeconds + 1
    const since = clock.now().getTime() - TRAIL.hours * 3_600_000
    for (const [i, p] of patrols.entries()) {
      const times = p.fixes.map((f) => Date.parse(f.at))
      expect(p.fixes.length).toBeLessThanOrEqual(most)
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(times.at(-1)).toBe(latest[i]!.at.getTime())
      expect(times.slice(0, -1).every((t) => t > since)).toBe(true)
    }
    // The seeded history fills the trails: a fix a minute from the seed, ten minutes ago, back to the trail's start.
    expect(patrols.filter((p) => p.fixes.length >= 100).length).toBeGreaterThan(90)
    expect(patrols.flatMap((p) => p.fixes).every((f) => f.gridCode === null || /^\d{15}$/.test(f.gridCode))).toBe(true)
    // And the grids the patrols walked through in the six hours before the seed.
    const seeded = new Date(SEEDED_AT).getTime()
    expect(visits.length).toBeGreaterThan(500)
    expect(visits.filter((v) => Date.parse(v.lastAt) <= seeded).every((v) => Date.parse(v.lastAt) >= seeded - 6 * 3_600_000)).toBe(true)
  })
})

describe('many units’ fixes in one request, as a device gateway sends them', () => {
  const postMany = (units: { unitId: number; fixes: { at: string; location: [number, number] }[] }[], who = as.simulator) =>
    call(`${city.server.url}/api/v1/patrols/fixes`, 'POST', { units }, who)
  const gridsOf = async (unit: number, at: string) =>
    (await city.db.query<{ grid: string | null }>('SELECT grid_code AS grid FROM patrol_fixes WHERE unit_id = $1 AND at = $2 ORDER BY ST_X(geom)', [unit, at])).map((r) => r.grid)

  it('finds each fix’s grid as one unit’s batch does (a point on a shared edge goes to the lower code even when the unit was in the other grid) and streams the batch as one change, each grid’s room hearing its units', async () => {
    const edge = await sharedEdgePoint()
    const inHigh = await pointInGrid(city.db, edge.high)
    // A grid the edge's units never touch, so its room hears unit 8 alone.
    const grid = ['231281001001001', '231281001001002', '231281001001003'].find((g) => g !== edge.low && g !== edge.high)!
    const inside = await pointInGrid(city.db, grid)
    const first = new Date(clock.now().getTime() - 2 * MINUTE).toISOString()
    const then = new Date(clock.now().getTime() - MINUTE).toISOString()
    expect((await postMany([{ unitId: 7, fixes: [{ at: first, location: inHigh }] }, { unitId: 8, fixes: [{ at: first, location: inside }] }])).body).toEqual({ units: 2, fixes: 2 })
    // That batch is broadcast before the room is watched: the room hears the next one alone.
    await city.server.hub.flush()

    const room = watch(city.server.url, [`grid:${grid}`])
    await room.hello
    const res = await postMany([
      { unitId: 7, fixes: [{ at: then, location: [edge.lon, edge.lat] }, { at: then, location: [126.5, 46.4] }] },
      { unitId: 8, fixes: [{ at: then, location: inside }] },
    ])
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ units: 2, fixes: 3 })
    expect(await gridsOf(7, then)).toEqual([edge.low, null])
    expect(await gridsOf(8, then)).toEqual([grid])
    await city.server.hub.flush()
    await room.synced()
    // One change for the batch; this grid's room hears of unit 8 alone, and the city of both.
    const patrols = room.received.filter((c): c is Extract<Change, { entity: 'patrols' }> => c.entity === 'patrols')
    expect(patrols.map((c) => c.data.units.map((u) => [u.unitId, u.gridCode, u.fixes.length]))).toEqual([[[8, grid, 1]]])
    const [logged] = await city.db.query<{ units: number[] }>(
      `SELECT ARRAY(SELECT (u->>'unitId')::int FROM jsonb_array_elements(payload->'units') u) AS units FROM change_log WHERE entity = 'patrols' ORDER BY id DESC LIMIT 1`)
    expect(logged!.units).toEqual([7, 8])
  })

  it('stores every fix and streams of each grid and trail step only the latest: where the unit is, and its last time in each grid', async () => {
    const [a, b] = ['231281001001001', '231281001001002']
    const [inA, inB] = [await pointInGrid(city.db, a), await pointInGrid(city.db, b)]
    const step = TRAIL.stepSeconds * 1000
    // A step's window starts at a multiple of the step; off the whole second, so no earlier fix of the unit's shares a time.
    const base = Math.floor((clock.now().getTime() - 10 * MINUTE) / step) * step + 123
    const fix = (seconds: number, location: [number, number]) => ({ at: new Date(base + seconds * 1000).toISOString(), location })
    const [unit] = await city.db.query<{ township: string }>('SELECT township_code AS township FROM patrol_unit_public WHERE id = 9')
    const township = watch(city.server.url, [`township:${unit!.township}`])
    await township.hello
    const sent = [fix(0, inA), fix(10, inA), fix(20, inA), fix(29, inA), fix(30, inA), fix(45, inA), fix(50, inB), fix(55, inB), fix(61, inB)]
    expect((await postMany([{ unitId: 9, fixes: sent }])).body).toEqual({ units: 1, fixes: 9 })
    const stored = await city.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patrol_fixes WHERE unit_id = 9 AND at = ANY($1::timestamptz[])', [sent.map((f) => f.at)])
    expect(stored[0]!.n).toBe(sent.length)
    await city.server.hub.flush()
    await township.synced()
    const [change] = township.received.flatMap((c) => (c.entity === 'patrols' ? c.data.units.filter((u) => u.unitId === 9) : []))
    expect(change!.fixes.map((f) => [(Date.parse(f.at) - base) / 1000, f.gridCode])).toEqual([[29, a], [45, a], [55, b], [61, b]])
    expect(change!.gridCode).toBe(b)
  })

  it('stores and streams a batch of over a thousand fixes (planned for its size, not prepared) as it does a small one', async () => {
    const grid = '231281001001003'
    const inside = await pointInGrid(city.db, grid)
    // The units' latest fixes, off the whole second so no seeded fix shares a time.
    const start = clock.now().getTime() - 400_000 + 457
    const units = [10, 11, 12].map((unitId) => ({
      unitId, fixes: Array.from({ length: 400 }, (_, k) => ({ at: new Date(start + k * 1000).toISOString(), location: inside })),
    }))
    const room = watch(city.server.url, [`grid:${grid}`])
    await room.hello
    expect((await postMany(units)).body).toEqual({ units: 3, fixes: 1200 })
    const stored = await city.db.query<{ unit: number; n: number; grids: string[] }>(
      `SELECT unit_id AS unit, count(*)::int AS n, array_agg(DISTINCT grid_code) AS grids FROM patrol_fixes
       WHERE unit_id = ANY($1::int[]) AND at = ANY($2::timestamptz[]) GROUP BY unit_id ORDER BY unit_id`,
      [[10, 11, 12], units[0]!.fixes.map((f) => f.at)])
    expect(stored).toEqual([10, 11, 12].map((unit) => ({ unit, n: 400, grids: [grid] })))
    await city.server.hub.flush()
    await room.synced()
    const heard = room.received.flatMap((c) => (c.entity === 'patrols' ? c.data.units : []))
    expect(heard.map((u) => [u.unitId, u.gridCode])).toEqual([[10, grid], [11, grid], [12, grid]])
  })

  it('refuses the whole batch when one unit is outside the caller’s scope or one fix is out of time, naming it, and writes nothing', async () => {
    const [mine, other] = await city.db.query<{ id: number }>(`
      (SELECT id FROM patrol_unit_public WHERE township_code = '231281001000' ORDER BY id LIMIT 1)
      UNION ALL (SELECT id FROM patrol_unit_public WHERE township_code <> '231281001000' ORDER BY id LIMIT 1)`)
    const at = clock.now().toISOString()
    const count = async () => (await city.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patrol_fixes'))[0]!.n
    const before = await count()
    const point: [number, number] = [125.32, 46.4]
    const outside = await postMany([{ unitId: mine!.id, fixes: [{ at, location: point }] }, { unitId: other!.id, fixes: [{ at, location: point }] }], as.gridWorker)
    expect(outside.status).toBe(404)
    expect(JSON.stringify(outside.body)).toContain(`id ${other!.id}`)
    const late = await postMany([{ unitId: mine!.id, fixes: [{ at, location: point }] }, { unitId: other!.id, fixes: [{ at: '2020-01-01T00:00:00Z', location: point }] }])
    expect(late.status).toBe(400)
    expect(JSON.stringify(late.body)).toContain('units.1.fixes.0.at')
    const twice = await postMany([{ unitId: mine!.id, fixes: [{ at, location: point }] }, { unitId: mine!.id, fixes: [{ at, location: point }] }])
    expect(twice.status).toBe(400)
    expect(JSON.stringify(twice.body)).toContain('units.1.unitId')
    expect(await count()).toBe(before)
  })
})
