import { PathLayer } from '@deck.gl/layers'
import { TRAIL } from '../../../../contract'
import type { PatrolTrail } from '../../live/liveState'
import { COLOR, withAlpha } from '../style/colors'

const TRAIL_MS = TRAIL.hours * 3_600_000

type Columns = {
  length: number
  startIndices: Uint32Array
  attributes: { getPath: { value: Float32Array; size: 2 }; getColor: { value: Uint8Array; size: 4; normalized: true } }
}

/**
 * Every unit's trail as one set of columns: positions, and a colour per vertex whose alpha fades with
 * the fix's age, so the last hours read as a comet tail. Units with a single fix have no trail.
 */
export function trailColumns(trails: ReadonlyMap<number, PatrolTrail>, now: number): Columns {
  const paths = [...trails.values()].filter((t) => t.fixes.length > 1)
  const vertices = paths.reduce((n, t) => n + t.fixes.length, 0)
  const startIndices = new Uint32Array(paths.length)
  const positions = new Float32Array(vertices * 2)
  const colors = new Uint8Array(vertices * 4)
  let v = 0
  paths.forEach((t, i) => {
    startIndices[i] = v
    for (const fix of t.fixes) {
      positions.set(fix.location, v * 2)
      colors.set(withAlpha(COLOR.patrol, 0.7 * (1 - (now - Date.parse(fix.at)) / TRAIL_MS)), v * 4)
      v++
    }
  })
  return {
    length: paths.length, startIndices,
    attributes: { getPath: { value: positions, size: 2 }, getColor: { value: colors, size: 4, normalized: true } },
  }
}

/** The patrols' fading trails over the last `TRAIL.hours`, under the points. `columns` from `trailColumns`. */
export function trailsLayer({ columns, scale }: { columns: Columns; scale: number }) {
  return new PathLayer({
    id: 'trails',
    data: columns,
    _pathType: 'open',
    positionFormat: 'XY',
    widthUnits: 'pixels',
    getWidth: 1.5 * scale,
    capRounded: true,
    jointRounded: true,
  })
}
