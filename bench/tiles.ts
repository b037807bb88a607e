import { join } from 'node:path'
import { seedCity } from '../data/seedCity'
import { migrate } from '../server/src/db/migrate'
import { sqlFiles } from '../server/src/db/sqlFiles'
import { createTileSource } from '../server/src/tiles/tileSource'
import { benchEngines, type Row } from './foundation'
import { median, p95, timed } from './stats'

const bareSql = sqlFiles(['tile_bare', 'city_tiles'], join(import.meta.dirname, 'sql'))
/** At most this many tiles a zoom, spread evenly over the city (zoom 15 has thousands). */
const SAMPLE = 300
const both = (xs: number[]) => `${median(xs).toFixed(1)} / ${p95(xs).toFixed(1)} ms`

/**
 * Grid tiles (issue 21): tiles of the seeded city's grids at zooms 11, 13 and 15 (all, or 300 spread evenly), each rendered once
 * uncached (store + encoder, as the route's cache misses), then once again from the cache; beside each
 * uncached render, alternately first, the same tile's grids read bare as GeoJSON (bench/sql/tile_bare.sql).
 */
export async function tilesBench(): Promise<Row[]> {
  const rows: Row[] = []
  for (const engine of benchEngines()) {
    const { db, drop } = await engine.open()
    try {
      await migrate(db)
      await seedCity(db, { now: new Date() })
      const source = await createTileSource(db)
      for (const z of [11, 13, 15]) {
        const all = await db.query<{ z: number; x: number; y: number }>(bareSql.city_tiles, [z])
        const step = Math.ceil(all.length / SAMPLE)
        const tiles = all.filter((_, i) => i % step === 0)
        const uncached: number[] = []
        const bare: number[] = []
        const cached: number[] = []
        let bytes = 0
        for (const [i, t] of tiles.entries()) {
          const render = async () => uncached.push(await timed(async () => { bytes += (await source.tile({ layer: 'grids', ...t })).length }))
          const raw = async () => bare.push(await timed(() => db.query(bareSql.tile_bare, [t.z, t.x, t.y])))
          if (i % 2 === 0) { await render(); await raw() } else { await raw(); await render() }
        }
        for (const t of tiles) cached.push(await timed(() => source.tile({ layer: 'grids', ...t })))
        rows.push({
          measure: `grid tile at zoom ${z}, uncached (${tiles.length} of the ${all.length} tiles over the city's 1,011 grids, ${(bytes / tiles.length / 1024).toFixed(1)} KiB each on average; ${source.encoder === 'postgis' ? 'ST_AsMVT' : 'SQL + Node encoder'}), median / p95`,
          engine: engine.name,
          value: both(uncached),
          baseline: `${both(bare)} the tile's grids read bare as GeoJSON; ${both(cached)} from the cache; target ≤ 50 ms p95 uncached`,
        })
      }
    } finally {
      await drop()
    }
  }
  return rows
}
