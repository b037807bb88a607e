import { PathLayer, TextLayer } from '@deck.gl/layers'
import type { ChildArea } from '../../../../contract'
import { LABEL_FONT, palette } from '../style/darkStyle'
import { COLOR, type Rgba, withAlpha } from '../style/colors'

type Ring = [number, number][]

const hex = (h: string): Rgba => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255]
const INK = hex(palette.label)
const LINE = withAlpha(INK, 0.9)
const PLATE: Rgba = [...COLOR.outline.slice(0, 3), 210] as Rgba

/**
 * The areas one level down from the one a drill-down shows (a county's townships, a province's prefectures):
 * their outlines, light and heavier than the base map's lines (which draw none above the township), so that a
 * click on one is a choice read off the map; with `named`, their names on a dark plate at each one's seat (a
 * county's townships are named by the base map already).
 */
export function childAreasLayers({ children, named, scale }: { children: readonly ChildArea[]; named: boolean; scale: number }) {
  const outlines = new PathLayer<Ring>({
    id: 'child-outlines',
    data: children.flatMap((c) => c.geometry.coordinates.flat() as Ring[]),
    getPath: (ring) => ring,
    getColor: LINE,
    getWidth: 2.5,
    widthUnits: 'pixels',
    widthScale: scale,
  })
  if (!named) return [outlines]
  return [
    outlines,
    new TextLayer<ChildArea>({
      id: 'child-names',
      data: children as ChildArea[],
      getPosition: (c) => c.at,
      getText: (c) => c.name,
      characterSet: 'auto',
      fontFamily: `${LABEL_FONT[0]}, sans-serif`,
      getSize: 15,
      sizeScale: scale,
      getColor: INK,
      background: true,
      getBackgroundColor: PLATE,
      backgroundPadding: [5 * scale, 2 * scale],
      backgroundBorderRadius: 4 * scale,
    }),
  ]
}
