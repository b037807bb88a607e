import type { GridCollection, RegionCollection, RegionName } from '../../../contract'
import type { DrillTarget } from './drillRoute'

/** An area the picker offers: its path of names as typed and read (乡镇 › 村(社区) › 网格), and what it opens. */
export type AreaOption = { label: string; target: NonNullable<DrillTarget> }

const WIDE = ['province', 'prefecture', 'county'] as const
type Wide = (typeof WIDE)[number]
const isWide = (level: string): level is Wide => (WIDE as readonly string[]).includes(level)

/**
 * The areas inside the scope (`reaches`): provinces, prefectures and counties by their names, townships by theirs, and
 * grids each named by its path from the township so that typing any part of it (a community's name too) finds it;
 * wider areas first, then the townships, then the grids, each in code order.
 */
export function areaOptions(city: { regions: RegionCollection; grids: GridCollection } | null, reaches: (t: NonNullable<DrillTarget>) => boolean): AreaOption[] {
  if (!city) return []
  const names = new Map(city.regions.features.map((f) => [f.properties.code, f.properties.name]))
  const grids: AreaOption[] = city.grids.features.map(({ properties: g }) => ({
    label: [names.get(g.townshipCode), names.get(g.communityCode), g.name].filter(Boolean).join(' › '),
    target: { level: 'grid' as const, code: g.code },
  }))
  return [...regionOptions(city.regions.features.map((f) => f.properties)), ...grids.sort(byCode)].filter((o) => reaches(o.target))
}

/** The areas inside the scope from the regions' names alone (a province's desk, whose grids are tiles): prefectures, counties and townships. */
export function namedAreaOptions(regions: readonly RegionName[], reaches: (t: NonNullable<DrillTarget>) => boolean): AreaOption[] {
  return regionOptions(regions).filter((o) => reaches(o.target))
}

const byCode = (a: AreaOption, b: AreaOption) => a.target.code.localeCompare(b.target.code)

/** The wider areas, then the townships, each in code order. */
function regionOptions(regions: readonly Pick<RegionName, 'code' | 'name' | 'level'>[]): AreaOption[] {
  const of = (wanted: (level: string) => boolean): AreaOption[] => regions.flatMap((r) => {
    const level = r.level
    return wanted(level) && (isWide(level) || level === 'township') ? [{ label: r.name, target: { level, code: r.code } }] : []
  })
  return [...of(isWide).sort(byCode), ...of((l) => l === 'township').sort(byCode)]
}
