import { TextLayer } from '@deck.gl/layers'
import { LABEL_FONT, palette } from '../style/darkStyle'
import { COLOR, type Rgba } from '../style/colors'

/** A place's name where the map writes it (its seat). */
export type PlaceLabel = { name: string; at: [number, number] }

const hex = (h: string): Rgba => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255]
const INK = hex(palette.label)
/** The plate under a name: the map's dark, nearly opaque, so the points under it give way to the name. */
const PLATE: Rgba = [...COLOR.outline.slice(0, 3), 225] as Rgba

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
    characterSet: 'auto',
    fontFamily: `${LABEL_FONT[0]}, sans-serif`,
    getSize: townshipLabelSize(zoom, 1),
    sizeScale: scale,
    getColor: INK,
    background: true,
    getBackgroundColor: PLATE,
    backgroundPadding: [5 * scale, 2 * scale],
    backgroundBorderRadius: 4 * scale,
  })
}
