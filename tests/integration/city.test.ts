import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/src/db/Db'
import { gridAt } from '../../server/src/db/cityQueries'
import { SEEDED_AT } from '../support/seededCity'
import { seededDb } from '../support/testDb'

let db: Db
beforeAll(async () => {
  db = await seededDb()
})
afterAll(() => db?.close())

const one = async <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.query<R>(sql, params))[0]!

describe('the demo city, as Anda counts it', () => {
  it('has 14 townships, 4 streets and 1,011 grids with one leader each and Anda’s worker counts', async () => {
    const regions = await db.query<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM regions GROUP BY kind')
    const byKind = Object.fromEntries(regions.map((r) => [r.kind, r.n]))
    expect(byKind).toMatchObject({ city: 1, township: 14, street: 4 })
    expect(byKind.community! + byKind.village!).toBeGreaterThan(100)
    const grids = await one<{ n: number; leaders: number; fulltime: number; parttime: number }>(
      `SELECT count(*)::int AS n, sum(leaders)::int AS leaders, sum(fulltime_workers)::int AS fulltime,
              sum(parttime_workers)::int AS parttime FROM grids WHERE valid_to IS NULL`)
    expect(grids).toEqual({ n: 1011, leaders: 1011, fulltime: 999, parttime: 1219 })
  })

  it('keeps urban grids at 200–300 households and rural grids at 150 or fewer', async () => {
    const rows = await db.query<{ kind: string; min: number; max: number }>(
      'SELECT kind, min(households) AS min, max(households) AS max FROM grids GROUP BY kind ORDER BY kind')
    expect(rows).toEqual([{ kind: 'rural', min: expect.any(Number), max: expect.any(Number) }, { kind: 'urban', min: expect.any(Number), max: expect.any(Number) }])
    const [rural, urban] = rows
    expect(rural!.max).toBeLessThanOrEqual(150)
    expect(urban!.min).toBeGreaterThanOrEqual(200)
    expect(urban!.max).toBeLessThanOrEqual(300)
  })

  it('tiles every community with its grids: the union is the community, and no two grids overlap', async () => {
    // Symmetric difference in m² between each community and the union of its grids.
    const worst = await one<{ gap_m2: number; n: number }>(`
      SELECT max(d) AS gap_m2, count(*)::int AS n FROM (
        SELECT ST_Area(ST_SymDifference(c.geom, ST_Union(g.geom))::geography) AS d
        FROM regions c JOIN grids g ON g.community_id = c.id AND g.valid_to IS NULL
        WHERE c.level = 'community' GROUP BY c.id) x`)
    const communities = await one<{ n: number }>(`SELECT count(*)::int AS n FROM regions WHERE level = 'community'`)
    expect(worst.n).toBe(communities.n)
    expect(worst.gap_m2).toBeLessThan(0.01)
    const overlaps = await one<{ pairs: number; worst_m2: number | null }>(`
      SELECT count(*)::int AS pairs, max(ST_Area(ST_Intersection(a.geom, b.geom)::geography)) AS worst_m2
      FROM grids a JOIN grids b ON a.id < b.id AND ST_Intersects(a.geom, b.geom)
      WHERE a.valid_to IS NULL AND b.valid_to IS NULL`)
    expect(overlaps.pairs).toBeGreaterThan(2000)
    expect(overlaps.worst_m2).toBeLessThan(0.01)
  })

  it('nests every region inside its parent, which its children tile', async () => {
    const worst = await one<{ gap_m2: number; parents: number }>(`
      SELECT max(d) AS gap_m2, count(*)::int AS parents FROM (
        SELECT ST_Area(ST_SymDifference(p.geom, ST_Union(c.geom))::geography) AS d
        FROM regions p JOIN regions c ON c.parent_id = p.id GROUP BY p.id) x`)
    expect(worst.parents).toBe(19)
    expect(worst.gap_m2).toBeLessThan(0.01)
  })

  it('has 1,742 class-A groups, half of them face or vehicle capture, 3,913 class B and 256 class C, a few percent down', async () => {
    const rows = await db.query<{ class: string; n: number; capture: number; down: number }>(`
      SELECT class, count(*)::int AS n, count(*) FILTER (WHERE capture <> 'video')::int AS capture,
             count(*) FILTER (WHERE state <> 'online')::int AS down
      FROM cameras GROUP BY class ORDER BY class`)
    expect(rows.map((r) => [r.class, r.n])).toEqual([['A', 1742], ['B', 3913], ['C', 256]])
    expect(rows[0]!.capture).toBe(871)
    const down = rows.reduce((s, r) => s + r.down, 0) / 5911
    expect(down).toBeGreaterThan(0.02)
    expect(down).toBeLessThan(0.15)
    const outside = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM cameras c WHERE NOT EXISTS (
        SELECT 1 FROM regions r WHERE r.level = 'county' AND ST_Covers(r.geom, c.geom))`)
    expect(outside.n).toBe(0)
  })

  it('starts with six hours of patrol history, each fix in the grid the store finds for it', async () => {
    const history = await one<{ units: number; per_unit: number; span_h: number; grids: number; visits: number }>(`
      SELECT count(DISTINCT unit_id)::int AS units, (count(*) / count(DISTINCT unit_id))::int AS per_unit,
             extract(epoch FROM max(at) - min(at)) / 3600 AS span_h, count(DISTINCT grid_code)::int AS grids,
             (SELECT count(*)::int FROM grid_patrol_visits) AS visits
      FROM patrol_fixes`)
    expect(history).toEqual({ units: 100, per_unit: 361, span_h: 6, grids: expect.any(Number), visits: history.grids })
    expect(history.grids).toBeGreaterThan(500)
    // The seed places fixes in grids itself; every seventh fix is checked against the store's rule (grid_at.sql).
    const wrong = await one<{ n: number; checked: number }>(`
      SELECT count(*) FILTER (WHERE f.grid_code IS DISTINCT FROM (
               SELECT g.code FROM grids g WHERE g.valid_to IS NULL AND ST_Covers(g.geom, f.geom) ORDER BY g.code LIMIT 1))::int AS n,
             count(*)::int AS checked
      FROM patrol_fixes f WHERE f.id % 7 = 0`)
    // 100 units × 361 fixes, numbered 1…36,100 as seeded: every seventh is 5,157 fixes checked.
    expect(wrong).toEqual({ n: 0, checked: Math.floor((100 * 361) / 7) })
    const late = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM grid_patrol_visits v
      WHERE v.last_at <> (SELECT max(at) FROM patrol_fixes f WHERE f.grid_code = v.grid_code)`)
    expect(late.n).toBe(0)
  })

  it('has patrol units of every kind', async () => {
    const rows = await db.query<{ kind: string }>('SELECT DISTINCT kind FROM patrol_units ORDER BY kind')
    expect(rows.map((r) => r.kind)).toEqual(['auxiliary', 'grid_worker', 'police', 'volunteer'])
  })

  it('has two years of Tongliao’s 7,444 disputes each, about 93% resolved, most settled at the grid, some escalated', async () => {
    const d = await one<{ n: number; last_year: number; resolved: number; at_grid: number; closed: number; escalated: number; rated: number }>(`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE reported_at > $1::timestamptz - interval '365 days')::int AS last_year,
             count(*) FILTER (WHERE resolved)::int AS resolved,
             count(*) FILTER (WHERE state = 'closed' AND level = 'grid')::int AS at_grid,
             count(*) FILTER (WHERE state = 'closed')::int AS closed,
             count(*) FILTER (WHERE escalations > 0)::int AS escalated,
             count(*) FILTER (WHERE state = 'closed' AND satisfaction IS NOT NULL)::int AS rated
      FROM cases WHERE category = 'dispute'`, [SEEDED_AT])
    expect([d.last_year, d.n]).toEqual([7444, 2 * 7444])
    expect(d.resolved / d.n).toBeGreaterThan(0.9)
    expect(d.resolved / d.n).toBeLessThan(0.96)
    expect(d.at_grid / d.closed).toBeGreaterThan(0.6)
    expect(d.escalated).toBeGreaterThan(100)
    expect(d.rated).toBe(d.closed)
    const kinds = await db.query<{ kind: string }>(`SELECT DISTINCT kind FROM cases WHERE category = 'dispute'`)
    expect(kinds).toHaveLength(8)
  })

  it('records each case’s loop from collect to close (and its follow-up visit), and each escalation as a platform supervise step', async () => {
    // A mediation's steps are beside the loop: a court may confirm an agreement after the case closed.
    const BESIDE = `'mediate', 'mediation_result', 'judicial_confirmation'`
    // A closed case's last step is its close, or the follow-up visit after it exactly when one is recorded.
    const broken = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM cases c WHERE
        (SELECT step FROM case_history h WHERE h.case_id = c.id ORDER BY at, id LIMIT 1) <> 'collect'
        OR (c.state = 'closed' AND (SELECT step FROM case_history h WHERE h.case_id = c.id AND h.step NOT IN ('follow_up', ${BESIDE}) ORDER BY at DESC, id DESC LIMIT 1) <> 'close')
        OR (c.state = 'closed' AND (c.followed_up_at IS NOT NULL)
            <> ((SELECT step FROM case_history h WHERE h.case_id = c.id AND h.step NOT IN (${BESIDE}) ORDER BY at DESC, id DESC LIMIT 1) = 'follow_up'))
        OR c.escalations <> (SELECT count(*) FROM case_history h WHERE h.case_id = c.id AND h.step = 'supervise' AND h.actor_role = 'platform')`)
    expect(broken.n).toBe(0)
    // The seeded years have follow-up visits in them, so the rule above is tried on real rows.
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE state = 'closed' AND followed_up_at IS NOT NULL`)).n).toBeGreaterThan(0)
  })

  it('has a mediation committee for every community, village, township and street, and Anda’s 159 specialised committees', async () => {
    const missing = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM regions r
      WHERE r.level <> 'county' AND (SELECT count(*) FROM mediation_bodies b WHERE b.region_id = r.id AND b.kind <> 'specialised') <> 1`)
    expect(missing.n).toBe(0)
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM mediation_bodies WHERE kind = 'specialised'`)).n).toBe(159)
  })

  it('records each mediation of a dispute with its steps in the case’s history, at a body that takes the kind', async () => {
    const m = await one<{ n: number; concluded: number; agreements: number; wrong: number; unstepped: number }>(`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE m.outcome IS NOT NULL)::int AS concluded,
             count(*) FILTER (WHERE m.outcome = 'agreement')::int AS agreements,
             count(*) FILTER (WHERE c.category <> 'dispute' OR NOT c.kind = ANY (b.dispute_kinds))::int AS wrong,
             count(*) FILTER (WHERE NOT EXISTS (SELECT FROM case_history h WHERE h.case_id = m.case_id AND h.step = 'mediate' AND h.at = m.referred_at)
               OR (m.ended_at IS NOT NULL AND NOT EXISTS (
                    SELECT FROM case_history h WHERE h.case_id = m.case_id AND h.step = 'mediation_result' AND h.at = m.ended_at))
               OR (m.confirmed_at IS NOT NULL AND NOT EXISTS (
                    SELECT FROM case_history h WHERE h.case_id = m.case_id AND h.step = 'judicial_confirmation' AND h.at = m.confirmed_at))
               OR (m.ended_at IS NOT NULL AND m.ended_at >= c.closed_at))::int AS unstepped
      FROM case_mediations m JOIN cases c ON c.id = m.case_id JOIN mediation_bodies b ON b.id = m.body_id`)
    expect(m.n).toBeGreaterThan(4000)
    expect({ wrong: m.wrong, unstepped: m.unstepped }).toEqual({ wrong: 0, unstepped: 0 })
    expect(m.concluded / m.n).toBeGreaterThan(0.98)
    expect(m.agreements / m.concluded).toBeGreaterThan(0.91)
    expect(m.agreements / m.concluded).toBeLessThan(0.95)
    const steps = await one<{ n: number }>(`SELECT count(*)::int AS n FROM case_history WHERE step = 'mediate'`)
    expect(steps.n).toBe(m.n)
  })

  it('resolves each case to the grid that covers its point, and its community and township', async () => {
    const wrong = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM cases c JOIN grids g ON g.id = c.grid_id JOIN regions r ON r.id = g.community_id
      WHERE NOT ST_Covers(g.geom, c.geom) OR c.community_id <> r.id OR c.township_id <> r.parent_id`)
    expect(wrong.n).toBe(0)
  })

  it('refuses to change or delete a step of a case’s history', async () => {
    await expect(db.query('UPDATE case_history SET note = $1 WHERE id = 1', ['rewritten'])).rejects.toThrow(/append-only/)
    await expect(db.query('DELETE FROM case_history WHERE id = 1')).rejects.toThrow(/append-only/)
  })
})

describe('the grid at a point', () => {
  it('finds the grid, community, township and city of a point inside a known grid', async () => {
    const grid = await one<{ code: string; lon: number; lat: number; community: string; township: string }>(`
      SELECT g.code, ST_X(p) AS lon, ST_Y(p) AS lat, c.code AS community, t.code AS township
      FROM grids g JOIN regions c ON c.id = g.community_id JOIN regions t ON t.id = c.parent_id,
           LATERAL ST_PointOnSurface(g.geom) p
      WHERE g.code = '231281001001001'`)
    const found = await gridAt(db, grid.lon, grid.lat)
    expect(found?.grid.code).toBe('231281001001001')
    expect(found?.regions.map((r) => r.code)).toEqual([grid.community, grid.township, '231281000000'])
    expect(found?.regions[1]).toMatchObject({ name: '新兴街道', kind: 'street' })
  })

  it('gives a point on the edge two grids share to exactly one of them, the lower code, every time', async () => {
    // A vertex exactly two grids share (where their common edge meets the city border): on both boundaries, inside neither.
    const edge = await one<{ lon: number; lat: number }>(`
      SELECT ST_X(d.geom) AS lon, ST_Y(d.geom) AS lat
      FROM grids a, LATERAL ST_DumpPoints(a.geom) d
      WHERE a.valid_to IS NULL
        AND (SELECT count(*) FROM grids g WHERE g.valid_to IS NULL AND ST_Covers(g.geom, d.geom)) = 2
      LIMIT 1`)
    const covering = await db.query<{ code: string }>(
      `SELECT code FROM grids WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) ORDER BY code`, [edge.lon, edge.lat])
    expect(covering).toHaveLength(2)
    const inside = await db.query(`SELECT 1 FROM grids WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))`, [edge.lon, edge.lat])
    expect(inside).toHaveLength(0)
    for (let i = 0; i < 3; i++) expect((await gridAt(db, edge.lon, edge.lat))?.grid.code).toBe(covering[0]!.code)
  })

  it('finds no grid outside the city', async () => {
    expect(await gridAt(db, 126.5, 46.4)).toBeNull()
  })
})
