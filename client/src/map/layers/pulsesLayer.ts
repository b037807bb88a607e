import { ScatterplotLayer } from '@deck.gl/layers'
import type { CaseSummary } from '../../../../contract'
import { COLOR, withAlpha } from '../style/colors'

/** How long a new report pulses, and how long one beat takes. */
export const PULSE_MS = 8000
const BEAT_MS = 1600

const cache = new WeakMap<ReadonlyMap<number, CaseSummary>, { c: CaseSummary; t: number }[]>()

/** Open cases reported within `PULSE_MS` before `now`, with their report time parsed once. */
export function freshCases(cases: ReadonlyMap<number, CaseSummary>, now: number): { c: CaseSummary; t: number }[] {
  let list = cache.get(cases)
  if (!list) {
    list = [...cases.values()].map((c) => ({ c, t: Date.parse(c.reportedAt) })).filter((f) => now - f.t < PULSE_MS)
    cache.set(cases, list)
  }
  return list.filter((f) => now - f.t < PULSE_MS)
}

/**
 * Rings spreading from each new report for a few seconds, so an eye across the room catches it.
 * A pure function of the cases and the animation time.
 */
export function pulsesLayer({ cases, time, scale }: { cases: ReadonlyMap<number, CaseSummary>; time: number; scale: number }) {
  const phase = (t: number) => ((time - t) % BEAT_MS) / BEAT_MS
  return new ScatterplotLayer<{ c: CaseSummary; t: number }>({
    id: 'pulses',
    data: freshCases(cases, time),
    getPosition: (f) => f.c.location,
    getRadius: (f) => 6 + 30 * phase(f.t),
    getLineColor: (f) => withAlpha(COLOR[f.c.category], 1 - phase(f.t)),
    filled: false,
    stroked: true,
    radiusUnits: 'pixels',
    radiusScale: scale,
    lineWidthUnits: 'pixels',
    getLineWidth: 3 * scale,
    updateTriggers: { getRadius: time, getLineColor: time },
  })
}
