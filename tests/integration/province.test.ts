import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RegionLevel } from '../../contract'
import { type ProvinceSeedReport, seedProvince } from '../../data/seedProvince'
import { gridAt } from '../../server/src/db/cityQueries'
import type { Db } from '../../server/src/db/Db'
import { SEEDED_AT } from '../support/seededCity'
import { emptyDb } from '../support/testDb'

// The smallest province the seed builds (scale 0: 2 prefectures × 2 counties × 3 townships × 4 communities, 336
// grids), by the same code as Guizhou's 134,500 grids.

const LEVELS: RegionLevel[] = ['province', 'prefecture', 'county', 'township', 'community']
const SEED = 'province-test'

let db: Db
let report: ProvinceSeedReport
beforeAll(async () => {
  db = await emptyDb()
  report = await seedProvince(db, { seed: SEED, scale: 0, now: new Date(SEEDED_AT) })
})
afterAll(() => db.close())

const count = async (sql: string) => (await db.query<{ n: number }>(sql))[0]!.n

describe('the province seed', () => {
  it('builds every level at the counts it reports, each parent with siblings under it', async () => {
    expect(report.regions).toEqual({ province: 1, prefecture: 2, county: 4, township: 12, community: 48 })
    expect(report.grids).toBe(336)
    const levels = await db.query<{ level: RegionLevel; n: number }>('SELECT level, count(*)::int AS n FROM regions GROUP BY level')
    expect(Object.fromEntries(levels.map((r) => [r.level, r.n]))).toEqual(report.regions)
    expect(await count('SELECT count(*)::int AS n FROM grids WHERE valid_to IS NULL')).toBe(336)
    const fewest = await db.query<{ level: RegionLevel; n: number }>(`
      SELECT p.level, min(k.n)::int AS n
      FROM regions p JOIN (SELECT parent_id, count(*) AS n FROM regions GROUP BY parent_id) k ON k.parent_id = p.id
      GROUP BY p.level`)
    expect(Object.fromEntries(fewest.map((r) => [r.level, r.n]))).toEqual({ province: 2, prefecture: 2, county: 3, township: 4 })
    expect(await count(`SELECT count(*)::int AS n FROM regions c WHERE c.level = 'community' AND NOT EXISTS (SELECT FROM grids g WHERE g.community_id = c.id)`)).toBe(0)
    const kinds = await db.query<{ kind: string }>(`SELECT DISTINCT kind FROM regions WHERE level = 'prefecture' ORDER BY kind`)
    expect(kinds.map((k) => k.kind)).toEqual(['city', 'prefecture'])
    expect(report.boundaries).toContain('生成')
  })

  it('nests the codes: a region one level below its parent and beginning with its significant digits, a grid with its community’s 12', async () => {
    const [root] = await db.query<{ code: string; name: string }>('SELECT code, name FROM regions WHERE parent_id IS NULL')
    expect(root).toEqual({ code: '520000000000', name: '贵州省' })
    expect(await count('SELECT count(*)::int AS n FROM regions WHERE parent_id IS NULL')).toBe(1)
    expect(await count(`
      SELECT count(*)::int AS n FROM regions r JOIN regions p ON p.id = r.parent_id
      WHERE region_rank(r.level) <> region_rank(p.level) + 1 OR NOT starts_with(r.code, region_prefix(p.code))
         OR length(region_prefix(r.code)) <> (ARRAY[2, 4, 6, 9, 12])[region_rank(r.level)]`)).toBe(0)
    expect(await count(`
      SELECT count(*)::int AS n FROM grids g JOIN regions c ON c.id = g.community_id
      WHERE g.valid_to IS NULL AND (c.level <> 'community' OR left(g.code, 12) <> c.code)`)).toBe(0)
  })

  it('stores every shape as a valid MultiPolygon on the 1e-6 degree grid', async () => {
    for (const table of ['regions', 'grids']) {
      expect(await count(`
        SELECT count(*)::int AS n FROM ${table}
        WHERE NOT ST_IsValid(geom) OR GeometryType(geom) <> 'MULTIPOLYGON' OR ST_AsBinary(geom) <> ST_AsBinary(ST_SnapToGrid(geom, 1e-6))`)).toBe(0)
    }
  })

  it('lays every grid inside its community and every region inside its parent', async () => {
    expect(await count(`
      SELECT count(*)::int AS n FROM grids g JOIN regions c ON c.id = g.community_id
      WHERE g.valid_to IS NULL AND NOT ST_CoveredBy(g.geom, c.geom)`)).toBe(0)
    expect(await count('SELECT count(*)::int AS n FROM regions r JOIN regions p ON p.id = r.parent_id WHERE NOT ST_CoveredBy(r.geom, p.geom)')).toBe(0)
  })

  it('covers each region with its children: their areas add up to its own within 1e-9 (inside it, so no gap and no overlap)', async () => {
    const gaps = await db.query<{ level: RegionLevel; worst: number; n: number }>(`
      WITH children AS (
        SELECT parent_id AS id, sum(ST_Area(geom)) AS area FROM regions WHERE parent_id IS NOT NULL GROUP BY parent_id
        UNION ALL
        SELECT community_id, sum(ST_Area(geom)) FROM grids WHERE valid_to IS NULL GROUP BY community_id
      )
      SELECT p.level, max(abs(c.area - ST_Area(p.geom)) / ST_Area(p.geom)) AS worst, count(*)::int AS n
      FROM regions p JOIN children c ON c.id = p.id GROUP BY p.level`)
    expect(gaps.map((g) => g.level).sort()).toEqual([...LEVELS].sort())
    expect(gaps.reduce((s, g) => s + g.n, 0)).toBe(1 + 2 + 4 + 12 + 48)
    for (const g of gaps) expect(g.worst, g.level).toBeLessThan(1e-9)
  })

  it('resolves a point to its grid and the whole chain up to the province, through the server’s lookup', async () => {
    const chains = await db.query<{ code: string; at: [number, number]; chain: string[] }>(`
      SELECT g.code, json_build_array(ST_X(ST_PointOnSurface(g.geom)), ST_Y(ST_PointOnSurface(g.geom))) AS at,
             json_build_array(c.code, t.code, county.code, pf.code, pv.code) AS chain
      FROM grids g
      JOIN regions c ON c.id = g.community_id JOIN regions t ON t.id = c.parent_id JOIN regions county ON county.id = t.parent_id
      JOIN regions pf ON pf.id = county.parent_id JOIN regions pv ON pv.id = pf.parent_id
      WHERE g.valid_to IS NULL ORDER BY g.code`)
    expect(chains).toHaveLength(336)
    for (const { code, at, chain } of chains) {
      const found = await gridAt(db, at[0], at[1])
      expect(found?.grid.code).toBe(code)
      expect(found!.regions.map((r) => r.code)).toEqual(chain)
      expect(found!.regions.map((r) => r.level)).toEqual([...LEVELS].reverse())
      expect(found!.grid.communityCode).toBe(chain[0])
      expect(found!.grid.townshipCode).toBe(chain[1])
    }
    const [outside] = await db.query<{ at: [number, number] }>(`
      SELECT json_build_array(ST_XMax(geom) + 0.01, ST_YMax(geom) + 0.01) AS at FROM regions WHERE level = 'province'`)
    expect(await gridAt(db, outside!.at[0], outside!.at[1])).toBeNull()
  })

  it('gives the grids their workers and the province cameras, departments, committees and a year of cases with their history', async () => {
    expect(await count('SELECT sum(leaders + fulltime_workers + parttime_workers)::int AS n FROM grids')).toBe(report.gridWorkers)
    expect(report.gridWorkers).toBe(Math.round((145_400 * 336) / 134_500))
    expect(await count('SELECT count(*)::int AS n FROM cameras')).toBe(report.cameras)
    // Each camera stands in a grid of its county (its code begins with the county's six digits) and its township.
    expect(await count(`
      SELECT count(*)::int AS n FROM cameras
      WHERE grid_code IS NULL OR left(grid_code, 6) <> left(code, 6) OR township_code <> left(grid_code, 9) || '000'`)).toBe(0)
    expect(report.cases).toBe(Math.round((153_500 * 336) / 134_500))
    expect(await count('SELECT count(*)::int AS n FROM cases')).toBe(report.cases)
    expect(await count('SELECT count(*)::int AS n FROM case_history')).toBeGreaterThanOrEqual(report.caseSteps)
    expect(await count(`
      SELECT count(*)::int AS n FROM cases c JOIN grids g ON g.id = c.grid_id JOIN regions com ON com.id = c.community_id
      WHERE g.community_id <> c.community_id OR com.parent_id <> c.township_id OR NOT ST_Covers(g.geom, c.geom)`)).toBe(0)
    // Routed to departments that exist, of the case's own county or township.
    expect(await count(`
      SELECT count(*)::int AS n FROM case_routes r JOIN cases c ON c.id = r.case_id JOIN regions t ON t.id = c.township_id
      LEFT JOIN departments d ON d.name = r.department
      WHERE d.id IS NULL OR (d.level = 'township' AND d.township_code <> t.code)
         OR (d.level = 'city' AND NOT starts_with(d.name, (SELECT name FROM regions WHERE code = left(t.code, 6) || '000000')))`)).toBe(0)
    expect(await count('SELECT count(*)::int AS n FROM mediation_bodies')).toBe(report.mediationBodies)
    expect(await count('SELECT count(*)::int AS n FROM case_mediations')).toBe(report.mediations)
  })

  it('builds the same province again from the same seed', async () => {
    const fingerprint = () => db.query<{ regions: string; grids: string }>(`
      SELECT (SELECT md5(string_agg(code || name || kind || ST_AsText(geom), ',' ORDER BY code)) FROM regions) AS regions,
             (SELECT md5(string_agg(code || name || households || ST_AsText(geom), ',' ORDER BY code)) FROM grids) AS grids`)
    const before = await fingerprint()
    const again = await seedProvince(db, { seed: SEED, scale: 0, now: new Date(SEEDED_AT), replace: true })
    expect(await fingerprint()).toEqual(before)
    expect({ ...again, ms: 0 }).toEqual({ ...report, ms: 0 })
  })
})
