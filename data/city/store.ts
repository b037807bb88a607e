import type { LineString, MultiLineString } from 'geojson'
import type { Queryable } from '../../server/src/db/Db'
import type { NewDepartment } from '../../contract/departments'
import type { CameraPlan } from './cameras'
import type { CasePlan, CaseGrid } from './cases'
import type { MediationPlan } from './mediation'
import type { MediationBodyPlan } from './mediationBodies'
import type { FixPlan, PatrolPlan } from './patrols'
import type { Road } from './roads'
import { HazardKind } from '../../contract/domain'
import { isUrgent } from '../../domain/triage'
import { citySql } from './sql'

// Writes the laid-out city in batches: one statement per table and batch, values as arrays.

/** Returns the roads as stored, clipped to the city, in the order given. */
export async function insertRoads(tx: Queryable, roads: readonly Road[], cityId: number): Promise<(LineString | MultiLineString)[]> {
  const rows = await tx.query<{ id: number; geometry: LineString | MultiLineString }>(citySql.insert_roads, [
    roads.map((r) => r.kind), roads.map((r) => r.name), roads.map((r) => JSON.stringify({ type: 'LineString', coordinates: r.line })), cityId,
  ])
  return rows.sort((a, b) => a.id - b.id).map((r) => r.geometry)
}

export async function insertCameras(tx: Queryable, cameras: readonly CameraPlan[]): Promise<void> {
  const c = cameras
  await tx.query(citySql.insert_cameras, [
    c.map((x) => x.code), c.map((x) => x.class), c.map((x) => x.capture), c.map((x) => x.site), c.map((x) => x.at[0]),
    c.map((x) => x.at[1]), c.map((x) => x.bearingDeg), c.map((x) => x.fovDeg), c.map((x) => x.rangeM), c.map((x) => x.state),
    c.map((x) => x.stateChangedAt),
  ])
}

/** Camera cover of every current grid, once the cameras stand; returns how many grids. */
export async function fillGridCover(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ n: number }>(citySql.fill_grid_cover)
  return row!.n
}

export async function insertPatrols(tx: Queryable, units: readonly PatrolPlan[], townshipIds: readonly number[]): Promise<void> {
  const u = units
  await tx.query(citySql.insert_patrols, [
    u.map((x) => x.code), u.map((x) => x.kind), u.map((x) => x.callSign), u.map((x) => townshipIds[x.township]!),
  ])
}

/** The fixes, and the last visit of every grid they lie in. */
export async function insertPatrolFixes(tx: Queryable, fixes: readonly FixPlan[]): Promise<void> {
  const f = fixes
  await tx.query(citySql.insert_patrol_fixes, [
    f.map((x) => x.unit), f.map((x) => x.at), f.map((x) => x.location[0]), f.map((x) => x.location[1]),
    f.map((x) => x.speedMps), f.map((x) => x.heading), f.map((x) => x.gridCode),
  ])
}

export async function gridAreas(tx: Queryable): Promise<(CaseGrid & { code: string; kind: string })[]> {
  const rows = await tx.query<Omit<CaseGrid, 'area'> & { code: string; kind: string; geometry: CaseGrid['area']['geometry'] }>(citySql.grid_areas)
  return rows.map(({ geometry, ...g }) => ({ ...g, area: { type: 'Feature', properties: {}, geometry } }))
}

const BATCH = 2000

export async function insertDepartments(tx: Queryable, departments: readonly NewDepartment[]): Promise<void> {
  await tx.query(citySql.insert_departments, [departments.map((d) => d.name), departments.map((d) => d.level), departments.map((d) => d.townshipCode ?? null)])
}

/** Returns the cases' store ids, in the order given. */
export async function insertCases(tx: Queryable, cases: readonly CasePlan[]): Promise<number[]> {
  const stored: number[] = []
  for (let i = 0; i < cases.length; i += BATCH) {
    const c = cases.slice(i, i + BATCH)
    const ids = (await tx.query<{ id: number }>(citySql.reserve_case_ids, [c.length])).map((r) => r.id)
    stored.push(...ids)
    await tx.query(citySql.insert_cases, [
      ids, c.map((x) => x.category), c.map((x) => x.kind), c.map((x) => x.source), c.map((x) => x.at[0]),
      c.map((x) => x.at[1]), c.map((x) => x.grid.id), c.map((x) => x.grid.communityId), c.map((x) => x.grid.townshipId),
      c.map((x) => x.level), c.map((x) => x.state), c.map((x) => x.reportedAt), c.map((x) => x.dueAt), c.map((x) => x.escalations),
      c.map((x) => x.closedAt), c.map((x) => x.resolved), c.map((x) => x.satisfaction), c.map((x) => x.description),
      c.map((x) => x.signedAt), c.map((x) => x.sender), c.map((x) => x.sendBacks), c.map((x) => x.reopened), c.map((x) => x.followedUpAt),
    ])
    const steps = c.flatMap((x, k) => x.history.map((h) => ({ id: ids[k]!, ...h })))
    await tx.query(citySql.insert_history, [
      steps.map((h) => h.id), steps.map((h) => h.step), steps.map((h) => h.actorRole), steps.map((h) => h.level),
      steps.map((h) => h.at), steps.map((h) => h.department), steps.map((h) => h.note), steps.map((h) => h.dueAt), steps.map((h) => h.reason),
      steps.map((h) => h.channel), steps.map((h) => h.assisting?.join(',') ?? null), steps.map((h) => h.accepted), steps.map((h) => h.satisfaction),
    ])
    const routes = c.flatMap((x, k) => x.routes.map((r) => ({ id: ids[k]!, ...r })))
    await tx.query(citySql.insert_routes, [
      routes.map((r) => r.id), routes.map((r) => r.department), routes.map((r) => r.lead), routes.map((r) => r.routedAt),
      routes.map((r) => r.signDueAt), routes.map((r) => r.signedAt),
    ])
    const parties = c.flatMap((x, k) => x.parties.map((p) => ({ id: ids[k]!, ...p })))
    await tx.query(citySql.insert_parties, [
      parties.map((p) => p.id), parties.map((p) => p.role), parties.map((p) => p.name), parties.map((p) => p.phone),
      parties.map((p) => p.idNumber),
    ])
  }
  return stored
}

/** Returns the bodies' store ids, in the order given. */
export async function insertMediationBodies(tx: Queryable, bodies: readonly MediationBodyPlan[]): Promise<number[]> {
  const b = bodies
  const rows = await tx.query<{ id: number; name: string }>(citySql.insert_mediation_bodies, [
    b.map((x) => x.name), b.map((x) => x.kind), b.map((x) => x.field), b.map((x) => x.regionId), b.map((x) => x.at[0]),
    b.map((x) => x.at[1]), b.map((x) => x.disputeKinds.join(',')),
  ])
  const idOf = new Map(rows.map((r) => [r.name, r.id]))
  return b.map((x) => idOf.get(x.name)!)
}

/** The urgent hazards' alarms acknowledged at the seat a few minutes after each report, but the last hour's (acknowledge_urgent.sql). */
export async function acknowledgeUrgentHazards(tx: Queryable, now: Date): Promise<void> {
  const urgentKinds = HazardKind.options.filter((kind) => isUrgent({ category: 'hazard', kind }))
  await tx.query(citySql.acknowledge_urgent, [urgentKinds, now])
}

/** The mediations, under the store ids of their cases and bodies (by the plans' indexes). */
export async function insertMediations(tx: Queryable, mediations: readonly MediationPlan[], caseIds: readonly number[], bodyIds: readonly number[]): Promise<void> {
  const m = mediations
  await tx.query(citySql.insert_mediations, [
    m.map((x) => caseIds[x.case]!), m.map((x) => bodyIds[x.body]!), m.map((x) => x.kind), m.map((x) => x.mode), m.map((x) => x.referredAt),
    m.map((x) => x.sessions), m.map((x) => x.outcome), m.map((x) => x.endedAt), m.map((x) => x.amountYuan), m.map((x) => x.confirmedAt),
  ])
}
