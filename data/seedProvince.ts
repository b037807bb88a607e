import type { RegionLevel } from '../contract/domain'
import type { Db } from '../server/src/db/Db'
import { ANDA } from './city/anda'
import { layOutCases } from './city/cases'
import { layOutMediations, withMediationSteps } from './city/mediation'
import { createRng } from './city/rng'
import {
  acknowledgeUrgentHazards, fillGridCover, gridAreas, insertCameras, insertCases, insertDepartments, insertMediationBodies, insertMediations,
} from './city/store'
import { layOutProvinceCameras } from './province/cameras'
import { GUIZHOU, perGrid } from './province/guizhou'
import { layOutProvince } from './province/layout'
import { buildProvince } from './province/regions'
import { provinceServices } from './province/services'
import { provinceSql } from './province/sql'
import { CITY_TABLES } from './seedCity'

export const DEFAULT_PROVINCE_SEED = 'guizhou-2026'

/** What a province's boundaries are, said wherever its seed reports. */
export const PROVINCE_BOUNDARIES = '边界为程序生成的示意边界，不是测绘成果；省名和区划代码格式取自贵州省，其下名称均为虚构'

export type ProvinceSeedReport = {
  seed: string
  scale: number
  boundaries: string
  areaKm2: number
  regions: Record<RegionLevel, number>
  grids: number
  gridWorkers: number
  cameras: number
  departments: number
  mediationBodies: number
  cases: number
  caseSteps: number
  mediations: number
  ms: number
}

/** Cameras go into the store this many a statement. */
const CAMERA_BATCH = 20_000

/** The city's mix of disputes and hazards (Tongliao's 7,444 disputes, our 2,300 hazards) over the province's events. */
const DISPUTE_SHARE = ANDA.disputesPerYear / (ANDA.disputesPerYear + ANDA.hazardsPerYear)

/**
 * Builds a generated province at Guizhou's counts (`scale` 1) or a smaller one with every level (`scale` 0: 2
 * prefectures × 2 counties × 3 townships × 4 communities × 7 grids), in one transaction like the city: its regions
 * and grids cut from one Voronoi diagram, grid workers, cameras, departments, mediation committees and a year of
 * cases with their history as the city's seed lays them out. The same seed and scale give the same regions, grids
 * and cameras; case times are laid out backwards from `now`. With `replace`, what the store holds is emptied first.
 */
export async function seedProvince(db: Db, options: { seed?: string; now?: Date; replace?: boolean; scale?: number } = {}): Promise<ProvinceSeedReport> {
  const seed = options.seed ?? DEFAULT_PROVINCE_SEED
  const scale = options.scale ?? 1
  const now = options.now ?? new Date()
  const started = performance.now()
  const rng = createRng(seed)
  const validFrom = new Date(Date.UTC(now.getUTCFullYear() - 2, 0, 1))
  const layout = layOutProvince(rng.fork('layout'), scale)
  const events = perGrid(layout.grids.length, GUIZHOU.eventsPerYear)
  const disputes = Math.round(events * DISPUTE_SHARE)
  const counts = await db.transaction(async (tx) => {
    if (options.replace) await tx.exec(`TRUNCATE ${CITY_TABLES.join(', ')} RESTART IDENTITY CASCADE`)
    await buildProvince(tx, layout, validFrom)
    const ids = new Map((await tx.query<{ id: number; code: string }>(provinceSql.region_ids)).map((r) => [r.code, r.id]))
    const grids = await gridAreas(tx)
    const cameras = layOutProvinceCameras(rng.fork('cameras'), grids, now)
    for (let i = 0; i < cameras.length; i += CAMERA_BATCH) await insertCameras(tx, cameras.slice(i, i + CAMERA_BATCH))
    await fillGridCover(tx)
    const services = provinceServices(layout, ids)
    await insertDepartments(tx, services.departments)
    const bodyIds = await insertMediationBodies(tx, services.bodies)
    const cases = layOutCases(rng.fork('cases'), grids, services.routing, now, { disputesPerYear: disputes, hazardsPerYear: events - disputes, years: 1 })
    const mediations = layOutMediations(rng.fork('mediations'), cases, services.bodies, now)
    const withSteps = withMediationSteps(cases, mediations)
    const caseIds = await insertCases(tx, withSteps)
    await insertMediations(tx, mediations, caseIds, bodyIds)
    await acknowledgeUrgentHazards(tx, now)
    const perLevel = (level: RegionLevel) => layout.regions.filter((r) => r.level === level).length
    const [area] = await tx.query<{ km2: number }>(provinceSql.province_area)
    return {
      areaKm2: area!.km2,
      regions: { province: perLevel('province'), prefecture: perLevel('prefecture'), county: perLevel('county'), township: perLevel('township'), community: perLevel('community') },
      grids: layout.grids.length,
      gridWorkers: layout.grids.reduce((s, g) => s + g.leaders + g.fulltimeWorkers + g.parttimeWorkers, 0),
      cameras: cameras.length, departments: services.departments.length, mediationBodies: services.bodies.length,
      cases: cases.length, caseSteps: withSteps.reduce((s, c) => s + c.history.length, 0), mediations: mediations.length,
    }
  })
  // As the city's seed: the planner's statistics now, and the pages marked all-visible for index-only reads.
  await db.exec('VACUUM ANALYZE')
  return { seed, scale, boundaries: PROVINCE_BOUNDARIES, ...counts, ms: Math.round(performance.now() - started) }
}
