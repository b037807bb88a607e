import * as turf from '@turf/turf'
import type { AreaProfile, DepartmentInfo, Scope } from '../../../contract'
import type { City } from '../map/loadCity'

export type DeskArea = { code: string; name: string; geometry: AreaProfile['geometry']; bbox: [number, number, number, number] }

type Ring = [number, number][]

/** The region a scope works in: its own, or a township office's township; null for a city bureau (the whole city) or an unknown department. */
function regionOf(scope: Scope, departments: readonly DepartmentInfo[] | null): string | null {
  if ('region' in scope) return scope.region
  return departments?.find((d) => d.name === scope.department)?.townshipCode ?? null
}

/**
 * The account's own area on the city map, from the city already read for the map (no read of its own): a
 * grid worker's grid, an officer's community or township, the city for a city-wide desk, a township office's
 * township (from the departments' list, null until it is read). Null for a city bureau: its work is city-wide.
 */
export function deskArea(city: City, scope: Scope, departments: readonly DepartmentInfo[] | null): DeskArea | null {
  const code = regionOf(scope, departments)
  if (code === null) return null
  const found = code.length === 15
    ? city.grids.features.find((f) => f.properties.code === code)
    : city.regions.features.find((f) => f.properties.code === code)
  if (!found) return null
  const { type, coordinates } = found.geometry
  // The mask and outline take every polygon's rings: a Polygon is a MultiPolygon of one.
  const polygons = (type === 'Polygon' ? [coordinates] : coordinates) as Ring[][]
  const geometry = { type: 'MultiPolygon' as const, coordinates: polygons }
  return { code, name: found.properties.name, geometry, bbox: turf.bbox(geometry) as DeskArea['bbox'] }
}
