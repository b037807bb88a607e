import type { RankedUnit, Scope } from '../../../contract'
import { codeLevel } from '../../../domain/access'

/**
 * What a wall ranks: the units one level below its scope (a city's wall its townships, a township's its
 * communities, a community's its grids); nothing for a grid's wall or a department's.
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
    default:
      return 'township'
  }
}
