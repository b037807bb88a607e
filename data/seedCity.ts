import type { Db } from '../server/src/db/Db'
import { layOutCity } from './city/layout'
import { buildRegions } from './city/regions'
import { createRng } from './city/rng'

export const DEFAULT_SEED = 'anda-2026'

/** The tables the demo city fills, children first; emptied by a reset. */
const CITY_TABLES = [
  'change_log', 'party_access_log', 'case_parties', 'case_history', 'cases',
  'patrol_fixes', 'patrol_units', 'cameras', 'roads', 'grids', 'regions',
]

export type SeedReport = { seed: string; regions: number; grids: number; ms: number }

/**
 * Builds the demo city in one transaction: nothing of it exists unless all of it does.
 * The same seed gives the same regions, grids, cameras and patrol units; case times are laid out
 * backwards from `now`.
 */
export async function seedCity(db: Db, options: { seed?: string; now?: Date } = {}): Promise<SeedReport> {
  const seed = options.seed ?? DEFAULT_SEED
  const now = options.now ?? new Date()
  const started = performance.now()
  const rng = createRng(seed)
  const validFrom = new Date(Date.UTC(now.getUTCFullYear() - 2, 0, 1))
  const layout = layOutCity(rng.fork('layout'))
  const counts = await db.transaction(async (tx) => {
    const ids = await buildRegions(tx, layout, validFrom)
    return { regions: 1 + ids.townships.length + ids.communities.length, grids: ids.grids.length }
  })
  return { seed, ...counts, ms: Math.round(performance.now() - started) }
}

/** True when the store has no city yet (a first start). */
export async function cityIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM regions')
  return row!.n === 0
}

/** Empties every city table (the append-only triggers fire on UPDATE and DELETE, not on TRUNCATE). */
export async function clearCity(db: Db): Promise<void> {
  await db.exec(`TRUNCATE ${CITY_TABLES.join(', ')} RESTART IDENTITY CASCADE`)
}
