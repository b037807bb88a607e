import * as turf from '@turf/turf'
import type { Feature, LineString, MultiLineString, MultiPolygon } from 'geojson'
import { z } from 'zod'
import { CaseSummary, DisputeKind, GridCollection, HazardKind, LiveSnapshot, type CaseReport, type StepRequest } from '../../contract'
import { SOURCES } from '../city/caseMix'
import { pointIn } from '../city/geo'
import { patrolRoute, SPEED_MPS } from '../city/patrolRoute'
import { linesOf, roadNetwork } from '../city/roadNetwork'
import { createRng, type Rng } from '../city/rng'
import type { Logger } from '../../server/src/log'
import { reportRate } from '../../domain/reportRhythm'
import { likelyStep, TYPICAL_HOURS } from './caseFlow'

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
}

/** Reports a year: Anda's disputes plus hazards found on patrol. */
const CASES_PER_DAY = (7444 + 2300) / 365
const HOUR_MS = 3_600_000

/** Reports come by day more than by night (Beijing time): relative rate by hour. */

/**
 * Simulated traffic through the public API: new disputes and hazards at the city's daily rhythm
 * (compressed by `speed`), open cases moving through the loop with realistic delays (about one in
 * twenty left alone, so the platform's clock escalates it), every patrol unit sending a fix each
 * tick along a road near its base, and now and then a camera failing or coming back.
 */
export async function startSimulator(o: SimOptions): Promise<() => void> {
  const rng = createRng(o.seed)
  const api = async <T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> => {
    const res = await fetch(o.baseUrl + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${o.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const json: unknown = await res.json()
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`)
    return schema.parse(json)
  }

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
  const open = new Map<number, { c: CaseSummary; nextAt: number }>()
  const schedule = (c: CaseSummary, now: number) => {
    if (c.state === 'closed') return open.delete(c.id)
    // One case in twenty is left alone: its level lets it lapse and the platform moves it up.
    const neglected = rng.chance(0.05)
    const simHours = neglected ? Infinity : -Math.log(1 - rng.next()) * TYPICAL_HOURS[c.state]
    open.set(c.id, { c, nextAt: now + (simHours * HOUR_MS) / o.speed })
  }
  for (const c of snapshot.cases) schedule(c, Date.now())
  const down = new Set(snapshot.cameras.filter((c) => c.state !== 'online').map((c) => c.id))
  const cameraIds = snapshot.cameras.map((c) => c.id)

  let ticking = false
  const tick = async () => {
    if (ticking) return
    ticking = true
    const now = Date.now()
    try {
      const expected = (CASES_PER_DAY * reportRate(new Date(now)) * o.speed * o.tickMs) / (24 * HOUR_MS)
      for (let n = poisson(rng, expected); n > 0; n--) schedule(await api('/api/v1/cases', CaseSummary, newReport(rng, grids, households)), now)
      for (const [id, { c, nextAt }] of open) {
        if (nextAt > now) continue
        const step = likelyStep(rng, c)
        if (!step) open.delete(id)
        else schedule(await api(`/api/v1/cases/${id}/steps`, CaseSummary, step satisfies StepRequest), now)
      }
      const at = new Date(now).toISOString()
      await Promise.all(units.map((u) => {
        const { location, heading } = u.route.advance((o.tickMs / 1000) * Math.min(o.speed, 10))
        return api(`/api/v1/patrols/${u.id}/fixes`, z.unknown(), { fixes: [{ at, location, heading, speedMps: u.speed }] })
      }))
      if (rng.chance(Math.min(1, (0.02 * o.speed * o.tickMs) / 1000))) await flipCamera(rng, cameraIds, down, api)
    } catch (err) {
      o.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'simulator tick failed')
    } finally {
      ticking = false
    }
  }
  const timer = setInterval(() => void tick(), o.tickMs)
  void tick()
  return () => clearInterval(timer)
}

function newReport(rng: Rng, grids: GridCollection['features'], households: number): CaseReport {
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
