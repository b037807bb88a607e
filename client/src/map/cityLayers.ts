import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'
import { type City, seatPoints } from './loadCity'
import { darkStyle, LABEL_FONT, palette } from './style/darkStyle'

/** Source ids the city map fills from the API. */
export const CITY_SOURCES = { regions: 'regions', grids: 'grids', roads: 'roads', seats: 'region-seats' } as const

const byLevel = (level: string): FilterSpecification => ['==', ['get', 'level'], level]
/** The store's top region (the demo's city, a province seed's province): the one with no parent, outlined with a glow. */
const TOP_REGION: FilterSpecification = ['==', ['get', 'parentCode'], null]
/** A value growing with zoom from its z8 to its z14 size, times the display scale. */
type Sized = (z8: number, z14: number) => DataDrivenPropertyValueSpecification<number>

/** The grids' feature state a screen shades a grid with: a CSS colour, and how much of it covers the grid's own (0..1). */
export const GRID_SHADE_STATE = { colour: 'shade', share: 'shadeShare' } as const

const byKind: ExpressionSpecification = ['match', ['get', 'kind'], 'urban', palette.gridUrban, palette.gridRural]

/** A grid's kind colour with its shade laid over it: one fill, not a second pass over the city. */
const shadedByKind: ExpressionSpecification = [
  'interpolate', ['linear'], ['coalesce', ['feature-state', GRID_SHADE_STATE.share], 0],
  0, byKind,
  1, ['to-color', ['coalesce', ['feature-state', GRID_SHADE_STATE.colour], palette.gridRural]],
]

/**
 * The base city, bottom to top: grids filled by kind (on a screen that shades them,
 * with each grid's shade feature state over that), roads, grid lines, community, township and
 * city outlines (heavier as the level rises), then names of townships and, closer in, of
 * communities and villages. `scale` grows lines and type with the display (1 at 1080 px high, 2 on a
 * 4K wall) so they read the same from the same distance.
 */
export function cityLayers({ scale, shaded }: { scale: number; shaded: boolean }): LayerSpecification[] {
  const { regions, grids, roads, seats } = CITY_SOURCES
  const byZoom: Sized = (z8, z14) => ['interpolate', ['linear'], ['zoom'], 8, z8 * scale, 14, z14 * scale]
  const roadLayer = (id: string, kind: string, color: string, width: DataDrivenPropertyValueSpecification<number>): LayerSpecification => ({
    id, type: 'line', source: roads, filter: ['==', ['get', 'kind'], kind],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': width },
  })
  return [
    // The grids cover the whole city, so there is no city ground under them to draw (a pass over the
    // city and a shader fewer). Outlines are layers of their own, so fills need no antialiased edge.
    {
      id: 'grid-fill', type: 'fill', source: grids,
      paint: { 'fill-color': shaded ? shadedByKind : byKind, 'fill-antialias': false },
    },
    roadLayer('road-village', 'village_road', palette.villageRoad, byZoom(0.4, 1.5)),
    roadLayer('road-street', 'street', palette.street, byZoom(0.3, 2.5)),
    roadLayer('road-county', 'county_road', palette.countyRoad, byZoom(0.8, 3)),
    roadLayer('road-arterial', 'arterial', palette.arterial, byZoom(0.8, 4)),
    roadLayer('road-expressway', 'expressway', palette.expressway, byZoom(1.5, 5)),
    // A railway is a hollow line, not a dashed one: a dash pattern is a shader of its own to compile
    // and draw for one road class.
    roadLayer('road-railway', 'railway', palette.railway, byZoom(1.6, 4)),
    roadLayer('road-railway-core', 'railway', palette.background, byZoom(0.6, 1.6)),
    { id: 'grid-line', type: 'line', source: grids, paint: { 'line-color': palette.gridLine, 'line-width': byZoom(0.3, 1.2) } },
    {
      id: 'community-line', type: 'line', source: regions, filter: byLevel('community'),
      paint: { 'line-color': palette.communityLine, 'line-width': byZoom(0.6, 2), 'line-opacity': 0.8 },
    },
    {
      id: 'township-line', type: 'line', source: regions, filter: byLevel('township'),
      paint: { 'line-color': palette.townshipLine, 'line-width': byZoom(1.6, 4) },
    },
    {
      id: 'city-glow', type: 'line', source: regions, filter: TOP_REGION,
      paint: { 'line-color': palette.cityLine, 'line-width': 10 * scale, 'line-blur': 8 * scale, 'line-opacity': 0.5 },
    },
    { id: 'city-line', type: 'line', source: regions, filter: TOP_REGION, paint: { 'line-color': palette.cityLine, 'line-width': 3 * scale } },
    {
      id: 'community-label', type: 'symbol', source: seats, filter: byLevel('community'), minzoom: 11,
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 15 * scale },
      paint: { 'text-color': palette.labelDim, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 * scale },
    },
    {
      id: 'township-label', type: 'symbol', source: seats, filter: byLevel('township'),
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': byZoom(17, 28) },
      paint: { 'text-color': palette.label, 'text-halo-color': palette.halo, 'text-halo-width': 2 * scale },
    },
  ]
}


/** The city's GeoJSON by source id: its regions, grids, roads and region seats. */
export function citySources(city: City): Record<string, GeoJSON.GeoJSON> {
  return {
    [CITY_SOURCES.regions]: city.regions as GeoJSON.GeoJSON,
    [CITY_SOURCES.grids]: city.grids as GeoJSON.GeoJSON,
    [CITY_SOURCES.roads]: city.roads as GeoJSON.GeoJSON,
    [CITY_SOURCES.seats]: seatPoints(city.regions),
  }
}

/**
 * The offline dark style with the city in it: its sources as GeoJSON (grids known by their code, for
 * feature state), and the layers above.
 */
export function cityStyle(city: City, look: { scale: number; shaded: boolean }): StyleSpecification {
  const base = darkStyle()
  const sources = Object.fromEntries(Object.entries(citySources(city)).map(([id, data]) => [
    id, { type: 'geojson' as const, data, ...(id === CITY_SOURCES.grids ? { promoteId: 'code' } : {}) },
  ]))
  return { ...base, sources, layers: [...base.layers, ...cityLayers(look)] }
}
