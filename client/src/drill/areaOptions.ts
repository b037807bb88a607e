import type { GridCollection, RegionCollection } from '../../../contract'
import type { DrillTarget } from './drillRoute'

/** An area the picker offers: its path of names as typed and read (乡镇 › 村(社区) › 网格), and what it opens. */
export type AreaOption = { label: string; target: NonNullable<DrillTarget> }

/**
 * The townships and grids inside the scope (`reaches`), each named by its path from the township so that typing
 * any part of it (a community's name too) finds it: the townships first, then the grids, each in code order.
 */
export function areaOptions(city: { regions: RegionCollection; grids: GridCollection } | null, reaches: (t: NonNullable<DrillTarget>) => boolean): AreaOption[] {
  if (!city) return []
  const names = new Map(city.regions.features.map((f) => [f.properties.code, f.properties.name]))
  const townships: AreaOption[] = city.regions.features
    .filter((f) => f.properties.level === 'township')
    .map((f) => ({ label: f.properties.name, target: { level: 'township' as const, code: f.properties.code } }))
  const grids: AreaOption[] = city.grids.features.map(({ properties: g }) => ({
    label: [names.get(g.townshipCode), names.get(g.communityCode), g.name].filter(Boolean).join(' › '),
    target: { level: 'grid' as const, code: g.code },
  }))
  const byCode = (a: AreaOption, b: AreaOption) => a.target.code.localeCompare(b.target.code)
  return [...townships.sort(byCode), ...grids.sort(byCode)].filter((o) => reaches(o.target))
}
