import { SolidPolygonLayer } from '@deck.gl/layers'
import * as turf from '@turf/turf'
import type { CameraView } from '../../../../contract'
import { COLOR, type Rgba, withAlpha } from '../style/colors'
import { beneath } from './beneath'
import { identity } from './identity'
import { valuesOf } from './valuesOf'

/** Closer than this zoom the wall draws each camera's view; further out they would be a blur. */
export const VIEWS_MIN_ZOOM = 13

type Ring = [number, number][]
const wedges = new Map<number, Ring>()

/** A camera's viewing wedge as a ring of [lon, lat]: apex at the camera, an arc about every 10°. Cached: a camera does not move. */
function wedge(cam: CameraView): Ring {
  let ring = wedges.get(cam.id)
  if (!ring) {
    const km = cam.rangeM / 1000
    const steps = Math.max(3, Math.ceil(cam.fovDeg / 10))
    const polygon = cam.fovDeg >= 360
      ? turf.circle(cam.location, km, { steps: 36 })
      : turf.sector(cam.location, km, cam.bearingDeg - cam.fovDeg / 2, cam.bearingDeg + cam.fovDeg / 2, { steps })
    ring = polygon.geometry.coordinates[0] as Ring
    wedges.set(cam.id, ring)
  }
  return ring
}

const VIEW_COLOR: Record<CameraView['state'], Rgba> = {
  online: withAlpha(COLOR.cameraOnline, 0.35),
  offline: withAlpha(COLOR.cameraOffline, 0.45),
  faulty: withAlpha(COLOR.cameraFaulty, 0.4),
}

/** What each camera sees (bearing, field of view, range), a dead one's view in its warning colour: the hole it leaves. */
export function cameraViewsLayer({ cameras, beforeId }: { cameras: ReadonlyMap<number, CameraView>; beforeId: string }) {
  return new SolidPolygonLayer<CameraView>({
    id: 'camera-views',
    data: valuesOf(cameras),
    ...beneath(beforeId),
    getPolygon: wedge,
    getFillColor: (c) => VIEW_COLOR[c.state],
    updateTriggers: { getFillColor: identity(cameras) },
  })
}
