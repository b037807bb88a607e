import { type CodeLevel, codeLevel, parentCode } from '../../../domain/access'
import type { DrillTarget } from './drillRoute'

/** From this zoom a click on the first screen's map opens the grid under it, not the area one level down. */
export const GRID_CLICK_ZOOM = 11

/**
 * The area one level below `area` (a region's 12-digit code) that holds `code` (a region's or a grid's), by the
 * codes' nesting: the township of a grid in a county, the county of a grid in a prefecture; null when `code` does
 * not lie below `area`. E.g. (`231281000000`, `231281001001001`) → `231281001000`.
 */
export function childHolding(area: string, code: string): string | null {
  for (let c: string | null = code; c !== null; c = parentCode(c)) if (parentCode(c) === area) return c
  return null
}

/** The region of `level` that holds `code`, by its code; null when `code` lies above that level. */
export function holdingAt(code: string, level: CodeLevel): string | null {
  for (let c: string | null = code; c !== null; c = parentCode(c)) if (codeLevel(c) === level) return c
  return null
}

const regionTarget = (code: string): NonNullable<DrillTarget> => ({ level: codeLevel(code) as Exclude<CodeLevel, 'community' | 'grid'>, code })

/**
 * What a click on the map opens, from the grid under it (grids cover the whole store) and the area on screen:
 * - above the township, the area one level down that holds the grid (a province's prefecture, a county's
 *   township), or outside the area on screen the area of its level that holds it (a neighbouring county);
 * - on a township, the grid, or the other township clicked (unless zoomed in to the grids);
 * - on a grid, the grid;
 * - on the first screen (`shown` null), the area one level down of the scope's own (`scopeArea`, a county's
 *   township) or, for a narrower scope, the grid's township; closer in than GRID_CLICK_ZOOM, the grid.
 */
export function clickedArea(
  shown: DrillTarget, scopeArea: DrillTarget, grid: { code: string; townshipCode: string }, zoom: number,
): NonNullable<DrillTarget> {
  const gridTarget = { level: 'grid', code: grid.code } as const
  const township = { level: 'township', code: grid.townshipCode } as const
  if (shown === null) {
    const child = scopeArea && childHolding(scopeArea.code, grid.code)
    return zoom >= GRID_CLICK_ZOOM ? gridTarget : child ? regionTarget(child) : township
  }
  if (shown.level === 'grid') return gridTarget
  if (shown.level === 'township') return zoom >= GRID_CLICK_ZOOM || grid.townshipCode === shown.code ? gridTarget : township
  const holder = childHolding(shown.code, grid.code) ?? holdingAt(grid.code, shown.level)
  return holder ? regionTarget(holder) : township
}
