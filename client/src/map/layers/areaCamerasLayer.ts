import { ScatterplotLayer } from '@deck.gl/layers'
import type { AreaCamera } from '../../../../contract'
import { COLOR, type Rgba } from '../style/colors'

const STATE_COLOR: Record<AreaCamera['state'], Rgba> = {
  online: COLOR.cameraOnline, offline: COLOR.cameraOffline, faulty: COLOR.cameraFaulty,
}

/** The cameras in or looking into an area, by state: a dead one larger, in its warning colour. */
export function areaCamerasLayer({ cameras, scale }: { cameras: readonly AreaCamera[]; scale: number }) {
  return new ScatterplotLayer<AreaCamera>({
    id: 'area-cameras',
    data: cameras,
    getPosition: (c) => c.location,
    getFillColor: (c) => STATE_COLOR[c.state],
    getRadius: (c) => (c.state === 'online' ? 3 : 5),
    radiusUnits: 'pixels',
    radiusScale: scale,
  })
}
