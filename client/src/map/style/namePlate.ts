import { COLOR, type Rgba } from './colors'
import { LABEL_FONT, palette } from './darkStyle'

const hex = (h: string): Rgba => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255]

/** The base map's label ink, for names deck.gl writes over the points. */
export const LABEL_INK = hex(palette.label)
/** The plate under a name: the map's dark, nearly opaque, so the points under it give way to the name. */
const PLATE: Rgba = [...COLOR.outline.slice(0, 3), 225] as Rgba

/**
 * A place's name as the screens write it over the map (a wall's townships, a drill-down's child areas): the base
 * map's font and ink on a dark plate, each glyph loaded as the names need it; sized by the display's `scale`.
 */
export const namePlate = (scale: number) => ({
  characterSet: 'auto' as const,
  fontFamily: `${LABEL_FONT[0]}, sans-serif`,
  sizeScale: scale,
  getColor: LABEL_INK,
  background: true,
  getBackgroundColor: PLATE,
  backgroundPadding: [5 * scale, 2 * scale] as [number, number],
  backgroundBorderRadius: 4 * scale,
})
