import { PathLayer } from '@deck.gl/layers'
import type { AreaProfile } from '../../../../contract'
import { COLOR } from '../style/colors'

type Ring = [number, number][]

/** The area's boundary, bright over everything: where a duty leader's attention is. */
export function areaOutlineLayer({ area, scale }: { area: AreaProfile['geometry']; scale: number }) {
  return new PathLayer<Ring>({
    id: 'area-outline',
    data: area.coordinates.flat() as Ring[],
    getPath: (ring) => ring,
    getColor: COLOR.focus,
    getWidth: 3,
    widthUnits: 'pixels',
    widthScale: scale,
  })
}
