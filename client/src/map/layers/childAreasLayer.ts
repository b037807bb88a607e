import { PathLayer, TextLayer } from '@deck.gl/layers'
import type { ChildArea } from '../../../../contract'
import { withAlpha } from '../style/colors'
import { LABEL_INK, namePlate } from '../style/namePlate'

type Ring = [number, number][]

const LINE = withAlpha(LABEL_INK, 0.9)

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
      getSize: 15,
      ...namePlate(scale),
    }),
  ]
}
