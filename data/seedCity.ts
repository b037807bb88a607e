import { join } from 'node:path'
import type { Db, Queryable } from '../server/src/db/Db'
import { sqlFiles } from '../server/src/db/sqlFiles'
import { layOutCameras } from './city/cameras'
import { layOutCases } from './city/cases'
import { gridLocator } from './city/gridLocator'
import { type LandmarkPlan, layOutLandmarks } from './city/landmarks'
import { layOutCity } from './city/layout'
import { layOutMediations, withMediationSteps } from './city/mediation'
import { layOutMediationBodies } from './city/mediationBodies'
import { layOutPatrols, patrolHistory } from './city/patrols'
import { buildRegions } from './city/regions'
import { linesOf, roadNetwork } from './city/roadNetwork'
import { layOutRoads } from './city/roads'
import { createRng } from './city/rng'
import { CITY_BUREAUS, demoDepartments, TOWNSHIP_OFFICES } from './city/departments'
import {
  acknowledgeUrgentHazards, fillGridCover, gridAreas, insertCameras, insertCases, insertDepartments, insertMediationBodies, insertMediations, insertPatrolFixes, insertPatrols,
  insertRoads,
} from './city/store'

export const DEFAULT_SEED = 'anda-2026'

/** How much patrol history a new city starts with: one fix a minute over the last six hours. */
const HISTORY = { hours: 6, stepSeconds: 60 }

/** The tables the demo city (or a province) fills; a reset empties them (the append-only triggers fire on UPDATE and DELETE, not TRUNCATE). */
export const CITY_TABLES = [
  'case_mediations', 'mediation_bodies', 'place_grams', 'places', 'change_log', 'party_access_log', 'case_parties', 'case_routes', 'case_history', 'cases', 'departments', 'grid_patrol_visits', 'grid_camera_cover',
  'patrol_fixes', 'patrol_units', 'cameras', 'roads', 'grids', 'regions',
]

export type SeedReport = {
  seed: string
  regions: number
  grids: number
  roads: number
  cameras: number
  patrolUnits: number
  patrolFixes: number
  cases: number
  mediationBodies: number
  mediations: number
  places: number
  ms: number
}

/**
 * Builds the demo city in one transaction: nothing of it exists unless all of it does.
 * The same seed gives the same regions, grids, cameras and patrol units; case times are laid out
 * backwards from `now`. With `replace`, the city already there is emptied first.
 */
export async function seedCity(db: Db, options: { seed?: string; now?: Date; replace?: boolean } = {}): Promise<SeedReport> {
  const seed = options.seed ?? DEFAULT_SEED
  const now = options.now ?? new Date()
  const started = performance.now()
  const rng = createRng(seed)
  const validFrom = new Date(Date.UTC(now.getUTCFullYear() - 2, 0, 1))
  const layout = layOutCity(rng.fork('layout'))
  const { roads, junctions } = layOutRoads(rng.fork('roads'), layout)
  const patrols = layOutPatrols(rng.fork('patrols'), layout)
  const counts = await db.transaction(async (tx) => {
    // Emptied inside the same transaction, so a failed rebuild leaves the old city in place.
    if (options.replace) await tx.exec(`TRUNCATE ${CITY_TABLES.join(', ')} RESTART IDENTITY CASCADE`)
    const ids = await buildRegions(tx, layout, validFrom)
    const bodies = layOutMediationBodies(rng.fork('mediation-bodies'), layout, ids)
    const bodyIds = await insertMediationBodies(tx, bodies)
    const storedRoads = await insertRoads(tx, roads, ids.city)
    const grids = await gridAreas(tx)
    const cameras = layOutCameras(rng.fork('cameras'), layout, roads, junctions, grids.filter((g) => g.kind === 'urban').map((g) => g.area), now)
    await insertCameras(tx, cameras)
    await fillGridCover(tx)
    await insertPatrols(tx, patrols, ids.townships)
    // Along the roads as stored (clipped to the city), the ones the simulator walks on from the last fix.
    const network = roadNetwork(storedRoads.flatMap(linesOf))
    const fixes = patrolHistory(rng.fork('patrol-history'), patrols, network, gridLocator(grids), now, HISTORY)
    await insertPatrolFixes(tx, fixes)
    const departments = demoDepartments(layout.townships)
    await insertDepartments(tx, departments)
    const offices = new Map(ids.townships.map((id, t) => [id, TOWNSHIP_OFFICES.map((o) => `${layout.townships[t]!.name}${o}`)]))
    const cases = layOutCases(rng.fork('cases'), grids, { bureaus: CITY_BUREAUS, offices }, now)
    const mediations = layOutMediations(rng.fork('mediations'), cases, bodies, now)
    const caseIds = await insertCases(tx, withMediationSteps(cases, mediations))
    await insertMediations(tx, mediations, caseIds, bodyIds)
    await acknowledgeUrgentHazards(tx, now)
    // The gazetteer a seat finds places in: the regions and roads as stored, and the landmarks.
    const places = await insertPlaces(tx, layOutLandmarks(rng.fork('landmarks'), layout, roads))
    return {
      regions: 1 + ids.townships.length + ids.communities.length, grids: ids.grids.length, roads: storedRoads.length,
      cameras: cameras.length, patrolUnits: patrols.length, patrolFixes: fixes.length, cases: cases.length,
      mediationBodies: bodies.length, mediations: mediations.length, places,
    }
  })
  // Statistics for the planner now, not when autovacuum gets round to it: a store fresh from the seed
  // otherwise plans its first screens' queries (KPIs above all) as if every table were empty. The vacuum
  // marks the pages all-visible, so the figures read the history's indexes without visiting the table.
  await db.exec('VACUUM ANALYZE')
  return { seed, ...counts, ms: Math.round(performance.now() - started) }
}

const placeSql = sqlFiles(['insert_places', 'fill_place_grams'], join(import.meta.dirname, 'city', 'sql'))

/** Fills the gazetteer (places and their character pairs); returns how many places. */
async function insertPlaces(tx: Queryable, landmarks: readonly LandmarkPlan[]): Promise<number> {
  const l = landmarks
  const [row] = await tx.query<{ n: number }>(placeSql.insert_places, [
    l.map((x) => x.name), l.map((x) => x.aliases.join('|')), l.map((x) => x.within), l.map((x) => x.at[0]), l.map((x) => x.at[1]),
  ])
  await tx.query(placeSql.fill_place_grams)
  return row!.n
}

/** True when the store has no city yet (a first start). */
export async function cityIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM regions')
  return row!.n === 0
}
