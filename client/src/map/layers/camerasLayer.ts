import { ScatterplotLayer } from '@deck.gl/layers'
import type { CameraState, CameraView } from '../../../../contract'
import { COLOR, type Rgba } from '../style/colors'

const STATE_COLOR: Record<CameraState, Rgba> = { online: COLOR.cameraOnline, offline: COLOR.cameraOffline, faulty: COLOR.cameraFaulty }
/** Class A (public security) points are drawn largest, C (shops, estates) smallest; a camera that is down larger still. */
const RADIUS = { A: 2.6, B: 2, C: 1.6 } as const
const DOWN_RADIUS = 4

type Columns = { length: number; attributes: Record<string, { value: Float32Array | Uint8Array; size: number; normalized?: boolean }> }
const cache = new WeakMap<ReadonlyMap<number, CameraView>, Columns>()

/** The cameras as columns (positions, colours, radii): made once per camera state, not per frame. */
function columns(cameras: ReadonlyMap<number, CameraView>): Columns {
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
    color.set(STATE_COLOR[cam.state], i * 4)
    radius[i] = cam.state === 'online' ? RADIUS[cam.class] : DOWN_RADIUS
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
 * orange, larger, so a dead camera is seen across the room. Binary columns: a patrol fix or a new
 * case leaves `cameras` the same object, and this layer is not touched.
 */
export function camerasLayer({ cameras, scale }: { cameras: ReadonlyMap<number, CameraView>; scale: number }) {
  return new ScatterplotLayer({
    id: 'cameras',
    data: columns(cameras),
    radiusUnits: 'pixels',
    radiusScale: scale,
    radiusMinPixels: 1,
    stroked: false,
  })
}
