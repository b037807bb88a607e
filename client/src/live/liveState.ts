import type { CameraView, CaseSummary, Change, LiveSnapshot, PatrolFixes } from '../../../contract'

/**
 * What a screen knows of the live city: open cases, cameras, each patrol unit's latest fixes, and the
 * log position it reflects. Plain data, replaced on every change; `version` counts changes so layers
 * can tell deck.gl what moved.
 */
export type LiveState = {
  seq: number
  version: number
  cases: ReadonlyMap<number, CaseSummary>
  cameras: ReadonlyMap<number, CameraView>
  patrols: ReadonlyMap<number, PatrolFixes>
}

export const emptyLive: LiveState = { seq: 0, version: 0, cases: new Map(), cameras: new Map(), patrols: new Map() }

export function fromSnapshot(s: LiveSnapshot): LiveState {
  return {
    seq: s.seq,
    version: 1,
    cases: new Map(s.cases.map((c) => [c.id, c])),
    cameras: new Map(s.cameras.map((c) => [c.id, c])),
    patrols: new Map(s.patrols.map((p) => [p.unitId, p])),
  }
}

/**
 * Applies changes after the state's position, in order; one at or before it is already reflected
 * (a replay overlapping a snapshot) and is skipped. A closed case leaves the open set.
 */
export function applyChanges(state: LiveState, changes: readonly Change[]): LiveState {
  const fresh = changes.filter((c) => c.seq > state.seq)
  if (fresh.length === 0) return state
  const cases = new Map(state.cases)
  const cameras = new Map(state.cameras)
  const patrols = new Map(state.patrols)
  for (const change of fresh) {
    switch (change.entity) {
      case 'case':
        if (change.data.state === 'closed') cases.delete(change.data.id)
        else cases.set(change.data.id, change.data)
        break
      case 'camera':
        cameras.set(change.data.id, change.data)
        break
      case 'patrol':
        patrols.set(change.data.unitId, change.data)
        break
    }
  }
  return { seq: fresh.at(-1)!.seq, version: state.version + 1, cases, cameras, patrols }
}

/** Open cases past their due time at `now`. */
export const overdueCases = (state: LiveState, now: number) =>
  [...state.cases.values()].filter((c) => c.dueAt !== null && Date.parse(c.dueAt) < now)
