import type { DraftCheck, DraftGridProps, GridRule, Issue } from '../contract/drafts'
import type { Geometry, LonLat } from '../contract/geo'
import { labels } from '../contract/labels'

/**
 * How much gap or overlap, in m² on the spheroid, is the arithmetic of 1e-6° coordinates (about 0.1 m)
 * rather than a drawing: a vertex rounded onto the grid leaves a sliver of a few tenths of a m² along an
 * edge of a hundred metres. Each gap piece, each pair of overlapping grids and each grid's part outside
 * its community is an error above it.
 */
export const TOLERANCE_M2 = 1

/**
 * How far areas the geometry engine computed apart may disagree about a region of `m2` and still be one
 * answer: the tolerance and 10 m² a km², since each snap-rounded overlay, and each rounding of a vertex to
 * 1e-6°, rounds its slivers its own way. A result that silently lost a part misses far more.
 */
export const engineSlack = (m2: number, tolerance = TOLERANCE_M2) => tolerance + 1e-5 * m2

/** Households a grid should have (DOMAIN.md): a town grid 200–300, a village grid at most 150. */
export const HOUSEHOLDS = { urban: { min: 200, max: 300 }, rural: { max: 150 } } as const

/** A draft grid's attributes the rules read, and a point of it to show an issue at. */
export type LocatedGrid = Pick<DraftGridProps, 'code' | 'kind' | 'households'> & { at: LonLat }

/** What PostGIS found of one draft grid (draft_check.sql); `index` is its place in the collection. */
export type GridFacts = LocatedGrid & {
  index: number
  valid: boolean
  /** ST_IsValidDetail's reason when not valid, e.g. `Self-intersection`. */
  reason: string | null
  /** `at`: for an invalid grid where it fails, else a point on its surface. */
  repair: Geometry | null
  outsideM2: number
  /** A point of its part outside the community, when that part is over the tolerance. */
  outsideAt: LonLat | null
}

/** Everything draft_check.sql returns: the grids, the listed gaps and overlaps, and the totals they are checked against. */
export type CheckFacts = {
  communityCode: string
  /** The draft's version these facts are of, and how many grids it has. */
  version: number
  features: number
  communityM2: number
  /** The grids' areas added up, and the area of their union. */
  sumM2: number
  unionM2: number
  /** The union's part outside the community. */
  outsideUnionM2: number
  /** Every overlap and every gap, listed or not. */
  overlapM2: number
  gapM2: number
  /** Codes the community's grids had and no current grid has: what is keyed by them (cases, visits, cover) must not come back with a new grid. */
  retiredCodes: string[]
  grids: GridFacts[]
  overlaps: DraftCheck['overlaps']
  gaps: DraftCheck['gaps']
}

const m2 = (a: number) => (a >= 100 ? Math.round(a).toLocaleString('en-US') : a.toFixed(1))

/** GEOS's reasons (ST_IsValidDetail), as an analyst reads them. */
const REASONS: Record<string, string> = {
  'Self-intersection': '自相交', 'Ring Self-intersection': '环自相交', 'Too few points': '顶点过少',
  'Hole lies outside shell': '内环在外环之外', 'Nested holes': '内环嵌套', 'Interior is disconnected': '内部不连通',
  'Nested shells': '外环嵌套', 'Duplicate Rings': '环重复', 'Invalid Coordinate': '坐标无效', 'Ring is not closed': '环未闭合',
}

const issue = (code: GridRule, message: string, at: LonLat, extra: Partial<Issue> = {}): Issue => ({ code, ...extra, message: `${labels.gridRule[code]}：${message}`, at })

/** Codes: 15 digits under the community's 12, once each, and none a retired grid's. */
export function codeIssues(communityCode: string, grids: readonly LocatedGrid[], retiredCodes: readonly string[] = []): Issue[] {
  const out: Issue[] = []
  const seen = new Map<string, number>()
  const retired = new Set(retiredCodes)
  grids.forEach((g, i) => {
    if (retired.has(g.code)) out.push(issue('retired_code', `网格编码 ${g.code} 属于已撤销的网格，不能再次使用；请用新编码`, g.at, { gridCode: g.code }))
    if (!/^\d{15}$/.test(g.code) || !g.code.startsWith(communityCode)) {
      out.push(issue('code_outside_community', `网格编码 ${g.code} 应为 15 位数字，以社区编码 ${communityCode} 开头`, g.at, { gridCode: g.code }))
    }
    const first = seen.get(g.code)
    if (first === undefined) seen.set(g.code, i)
    else out.push(issue('duplicate_code', `网格编码 ${g.code} 已用于第 ${first + 1} 个网格，此为第 ${i + 1} 个`, g.at, { gridCode: g.code }))
  })
  return out
}

/** Households outside what a grid of its kind should have: warnings, since a real estate may be bigger. */
export function householdIssues(grids: readonly LocatedGrid[]): Issue[] {
  return grids.flatMap((g): Issue[] => {
    if (g.kind === 'urban' && (g.households < HOUSEHOLDS.urban.min || g.households > HOUSEHOLDS.urban.max)) {
      return [issue('households_urban', `城镇网格 ${g.code} 有 ${g.households} 户，宜为 ${HOUSEHOLDS.urban.min}–${HOUSEHOLDS.urban.max} 户`, g.at, { gridCode: g.code })]
    }
    if (g.kind === 'rural' && g.households > HOUSEHOLDS.rural.max) {
      return [issue('households_rural', `农村网格 ${g.code} 有 ${g.households} 户，宜不超过 ${HOUSEHOLDS.rural.max} 户`, g.at, { gridCode: g.code })]
    }
    return []
  })
}

/** Invalid shapes (with where and a repair), overlaps, gaps and parts outside the community beyond the tolerance. */
export function geometryIssues(facts: CheckFacts, tolerance = TOLERANCE_M2): Issue[] {
  const out: Issue[] = []
  for (const g of facts.grids) {
    if (!g.valid) {
      const reason = g.reason ?? 'invalid'
      out.push(issue('invalid_geometry', `网格 ${g.code} 的边界不是有效多边形：${REASONS[reason] ?? reason}（${reason}）`, g.at,
        { gridCode: g.code, ...(g.repair ? { repair: g.repair } : {}) }))
    }
    if (g.outsideM2 > tolerance) {
      out.push(issue('outside_parent', `网格 ${g.code} 有 ${m2(g.outsideM2)} 平方米在所属社区之外`, g.outsideAt ?? g.at, { gridCode: g.code }))
    }
  }
  for (const o of facts.overlaps) {
    if (o.areaM2 > tolerance) out.push(issue('overlap', `网格 ${o.codes[0]} 与网格 ${o.codes[1]} 重叠 ${m2(o.areaM2)} 平方米`, o.at, { gridCode: o.codes[1] }))
  }
  for (const gap of facts.gaps) {
    if (gap.areaM2 > tolerance) out.push(issue('gap', `社区内有 ${m2(gap.areaM2)} 平方米不属于任何网格`, gap.at))
  }
  return out
}

/**
 * The totals cross-checked, so that an overlay that silently came back empty (PGlite's GEOS does so on
 * some near-coincident edges) cannot pass as "no gap, no overlap": the grids' areas beyond their union is
 * overlap, which the listed pairs must account for; and the community beyond the union, less the union
 * outside the community, is gap.
 */
export function consistencyIssues(facts: CheckFacts, at: LonLat, tolerance = TOLERANCE_M2): Issue[] {
  const slack = engineSlack(facts.communityM2, tolerance)
  const overlapMissing = facts.sumM2 - facts.unionM2 - facts.overlapM2
  const gapMissing = facts.communityM2 - facts.unionM2 + facts.outsideUnionM2 - facts.gapM2
  if (overlapMissing <= slack && Math.abs(gapMissing) <= slack) return []
  return [issue('check_inconsistent',
    `几何计算结果对不上（重叠差 ${m2(overlapMissing)} 平方米，空隙差 ${m2(gapMissing)} 平方米），未能确认网格无重叠无空隙`, at)]
}

/**
 * The whole check of a draft: errors refuse publishing, warnings do not. Facts of fewer grids than the draft
 * has are the engine failing (rows lost), never a draft to pass.
 */
export function checkDraft(facts: CheckFacts, tolerance = TOLERANCE_M2): Pick<DraftCheck, 'errors' | 'warnings' | 'gaps' | 'overlaps'> {
  if (facts.grids.length !== facts.features) throw new Error(`the geometry check returned ${facts.grids.length} grids for a draft of ${facts.features}`)
  return {
    errors: [
      ...codeIssues(facts.communityCode, facts.grids, facts.retiredCodes), ...geometryIssues(facts, tolerance),
      ...consistencyIssues(facts, facts.grids[0]?.at ?? [0, 0], tolerance),
    ],
    warnings: householdIssues(facts.grids),
    gaps: facts.gaps.filter((g) => g.areaM2 > tolerance),
    overlaps: facts.overlaps.filter((o) => o.areaM2 > tolerance),
  }
}

/**
 * The code for a new grid of the community: the number after the highest it has ever used (`used`: the
 * draft's codes and every grid version the store has had there), so a retired grid's code, whose cases,
 * patrol visits and camera cover are keyed by it, is never handed out again. Null when 999 is taken.
 */
export function nextGridCode(communityCode: string, used: Iterable<string>): string | null {
  let highest = 0
  for (const code of used) if (code.startsWith(communityCode) && code.length === 15) highest = Math.max(highest, Number(code.slice(12)))
  return highest >= 999 ? null : `${communityCode}${String(highest + 1).padStart(3, '0')}`
}

/** A split grid's households shared by area, whole households, adding up to the total. */
export function splitHouseholds(households: number, keptM2: number, newM2: number): [number, number] {
  const total = keptM2 + newM2
  const moved = total > 0 ? Math.round((households * newM2) / total) : 0
  return [households - moved, moved]
}

/**
 * The grid a split leaves besides the kept half: its new code, the name with that number appended, its share of
 * the households; a grid leader of its own and no grid workers yet (the kept half keeps them), from the same source.
 */
export function splitOff(kept: DraftGridProps, code: string, households: number): DraftGridProps {
  return {
    ...kept, code, name: `${kept.name.slice(0, 35)}（${code.slice(12)}）`, households, leaders: 1, fulltimeWorkers: 0, parttimeWorkers: 0,
  }
}

/** Two grids as one: the first keeps its code, name, kind and source; households and grid workers are added up; grid leaders are the larger count of the two. */
export function merged(a: DraftGridProps, b: DraftGridProps): DraftGridProps {
  return {
    ...a, households: a.households + b.households, leaders: Math.max(a.leaders, b.leaders),
    fulltimeWorkers: a.fulltimeWorkers + b.fulltimeWorkers, parttimeWorkers: a.parttimeWorkers + b.parttimeWorkers,
  }
}
