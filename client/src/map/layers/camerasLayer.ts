import { ScatterplotLayer } from '@deck.gl/layers'
import type { CameraState, CameraView } from '../../../../contract'
import { COLOR, type Rgba, withAlpha } from '../style/colors'

const STATE_COLOR: Record<CameraState, Rgba> = { online: COLOR.cameraOnline, offline: COLOR.cameraOffline, faulty: COLOR.cameraFaulty }
/** Class A (public security) points are drawn largest, C (shops, estates) smallest. */
const RADIUS = { A: 2.6, B: 2, C: 1.6 } as const
/**
 * A camera that is down: loud (larger, full colour) where the cameras are what the screen shows; elsewhere
 * a muted dot no larger than a working one, so some hundreds of them do not outshout a few dozen cases.
 */
const DOWN = { loud: { radius: 4, alpha: 1 }, quiet: { radius: 2.2, alpha: 0.5 } } as const

type Columns = { length: number; attributes: Record<string, { value: Float32Array | Uint8Array; size: number; normalized?: boolean }> }
const caches = { loud: new WeakMap<ReadonlyMap<number, CameraView>, Columns>(), quiet: new WeakMap<ReadonlyMap<number, CameraView>, Columns>() }

/** The cameras as columns (positions, colours, radii): made once per camera state and loudness, not per frame. */
function columns(cameras: ReadonlyMap<number, CameraView>, loudness: keyof typeof DOWN): Columns {
  const cache = caches[loudness]
  const down = DOWN[loudness]
  let cols = cache.get(cameras)
  if (cols) return cols
  const n = cameras.size
  const position = new Float32Array(n * 2)
  const color = new Uint8Array(n * 4)
  const radius = new Float32Array(n)
  // Cameras that are down last, so they are drawn over their working neighbours.
  const ordered = [...cameras.values()].sort((a, b) => Number(a.state !== 'online') - Number(b.state !== 'online'))
  let i = 0
  for (const cam of ordered) {
    position.set(cam.location, i * 2)
    color.set(cam.state === 'online' ? STATE_COLOR.online : withAlpha(STATE_COLOR[cam.state], down.alpha), i * 4)
    radius[i] = cam.state === 'online' ? RADIUS[cam.class] : down.radius
    i++
  }
  cols = {
    length: n,
    attributes: {
      getPosition: { value: position, size: 2 },
      getFillColor: { value: color, size: 4, normalized: true },
      getRadius: { value: radius, size: 1 },
    },
  }
  cache.set(cameras, cols)
  return cols
}

/**
 * Every Sharp Eyes camera by class and state: online ones small and quiet, offline magenta and faulty
 * deep blue. `loud` (the wall's camera-cover theme): a dead camera larger and in full colour, seen across
 * the room; otherwise muted and small, beneath the cases. Binary columns: a patrol fix or a new case
 * leaves `cameras` the same object, and this layer is not touched.
 */
export function camerasLayer({ cameras, scale, loud = true }: { cameras: ReadonlyMap<number, CameraView>; scale: number; loud?: boolean }) {
  return new ScatterplotLayer({
    id: 'cameras',
    data: columns(cameras, loud ? 'loud' : 'quiet'),
    radiusUnits: 'pixels',
    radiusScale: scale,
    radiusMinPixels: 1,
    stroked: false,
  })
}
