import type { CaseSummary, DepartmentInfo, GridProps } from '../../../contract'
import { coversCode, type Reach } from '../../../domain/access'
import { mayRoute } from '../../../domain/routing'

/**
 * The departments the level holding `c` may summon for it (the domain's rule, which the server holds to):
 * a township its own township's offices and the city bureaus, the city any enabled one. Township offices first.
 */
export function routeChoices(departments: readonly DepartmentInfo[], c: Pick<CaseSummary, 'level' | 'townshipCode'>): DepartmentInfo[] {
  return departments
    .filter((d) => mayRoute(d, c.level, c.townshipCode) === null)
    .sort((a, b) => (a.level === b.level ? a.name.localeCompare(b.name, 'zh-CN') : a.level === 'township' ? -1 : 1))
}

/**
 * The grids a case may be dispatched to by this scope: inside the scope (the server refuses others), and
 * inside the holding level's area (a community's grids, else the case's township's); the case's own grid first.
 */
export function dispatchChoices(grids: readonly GridProps[], c: Pick<CaseSummary, 'level' | 'gridCode' | 'communityCode' | 'townshipCode'>, reach: Reach): GridProps[] {
  return grids
    .filter((g) => coversCode(reach, g.code) && (c.level === 'community' ? g.communityCode === c.communityCode : g.townshipCode === c.townshipCode))
    .sort((a, b) => (a.code === c.gridCode ? -1 : b.code === c.gridCode ? 1 : a.code.localeCompare(b.code)))
}
