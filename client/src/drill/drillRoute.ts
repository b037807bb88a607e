import type { AreaLevel } from '../../../contract'

/** What a drill-down shows: a province, prefecture, county, township or grid, or nothing yet (the whole scope, pick one). */
export type DrillTarget = { level: AreaLevel; code: string } | null

const PATH = /^\/drill(?:\/(province|prefecture|county|township|grid)\/(\d+))?\/?$/

/**
 * `/drill`, `/drill/county/231281000000`, `/drill/township/231281100000` or `/drill/grid/231281001001001` → what
 * to show, so a link can be sent to a colleague; `undefined` for an address that is not a drill-down (or a code of
 * the wrong length for its level).
 */
export function drillTarget(pathname: string): DrillTarget | undefined {
  const m = PATH.exec(pathname)
  if (!m) return undefined
  const [, level, code] = m
  if (!level || !code) return null
  if (code.length !== (level === 'grid' ? 15 : 12)) return undefined
  return { level: level as AreaLevel, code }
}

export const drillPath = (t: DrillTarget) => (t ? `/drill/${t.level}/${t.code}` : '/drill')
