import type { RegionLevel } from '../../contract/domain'
import type { Queryable } from '../../server/src/db/Db'
import type { ProvinceLayout } from './layout'
import { provinceSql } from './sql'

/** Significant digits of a region's code at each level, as region_prefix() reads them. */
const DIGITS: Record<RegionLevel, number> = { province: 2, prefecture: 4, county: 6, township: 9, community: 12 }
const LEVELS: RegionLevel[] = ['province', 'prefecture', 'county', 'township', 'community']

/**
 * Cuts the province from one Voronoi diagram of every seed: each grid is its seed's cell, each community the union
 * of its grids' cells, each region above the union of its children, so every level tiles the one above exactly.
 * Then stores the regions top-down (a region needs its parent) and the grids; returns how many of each.
 */
export async function buildProvince(tx: Queryable, layout: ProvinceLayout, validFrom: Date): Promise<{ regions: number; grids: number }> {
  await tx.exec(provinceSql.province_tables)
  const seeds = [...layout.grids.map((g) => g.seed), ...layout.ghosts]
  await tx.query(provinceSql.province_voronoi, [seeds.map((p) => p[0]), seeds.map((p) => p[1])])
  await tx.exec(provinceSql.index_voronoi)
  const g = layout.grids
  const [cells] = await tx.query<{ n: number; invalid: number }>(provinceSql.province_cells, [g.map((x) => x.seed[0]), g.map((x) => x.seed[1]), g.map((x) => x.code)])
  if (cells!.n !== g.length || cells!.invalid > 0) throw new Error(`${cells!.n} cells for ${g.length} grids, ${cells!.invalid} invalid`)
  await tx.query(provinceSql.community_shapes)
  for (let k = LEVELS.length - 2; k >= 0; k--) await tx.query(provinceSql.parent_shapes, [DIGITS[LEVELS[k]!], DIGITS[LEVELS[k + 1]!]])

  for (const level of LEVELS) {
    const r = layout.regions.filter((x) => x.level === level)
    await tx.query(provinceSql.insert_regions, [
      r.map((x) => x.code), r.map((x) => x.name), r.map((x) => x.level), r.map((x) => x.kind), r.map((x) => x.seat[0]), r.map((x) => x.seat[1]),
      r.map((x) => (x.parent < 0 ? null : layout.regions[x.parent]!.code)),
    ])
  }
  await tx.query(provinceSql.insert_grids, [
    g.map((x) => x.code), g.map((x) => x.name), g.map((x) => x.kind), g.map((x) => x.households), g.map((x) => x.leaders),
    g.map((x) => x.fulltimeWorkers), g.map((x) => x.parttimeWorkers), validFrom,
  ])
  await tx.query(provinceSql.rollup_households)
  return { regions: layout.regions.length, grids: g.length }
}
