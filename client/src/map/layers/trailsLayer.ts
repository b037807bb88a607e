import { LineLayer } from '@deck.gl/layers'
import { TRAIL } from '../../../../contract'
import type { PatrolTrail } from '../../live/liveState'
import { COLOR, withAlpha } from '../style/colors'

const TRAIL_MS = TRAIL.hours * 3_600_000

type Columns = {
  length: number
  attributes: {
    getSourcePosition: { value: Float32Array; size: 2 }
    getTargetPosition: { value: Float32Array; size: 2 }
    getColor: { value: Uint8Array; size: 4; normalized: true }
  }
}

/**
 * Every unit's trail as one set of segment columns: from each fix to the next, coloured with an alpha
 * that fades with the newer fix's age, so the last hours read as a comet tail, sea green behind the unit's green point. Units with a single fix
 * have no trail.
 */
export function trailColumns(trails: ReadonlyMap<number, PatrolTrail>, now: number): Columns {
  const segments = [...trails.values()].reduce((n, t) => n + Math.max(0, t.fixes.length - 1), 0)
  const sources = new Float32Array(segments * 2)
  const targets = new Float32Array(segments * 2)
  const colors = new Uint8Array(segments * 4)
  let s = 0
  for (const { fixes } of trails.values()) {
    for (let i = 1; i < fixes.length; i++) {
      sources.set(fixes[i - 1]!.location, s * 2)
      targets.set(fixes[i]!.location, s * 2)
      colors.set(withAlpha(COLOR.patrolTrail, 0.7 * (1 - (now - Date.parse(fixes[i]!.at)) / TRAIL_MS)), s * 4)
      s++
    }
  }
  return {
    length: segments,
    attributes: {
      getSourcePosition: { value: sources, size: 2 },
      getTargetPosition: { value: targets, size: 2 },
      getColor: { value: colors, size: 4, normalized: true },
    },
  }
}

/**
 * The patrols' fading trails over the last `TRAIL.hours`, under the points. `columns` from
 * `trailColumns`. Straight segments, not a PathLayer: at a few pixels wide their joints cannot be
 * seen, and the wall redraws them every frame a report pulses, where a path's joint geometry costs
 * several times as much to draw.
 */
export function trailsLayer({ columns, scale }: { columns: Columns; scale: number }) {
  return new LineLayer({
    id: 'trails',
    data: columns,
    widthUnits: 'pixels',
    getWidth: 1.5 * scale,
  })
}
