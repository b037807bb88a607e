import type { Queryable } from '../../server/src/db/Db'
import { ANDA } from './anda'
import type { CityLayout } from './layout'
import { citySql } from './sql'

/** Store ids of what `buildRegions` inserted, by layout index. */
export type CityIds = { city: number; townships: number[]; communities: number[]; grids: number[] }

/** Inserts the city, its townships and streets, communities and villages, and grids, all cut from one Voronoi diagram. */
export async function buildRegions(tx: Queryable, layout: CityLayout, validFrom: Date): Promise<CityIds> {
  await tx.exec('CREATE TEMP TABLE city_cells (i integer PRIMARY KEY, geom geometry(MultiPolygon, 4326)) ON COMMIT DROP')
  await tx.query(citySql.city_cells, [layout.seeds.map((s) => s[0]), layout.seeds.map((s) => s[1]), layout.grids.length])

  const cellsOf = (keep: (g: CityLayout['grids'][number]) => boolean) =>
    layout.grids.flatMap((g, k) => (keep(g) ? [k + 1] : []))
  const insert = async (r: { code: string; name: string; level: string; kind: string; seat: [number, number] }, parent: number | null, cells: number[]) => {
    const [row] = await tx.query<{ id: number }>(citySql.insert_region, [r.code, r.name, r.level, r.kind, parent, r.seat[0], r.seat[1], cells])
    return row!.id
  }

  const city = await insert({ code: ANDA.code, name: ANDA.name, level: 'county', kind: 'city', seat: ANDA.center }, null, cellsOf(() => true))
  const townships: number[] = []
  for (const [t, township] of layout.townships.entries()) {
    townships.push(await insert({ ...township, level: 'township' }, city, cellsOf((g) => layout.communities[g.community]!.parent === t)))
  }
  const communities: number[] = []
  for (const [c, community] of layout.communities.entries()) {
    communities.push(await insert({ ...community, level: 'community' }, townships[community.parent]!, cellsOf((g) => g.community === c)))
  }
  const g = layout.grids
  const rows = await tx.query<{ id: number }>(citySql.insert_grids, [
    g.map((_, k) => k + 1), g.map((x) => x.code), g.map((x) => x.name), g.map((x) => x.kind), g.map((x) => x.households),
    g.map((x) => x.leaders), g.map((x) => x.fulltimeWorkers), g.map((x) => x.parttimeWorkers),
    g.map((x) => communities[x.community]!), validFrom,
  ])
  await tx.query(citySql.rollup_households)
  return { city, townships, communities, grids: rows.map((r) => r.id) }
}
