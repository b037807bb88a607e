import { z } from 'zod'
import { featureCollection, GridCollection, RegionCollection } from '../../../contract'
import { codePrefix } from '../../../domain/access'
import { earlyRead } from '../api/earlyRead'
import { fetchJson } from '../api/fetchJson'

const RoadCollection = featureCollection(z.object({ kind: z.string(), name: z.string().nullable() }))

export type City = {
  regions: RegionCollection
  grids: GridCollection
  roads: z.infer<typeof RoadCollection>
}

/** The whole city as the first screen needs it: regions of every level, current grids, roads. */
export async function loadCity(): Promise<City> {
  const [regions, grids, roads] = await Promise.all([
    fetchJson('/api/v1/regions', RegionCollection),
    fetchJson('/api/v1/grids', GridCollection),
    fetchJson('/api/v1/roads', RoadCollection),
  ])
  return { regions, grids, roads }
}

/**
 * One area of the store as a screen that shows only it needs it: the area's regions (it and those within it),
 * its current grids, and the roads. In a province's store the whole store is tens of megabytes; a county's part
 * is the size of the demo city.
 */
export async function loadAreaCity(code: string, bbox: readonly [number, number, number, number]): Promise<City> {
  const prefix = codePrefix(code)
  const [regions, grids, roads] = await Promise.all([
    fetchJson(`/api/v1/regions?bbox=${bbox.join(',')}`, RegionCollection),
    fetchJson(`/api/v1/grids?region=${code}`, GridCollection),
    fetchJson('/api/v1/roads', RoadCollection),
  ])
  return { regions: { ...regions, features: regions.features.filter((f) => f.properties.code.startsWith(prefix)) }, grids, roads }
}

/**
 * The city's first read, started before the first render: its map is made once the city is here, and
 * so the city is taken up before the live snapshot (a wall's largest read, parsed on the same thread).
 */
export const cityRead = earlyRead(loadCity)

/** Region seats as points, where their names are written. */
export function seatPoints(regions: RegionCollection) {
  return {
    type: 'FeatureCollection' as const,
    features: regions.features.flatMap((f) =>
      f.properties.seat
        ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: f.properties.seat }, properties: f.properties }]
        : [],
    ),
  }
}
