import type { RankedUnit, Scope } from '../../../contract'
import { codeLevel, unitBelow } from '../../../domain/access'

/**
 * What a wall ranks: the units one level below its area (a province's wall its prefectures, a prefecture's its
 * counties, a county's its townships, a township's its communities, a community's its grids); nothing for a
 * grid's wall or a department's.
 */
export const rankedUnitFor = (scope: Scope): RankedUnit | null => ('region' in scope ? unitBelow(codeLevel(scope.region)) : null)
