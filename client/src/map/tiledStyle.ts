import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'
import { TILE_LAYERS } from '../../../contract'
import { GRID_SHADE_STATE } from './cityLayers'
import { darkStyle, palette } from './style/darkStyle'

/** Source ids of a map drawn from the server's vector tiles; each tile's layer is named as its source. */
export const TILE_SOURCES = { regions: 'regions', grids: 'grids' } as const

/** The zooms the server sends regions of each level from (contract/tiles.ts): below them a level is not in the tiles. */
export const REGION_TILE_ZOOM = { province: 0, prefecture: 0, county: 6, township: 9, community: 11 } as const

const byLevel = (level: string): FilterSpecification => ['==', ['get', 'level'], level]

/** The ground of an area one level down, with its shade (`TileShading`'s feature state) mixed over it. */
const shadedGround: ExpressionSpecification = [
  'interpolate', ['linear'], ['coalesce', ['feature-state', GRID_SHADE_STATE.share], 0],
  0, palette.gridRural,
  1, ['to-color', ['coalesce', ['feature-state', GRID_SHADE_STATE.colour], palette.gridRural]],
]

/**
 * A large area's base map from `/tiles/{regions,grids}/{z}/{x}/{y}.mvt` (a province: a hundred thousand grids
 * in GeoJSON would be tens of megabytes): bottom to top, the ground of the areas one level down (shaded by feature
 * state, by region code), grids from zoom 10, grid lines, then community, township, county and prefecture outlines
 * (heavier as the level rises) as the tiles carry each level, and the area's own outline glowing. Names are the
 * wall's to write (deck.gl, over the points). `scale` as for the city's layers; `origin` the server's, as MapLibre's
 * worker needs whole URLs, and asks them with the page's session.
 */
export function tiledStyle({ area, origin, scale }: { area: string; origin: string; scale: number }): StyleSpecification {
  const base = darkStyle()
  const { regions, grids } = TILE_SOURCES
  const source = (layer: keyof typeof TILE_SOURCES) => ({
    type: 'vector' as const,
    tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.mvt`],
    minzoom: TILE_LAYERS[layer].minZoom,
    maxzoom: TILE_LAYERS[layer].maxZoom,
    promoteId: 'code',
  })
  const byZoom = (z6: number, z14: number): DataDrivenPropertyValueSpecification<number> =>
    ['interpolate', ['linear'], ['zoom'], 6, z6 * scale, 14, z14 * scale]
  const line = (id: string, level: keyof typeof REGION_TILE_ZOOM, color: string, width: DataDrivenPropertyValueSpecification<number>): LayerSpecification => ({
    id, type: 'line', source: regions, 'source-layer': regions, filter: byLevel(level), minzoom: REGION_TILE_ZOOM[level],
    layout: { 'line-join': 'round' }, paint: { 'line-color': color, 'line-width': width },
  })
  const layers: LayerSpecification[] = [
    {
      id: 'child-fill', type: 'fill', source: regions, 'source-layer': regions, filter: ['==', ['get', 'parent'], area],
      paint: { 'fill-color': shadedGround, 'fill-antialias': false },
    },
    // Unseen: the regions under a click, at zooms the grids are not drawn at (the drill-down goes down from them).
    {
      id: 'region-hit', type: 'fill', source: regions, 'source-layer': regions, paint: { 'fill-opacity': 0 },
    },
    {
      id: 'grid-fill', type: 'fill', source: grids, 'source-layer': grids, minzoom: TILE_LAYERS.grids.minZoom,
      paint: { 'fill-color': ['match', ['get', 'kind'], 'urban', palette.gridUrban, palette.gridRural], 'fill-antialias': false },
    },
    {
      id: 'grid-line', type: 'line', source: grids, 'source-layer': grids, minzoom: TILE_LAYERS.grids.minZoom,
      paint: { 'line-color': palette.gridLine, 'line-width': byZoom(0.3, 1.2) },
    },
    line('community-line', 'community', palette.communityLine, byZoom(0.6, 2)),
    line('township-line', 'township', palette.townshipLine, byZoom(0.8, 4)),
    line('county-line', 'county', palette.townshipLine, byZoom(1, 5)),
    line('prefecture-line', 'prefecture', palette.cityLine, byZoom(1.8, 6)),
    {
      id: 'area-glow', type: 'line', source: regions, 'source-layer': regions, filter: ['==', ['get', 'code'], area],
      paint: { 'line-color': palette.cityLine, 'line-width': 10 * scale, 'line-blur': 8 * scale, 'line-opacity': 0.5 },
    },
    {
      id: 'area-line', type: 'line', source: regions, 'source-layer': regions, filter: ['==', ['get', 'code'], area],
      paint: { 'line-color': palette.cityLine, 'line-width': 3 * scale },
    },
  ]
  return { ...base, sources: { [regions]: source('regions'), [grids]: source('grids') }, layers: [...base.layers, ...layers] }
}
