import * as turf from '@turf/turf'
import type { Feature, LineString, MultiLineString, MultiPolygon } from 'geojson'
import { z } from 'zod'
import {
  ApiErrorBody, CaseSummary, DepartmentInfo, DisputeKind, GridCollection, HazardKind, LiveSnapshot, type CaseReport, type StepRequest,
} from '../../contract'
import { ANDA } from '../city/anda'
import { SOURCES } from '../city/caseMix'
import { pointIn } from '../city/geo'
import { patrolRoute, SPEED_MPS } from '../city/patrolRoute'
import { linesOf, roadNetwork } from '../city/roadNetwork'
import { createRng, type Rng } from '../city/rng'
import type { Logger } from '../../server/src/log'
import { reportRate } from '../../domain/reportRhythm'
import { type Known, LAPSE, learn, planFor } from './caseFlow'
import { channelFiler, type Raw } from './channels'

export type SimOptions = {
  /** The server's own URL: the simulator goes through the public API like any client. */
  baseUrl: string
  token: string
  /** How many times faster than real life reports come and cases move (1 = real time). */
  speed: number
  /** Real milliseconds between ticks; patrols send one fix a tick. */
  tickMs: number
  seed: string
  log: Logger
  /**
   * The share of stages a holder lets run out of time (default `LAPSE`, one in twenty). A lapsed case is looked at
   * again when its clock has run out: hours away on a server whose limits are not compressed like the demo's.
   */
  lapse?: number
  /** The mini-program backend's Open311 key, to file its reports as it would; without one they go through the API. */
  open311Key?: string | null
}

/** Reports a day at the seeded years' rate: the disputes (Tongliao's count) and the hazards found on patrol. */
const CASES_PER_DAY = (ANDA.disputesPerYear + ANDA.hazardsPerYear) / 365
const HOUR_MS = 3_600_000
/** How long after a lapsed clock the simulator looks at the case again: the platform's clock runs every 10 s (ESCALATE_EVERY_MS). */
const LOOK_AGAIN_MS = 15_000
/** How often the list of departments is read again, so one an admin disabled is not routed to for long. */
const DEPARTMENTS_EVERY_MS = 60_000


/** A refusal from the API with its status: a 409 means the case moved on without the simulator. */
class Refused extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

/** A case the simulator means to move: what it knows of it, and the step it takes at `at` (null: only look again). */
type Planned = { known: Known; step: StepRequest | null; at: number }

/**
 * Simulated traffic through the public API with the one service key, which acts as any level and, naming
 * it, as any department a case is routed to: new disputes and hazards at the city's daily rhythm (compressed
 * by `speed`); open cases moved through the loop by every level and department with realistic delays, a
 * share of them let lapse at each stage so the platform's clock escalates them; every patrol unit sending a
 * fix each tick along a road near its base; and now and then a camera failing or coming back.
 */
export async function startSimulator(o: SimOptions): Promise<() => Promise<void>> {
  const rng = createRng(o.seed)
  const raw: Raw = (path, init) => fetch(o.baseUrl + path, { ...init, headers: { authorization: `Bearer ${o.token}`, ...init.headers } })
  const api = async <T>(path: string, schema: z.ZodType<T>, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const res = await fetch(o.baseUrl + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${o.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const json: unknown = await res.json()
    if (!res.ok) {
      // The code and message, not the body: a stale case's carries the whole case.
      const body = ApiErrorBody.safeParse(json)
      throw new Refused(res.status, `${path}: ${res.status} ${body.success ? `${body.data.code}: ${body.data.message}` : JSON.stringify(json)}`)
    }
    return schema.parse(json)
  }
  const readDepartments = () => api('/api/v1/departments', z.array(DepartmentInfo))

  const grids = (await api('/api/v1/grids', GridCollection)).features
  const households = grids.reduce((s, g) => s + g.properties.households, 0)
  const roads = (await api('/api/v1/roads', z.object({ features: z.array(z.any()) }))).features as Feature<LineString | MultiLineString>[]
  const network = roadNetwork(roads.flatMap((r) => linesOf(r.geometry)))
  const snapshot = await api('/api/v1/live/snapshot', LiveSnapshot)
  // Each unit goes on from its latest fix, the last of its trail.
  const units = snapshot.patrols.map((p) => ({
    id: p.unitId,
    route: patrolRoute(rng.fork(p.code), p.fixes.at(-1)!.location, network, p.kind),
    speed: SPEED_MPS[p.kind],
  }))
  const file = channelFiler(rng.fork('channels'), api, raw, o.open311Key ?? null)
  let departments = await readDepartments()
  let departmentsAt = Date.now()
  // A step is timed two ticks early, so a clock it means to beat is not missed by waiting for a tick.
  const slack = (2 * o.tickMs * o.speed) / HOUR_MS
  const planned = new Map<number, Planned>()
  const plan = (known: Known) => {
    const now = Date.now()
    const p = planFor(rng, known, departments, { now: new Date(now), speed: o.speed, slack }, o.lapse ?? LAPSE)
    if (!p) planned.delete(known.c.id)
    else planned.set(known.c.id, { known, step: p.step, at: now + (p.hours * HOUR_MS) / o.speed + (p.step ? 0 : LOOK_AGAIN_MS) })
  }
  const reread = async (known: Known) => plan(learn(known, await api(`/api/v1/cases/${known.c.id}`, CaseSummary)))
  /** Takes the planned step on the version it was planned on; when the case moved on meanwhile (409), goes on from where it is now. */
  const move = async ({ known, step }: Planned) => {
    if (!step) return reread(known)
    try {
      const c = await api(`/api/v1/cases/${known.c.id}/steps`, CaseSummary, { ...step, expectedVersion: known.c.version } satisfies StepRequest)
      plan(learn(known, c, step))
    } catch (err) {
      if (!(err instanceof Refused && err.status === 409)) throw err
      await reread(known)
    }
  }
  for (const c of snapshot.cases) plan(learn(undefined, c))
  const down = new Set(snapshot.cameras.filter((c) => c.state !== 'online').map((c) => c.id))
  const cameraIds = snapshot.cameras.map((c) => c.id)

  const tick = async () => {
    const now = Date.now()
    try {
      const expected = (CASES_PER_DAY * reportRate(new Date(now)) * o.speed * o.tickMs) / (24 * HOUR_MS)
      if (now - departmentsAt > DEPARTMENTS_EVERY_MS) {
        departments = await readDepartments()
        departmentsAt = now
      }
      for (let n = poisson(rng, expected); n > 0; n--) plan(learn(undefined, await file(newReport(rng, grids, households))))
      for (const due of [...planned.values()].filter((p) => p.at <= now)) {
        try {
          await move(due)
        } catch (err) {
          // One case's trouble does not hold up the others: look at it again in a while.
          o.log.warn({ case: due.known.c.id, step: due.step?.step, err: err instanceof Error ? err.message : String(err) }, 'simulated step failed')
          planned.set(due.known.c.id, { ...due, step: null, at: Date.now() + LOOK_AGAIN_MS })
        }
      }
      const at = new Date(now).toISOString()
      await Promise.all(units.map((u) => {
        const { location, heading } = u.route.advance((o.tickMs / 1000) * Math.min(o.speed, 10))
        return api(`/api/v1/patrols/${u.id}/fixes`, z.unknown(), { fixes: [{ at, location, heading, speedMps: u.speed }] })
      }))
      if (rng.chance(Math.min(1, (0.02 * o.speed * o.tickMs) / 1000))) await flipCamera(rng, cameraIds, down, api)
    } catch (err) {
      o.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'simulator tick failed')
    }
  }
  // One tick at a time: a slow one is not run over by the next.
  let ticking: Promise<void> | null = null
  const next = () => {
    ticking ??= tick().finally(() => (ticking = null))
  }
  const timer = setInterval(next, o.tickMs)
  next()
  // Stopping waits for the tick under way, so nothing the simulator does comes after it.
  return async () => {
    clearInterval(timer)
    await ticking
  }
}

function newReport(rng: Rng, grids: GridCollection['features'], households: number): CaseReport & { description: string } {
  let x = rng.range(0, households)
  const grid = grids.find((g) => (x -= g.properties.households) < 0) ?? grids[0]!
  const category = rng.chance(0.76) ? 'dispute' : 'hazard'
  const [lon, lat] = pointIn(rng, turf.feature(grid.geometry as MultiPolygon))
  const location: [number, number] = [Number(lon.toFixed(6)), Number(lat.toFixed(6))]
  return {
    category,
    kind: category === 'dispute' ? rng.pick(DisputeKind.options) : rng.pick(HazardKind.options),
    source: rng.weighted(SOURCES[category]),
    location,
    description: '模拟上报',
  }
}

/** A camera fails (mostly goes offline, sometimes faulty), or one that is down comes back. */
async function flipCamera(rng: Rng, ids: readonly number[], down: Set<number>, api: (path: string, schema: z.ZodType, body: unknown) => Promise<unknown>) {
  if (down.size > 0 && rng.chance(0.5)) {
    const id = rng.pick([...down])
    await api(`/api/v1/cameras/${id}/state`, z.unknown(), { state: 'online' })
    down.delete(id)
    return
  }
  const id = rng.pick(ids)
  await api(`/api/v1/cameras/${id}/state`, z.unknown(), { state: rng.chance(0.7) ? 'offline' : 'faulty' })
  down.add(id)
}

function poisson(rng: Rng, mean: number): number {
  let n = 0
  let p = Math.exp(-mean)
  let cumulative = p
  const u = rng.next()
  while (u > cumulative && n < 1000) {
    n++
    p *= mean / n
    cumulative += p
  }
  return n
}
