import { ScatterplotLayer } from '@deck.gl/layers'
import type { Rgba } from '../style/colors'

/** Hollow rings of one colour round points, sizes in pixels times the display scale: what marks a case for the eye. */
export function ringsLayer<T extends { location: [number, number] }>(
  { id, data, color, radius, width, scale }: { id: string; data: T[]; color: Rgba; radius: number; width: number; scale: number },
) {
  return new ScatterplotLayer<T>({
    id,
    data,
    getPosition: (d) => d.location,
    getRadius: radius,
    getLineColor: color,
    getLineWidth: width,
    radiusUnits: 'pixels',
    radiusScale: scale,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    stroked: true,
    filled: false,
  })
}
