import type { DataDrivenPropertyValueSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl'
import { LABEL_FONT, palette } from './style/darkStyle'

/** Source ids the city map fills from the API. */
export const CITY_SOURCES = { regions: 'regions', grids: 'grids', roads: 'roads', seats: 'region-seats' } as const

const byLevel = (level: string): FilterSpecification => ['==', ['get', 'level'], level]
const widthByZoom = (z8: number, z14: number): DataDrivenPropertyValueSpecification<number> => ['interpolate', ['linear'], ['zoom'], 8, z8, 14, z14]

/**
 * The base city, bottom to top: city ground, grids shaded by kind, roads, grid lines, community,
 * township and city outlines (heavier as the level rises), then names of townships and, closer in,
 * of communities and villages.
 */
export function cityLayers(): LayerSpecification[] {
  const { regions, grids, roads, seats } = CITY_SOURCES
  return [
    { id: 'city-fill', type: 'fill', source: regions, filter: byLevel('city'), paint: { 'fill-color': palette.city } },
    {
      id: 'grid-fill', type: 'fill', source: grids,
      paint: {
        'fill-color': ['match', ['get', 'kind'], 'urban', palette.gridUrban, palette.gridRural],
        'fill-opacity': 0.85,
      },
    },
    roadLayer('road-village', 'village_road', palette.villageRoad, widthByZoom(0.4, 1.5)),
    roadLayer('road-street', 'street', palette.street, widthByZoom(0.3, 2.5)),
    roadLayer('road-county', 'county_road', palette.countyRoad, widthByZoom(0.8, 3)),
    roadLayer('road-arterial', 'arterial', palette.arterial, widthByZoom(0.8, 4)),
    roadLayer('road-expressway', 'expressway', palette.expressway, widthByZoom(1.5, 5)),
    {
      id: 'road-railway', type: 'line', source: roads, filter: ['==', ['get', 'kind'], 'railway'],
      paint: { 'line-color': palette.railway, 'line-width': widthByZoom(1.2, 3), 'line-dasharray': [3, 2] },
    },
    { id: 'grid-line', type: 'line', source: grids, paint: { 'line-color': palette.gridLine, 'line-width': widthByZoom(0.3, 1.2) } },
    {
      id: 'community-line', type: 'line', source: regions, filter: byLevel('community'),
      paint: { 'line-color': palette.communityLine, 'line-width': widthByZoom(0.6, 2), 'line-opacity': 0.8 },
    },
    {
      id: 'township-line', type: 'line', source: regions, filter: byLevel('township'),
      paint: { 'line-color': palette.townshipLine, 'line-width': widthByZoom(1.6, 4) },
    },
    {
      id: 'city-glow', type: 'line', source: regions, filter: byLevel('city'),
      paint: { 'line-color': palette.cityLine, 'line-width': 10, 'line-blur': 8, 'line-opacity': 0.5 },
    },
    { id: 'city-line', type: 'line', source: regions, filter: byLevel('city'), paint: { 'line-color': palette.cityLine, 'line-width': 3 } },
    {
      id: 'community-label', type: 'symbol', source: seats, filter: byLevel('community'), minzoom: 11,
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 15 },
      paint: { 'text-color': palette.labelDim, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'township-label', type: 'symbol', source: seats, filter: byLevel('township'),
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 8, 16, 13, 26] },
      paint: { 'text-color': palette.label, 'text-halo-color': palette.halo, 'text-halo-width': 2 },
    },
  ]
}

function roadLayer(id: string, kind: string, color: string, width: DataDrivenPropertyValueSpecification<number>): LayerSpecification {
  return {
    id, type: 'line', source: CITY_SOURCES.roads, filter: ['==', ['get', 'kind'], kind],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': width },
  }
}
