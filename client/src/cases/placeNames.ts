import type { CaseSummary, GridCollection, RegionCollection } from '../../../contract'

/** The name of every region and current grid by its code, as a case list names where a case is. */
export type PlaceNames = ReadonlyMap<string, string>

export function placeNames(city: { regions: RegionCollection; grids: GridCollection } | null): PlaceNames {
  if (!city) return new Map()
  return new Map([...city.regions.features, ...city.grids.features].map((f) => [f.properties.code, f.properties.name]))
}

/**
 * Where each case of a list is, in two names that tell its cases apart: the township and the community when
 * they lie in several townships (the whole city's), the community and the grid inside one township, or the
 * township and the community again where the grid's name is not known (a province's desk above the township
 * reads no grid names; a grid redrawn since the city was read). A code stands for any other name not known.
 */
export function placeOf(cases: readonly Pick<CaseSummary, 'townshipCode'>[], names: PlaceNames): (c: Pick<CaseSummary, 'townshipCode' | 'communityCode' | 'gridCode'>) => string {
  const name = (code: string) => names.get(code) ?? code
  const oneTownship = new Set(cases.map((c) => c.townshipCode)).size <= 1
  const wide = (c: Pick<CaseSummary, 'townshipCode' | 'communityCode'>) => `${name(c.townshipCode)} · ${name(c.communityCode)}`
  return oneTownship ? (c) => (names.has(c.gridCode) ? `${name(c.communityCode)} · ${name(c.gridCode)}` : wide(c)) : wide
}
