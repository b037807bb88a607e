import {
  type CameraView, type CaseSummary, type Change, type Fix, type GridCover, type LiveSnapshot, type PatrolFixes, TRAIL,
} from '../../../contract'
import { CAMERA_WINDOW_MS, type CameraChange, cameraChangeOf, type TickerItem, tickerItemsOf } from './ticker'

/** A patrol unit and its recent fixes, oldest first, the last one where it is now. */
export type PatrolTrail = Omit<PatrolFixes, 'fixes'> & { fixes: readonly Fix[] }

/**
 * What a screen knows of the live city: open cases, cameras, patrol trails, each grid's camera cover
 * and last patrol visit, the latest events, and the log position it reflects. Plain data: a change
 * replaces only the collections it touches, so a layer can tell by identity what moved (a patrol fix
 * leaves `cameras` the same object, and the camera layer is not rebuilt). Every collection is bounded:
 * a wall runs for days.
 */
export type LiveState = {
  seq: number
  cases: ReadonlyMap<number, CaseSummary>
  cameras: ReadonlyMap<number, CameraView>
  trails: ReadonlyMap<number, PatrolTrail>
  covers: ReadonlyMap<string, GridCover>
  /** Grid code → when a patrol was last in it (ms epoch). */
  visits: ReadonlyMap<string, number>
  /** Newest first, at most `TICKER_LENGTH`. */
  ticker: readonly TickerItem[]
  /** Cameras going down or back, newest first: those within `CAMERA_WINDOW_MS` of the newest, at most `CAMERA_CHANGES_LENGTH`. */
  cameraChanges: readonly CameraChange[]
  /**
   * The position of the newest change of the grids' boundaries the screen knows of (a published
   * redraw); a screen reads the city's grids again when it moves.
   */
  boundariesAt: number
}

export const TICKER_LENGTH = 40
/** Enough for a power cut taking a few hundred cameras down at once; the panel sums no more than these. */
export const CAMERA_CHANGES_LENGTH = 1000
/** A trail keeps one fix per this many ms (and always the newest), over the trail window. */
const TRAIL_STEP_MS = TRAIL.stepSeconds * 1000
const TRAIL_MS = TRAIL.hours * 3_600_000
const TRAIL_MAX = Math.ceil(TRAIL_MS / TRAIL_STEP_MS) + 2

export const emptyLive: LiveState = {
  seq: 0, cases: new Map(), cameras: new Map(), trails: new Map(), covers: new Map(), visits: new Map(), ticker: [], cameraChanges: [], boundariesAt: 0,
}

export function fromSnapshot(s: LiveSnapshot): LiveState {
  return {
    seq: s.seq,
    cases: new Map(s.cases.map((c) => [c.id, c])),
    cameras: new Map(s.cameras.map((c) => [c.id, c])),
    trails: new Map(s.patrols.map((p) => [p.unitId, { ...p, fixes: extendTrail([], p.fixes) }])),
    covers: new Map(s.covers.map((c) => [c.gridCode, c])),
    visits: new Map(s.visits.map((v) => [v.gridCode, Date.parse(v.lastAt)])),
    ticker: [],
    cameraChanges: [],
    boundariesAt: 0,
  }
}

/**
 * A trail with `fixes` added: thinned to one fix per `TRAIL_STEP_MS` (the newest always kept, as the
 * unit's position), and cut to the trail window before its newest fix.
 */
export function extendTrail(trail: readonly Fix[], fixes: readonly Fix[]): Fix[] {
  const out = [...trail]
  for (const fix of fixes) {
    // The newest fix is the unit's position; it stays in the trail once it is a step past the one before.
    const [beforeLast, last] = [out.at(-2), out.at(-1)]
    if (beforeLast && last && Date.parse(last.at) - Date.parse(beforeLast.at) < TRAIL_STEP_MS) out[out.length - 1] = fix
    else out.push(fix)
  }
  const newest = out.length > 0 ? Date.parse(out.at(-1)!.at) : 0
  const first = out.findIndex((f) => newest - Date.parse(f.at) <= TRAIL_MS)
  return out.slice(Math.max(first, out.length - TRAIL_MAX))
}

/**
 * Applies changes after the state's position, in order; one at or before it is already reflected
 * (a replay overlapping a snapshot) and is skipped. A closed case leaves the open set.
 */
export function applyChanges(state: LiveState, changes: readonly Change[]): LiveState {
  const fresh = changes.filter((c) => c.seq > state.seq)
  if (fresh.length === 0) return state
  const touched = new Set(fresh.map((c) => c.entity))
  // Copied only when this batch changes them; an untouched collection stays the same object, unchanged.
  const own = <K, V>(m: ReadonlyMap<K, V>, ...entities: Change['entity'][]) => (entities.some((e) => touched.has(e)) ? new Map(m) : (m as Map<K, V>))
  const cases = own(state.cases, 'case')
  const cameras = own(state.cameras, 'camera')
  const trails = own(state.trails, 'patrol', 'patrols')
  const covers = own(state.covers, 'cover')
  const visits = own(state.visits, 'patrol', 'patrols')
  const events: TickerItem[] = []
  const cameraEvents: CameraChange[] = []
  let boundariesAt = state.boundariesAt
  for (const change of fresh) {
    switch (change.entity) {
      case 'case': {
        const c = change.data
        events.push(...tickerItemsOf(change, cases.get(c.id)))
        if (c.state === 'closed') cases.delete(c.id)
        else cases.set(c.id, c)
        break
      }
      case 'camera': {
        const moved = cameraChangeOf(change, cameras.get(change.data.id))
        if (moved) cameraEvents.push(moved)
        cameras.set(change.data.id, change.data)
        break
      }
      case 'patrol':
        movePatrol(trails, visits, change.data)
        break
      case 'patrols':
        for (const unit of change.data.units) movePatrol(trails, visits, unit)
        break
      case 'cover':
        covers.set(change.data.gridCode, change.data)
        break
      case 'grid':
        boundariesAt = change.seq
        break
      case 'answer':
        events.push(...tickerItemsOf(change, undefined))
        break
    }
  }
  const ticker = events.length > 0 ? [...events.reverse(), ...state.ticker].slice(0, TICKER_LENGTH) : state.ticker
  const cameraChanges = cameraEvents.length > 0 ? recentCameraChanges([...cameraEvents.reverse(), ...state.cameraChanges]) : state.cameraChanges
  return { seq: fresh.at(-1)!.seq, cases, cameras, trails, covers, visits, ticker, cameraChanges, boundariesAt }
}

/** A unit's new fixes: its trail extended, and the grids it was in marked visited then. */
function movePatrol(trails: Map<number, PatrolTrail>, visits: Map<string, number>, { fixes, ...unit }: PatrolFixes): void {
  trails.set(unit.unitId, { ...unit, fixes: extendTrail(trails.get(unit.unitId)?.fixes ?? [], fixes) })
  for (const fix of fixes) {
    const t = Date.parse(fix.at)
    if (fix.gridCode && t > (visits.get(fix.gridCode) ?? 0)) visits.set(fix.gridCode, t)
  }
}

/** Camera changes (newest first) cut to the window before the newest and to the bound. */
function recentCameraChanges(changes: CameraChange[]): CameraChange[] {
  const newest = Date.parse(changes[0]!.at)
  const within = changes.findIndex((c) => newest - Date.parse(c.at) > CAMERA_WINDOW_MS)
  return changes.slice(0, Math.min(within === -1 ? changes.length : within, CAMERA_CHANGES_LENGTH))
}

/** Whether an open case is past its due time at `now`. */
export const isOverdue = (c: CaseSummary, now: number) => c.dueAt !== null && Date.parse(c.dueAt) < now
