import type { RankedUnit, Scope } from '../../../contract'
import { codeLevel } from '../../../domain/access'

/**
 * What a wall ranks: the units one level below its area (a province's wall its prefectures, a prefecture's its
 * counties, a county's its townships, a township's its communities, a community's its grids); nothing for a
 * grid's wall or a department's.
 */
export function rankedUnitFor(scope: Scope): RankedUnit | null {
  if (!('region' in scope)) return null
  switch (codeLevel(scope.region)) {
    case 'grid':
      return null
    case 'community':
      return 'grid'
    case 'township':
      return 'community'
    case 'county':
      return 'township'
    case 'prefecture':
      return 'county'
    case 'province':
      return 'prefecture'
  }
}
