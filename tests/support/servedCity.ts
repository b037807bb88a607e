import { afterAll, beforeAll } from 'vitest'
import type { Db } from '../../server/src/db/Db'
import { serve, type Served } from './serve'
import { seededDb } from './testDb'

export type ServedCity = { db: Db & { url?: string }; server: Served }

/**
 * A test file's own seeded city behind the real app on a free port: made before its tests, torn
 * down after. Read `db` and `server` inside tests and hooks, once they exist.
 */
export function servedCity(options: Parameters<typeof serve>[1] = {}): ServedCity {
  const city = {} as ServedCity
  beforeAll(async () => {
    city.db = await seededDb()
    city.server = await serve(city.db, options)
  })
  afterAll(async () => {
    await city.server?.stop()
    await city.db?.close()
  })
  return city
}

/** A point inside the grid with `code` (its point on surface), as [lon, lat]. */
export async function pointInGrid(db: Db, code: string): Promise<[number, number]> {
  const [p] = await db.query<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM grids, LATERAL ST_PointOnSurface(geom) p WHERE code = $1 AND valid_to IS NULL`, [code])
  if (!p) throw new Error(`no grid ${code}`)
  return [p.lon, p.lat]
}
