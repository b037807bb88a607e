import { ScatterplotLayer } from '@deck.gl/layers'
import type { MediationBody } from '../../../../contract'
import { COLOR, withAlpha } from '../style/colors'

const FILL = withAlpha(COLOR.mediation, 0.25)

const cache = new WeakMap<readonly MediationBody[], MediationBody[]>()
/** The specialised committees first, so a community's or township's own committee is drawn over those at its seat. */
const ordered = (bodies: readonly MediationBody[]) => {
  let list = cache.get(bodies)
  if (!list) cache.set(bodies, (list = [...bodies].sort((a, b) => Number(a.kind !== 'specialised') - Number(b.kind !== 'specialised'))))
  return list
}

/**
 * The mediation bodies serving an area as sand rings round a faint disc, a people's mediation committee
 * larger than a specialised one: a place to send a dispute, quieter than the cases drawn over them. Over the
 * map's labels, like every point: a body sits at its region's seat, where the region's name is written, and
 * under the labels it would be hidden by them.
 */
export function mediationBodiesLayer({ bodies, scale }: { bodies: readonly MediationBody[]; scale: number }) {
  return new ScatterplotLayer<MediationBody>({
    id: 'mediation-bodies',
    data: ordered(bodies),
    getPosition: (b) => b.location,
    getRadius: (b) => (b.kind === 'specialised' ? 4 : 6.5),
    getFillColor: FILL,
    getLineColor: COLOR.mediation,
    getLineWidth: 1.5,
    radiusUnits: 'pixels',
    radiusScale: scale,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    stroked: true,
  })
}
