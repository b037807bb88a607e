import { TextLayer } from '@deck.gl/layers'
import { namePlate } from '../style/namePlate'

/** A place's name where the map writes it (its seat). */
export type PlaceLabel = { name: string; at: [number, number] }

/** The township label's size in the base map (cityLayers: 17 px at zoom 8 to 28 px at 14), so the name over it is the same. */
export const townshipLabelSize = (zoom: number, scale: number) => (17 + (28 - 17) * Math.min(1, Math.max(0, (zoom - 8) / 6))) * scale

/**
 * Township names on a dark plate over the points beneath them (cameras, trails, patrols), under the cases:
 * the base map writes them under every point, where some hundred camera dots and the trails blot them out.
 * Drawn where the base map writes its own, at its size, so the plate covers that one. `zoom` is the frame's.
 */
export function placeLabelsLayer({ labels, zoom, scale }: { labels: readonly PlaceLabel[]; zoom: number; scale: number }) {
  return new TextLayer<PlaceLabel>({
    id: 'place-labels',
    data: labels as PlaceLabel[],
    getPosition: (l) => l.at,
    getText: (l) => l.name,
    getSize: townshipLabelSize(zoom, 1),
    ...namePlate(scale),
  })
}
