import { describe, expect, it } from 'vitest'
import {
  type CheckFacts, checkDraft, codeIssues, consistencyIssues, type GridFacts, householdIssues, merged, nextGridCode, splitHouseholds,
  splitOff, TOLERANCE_M2,
} from '../../domain/gridRules'

const COMMUNITY = '231281001002'
const at: [number, number] = [125.3, 46.42]
const grid = (code: string, extra: Partial<GridFacts> = {}): GridFacts => ({
  index: 0, code, kind: 'urban', households: 250, at, valid: true, reason: null, repair: null, outsideM2: 0, outsideAt: null, ...extra,
})
/** A community of 1 km² tiled exactly by its grids, unless a test says otherwise. */
const facts = (grids: GridFacts[], extra: Partial<CheckFacts> = {}): CheckFacts => ({
  communityCode: COMMUNITY, version: 1, features: grids.length, communityM2: 1e6, sumM2: 1e6, unionM2: 1e6, outsideUnionM2: 0,
  overlapM2: 0, gapM2: 0, retiredCodes: [], grids: grids.map((g, index) => ({ ...g, index })), overlaps: [], gaps: [], ...extra,
})
const props = { code: `${COMMUNITY}001`, name: '富民社区第一网格', kind: 'urban' as const, households: 250, leaders: 1, fulltimeWorkers: 1, parttimeWorkers: 2, sourceCode: `${COMMUNITY}001` }

describe('household limits', () => {
  it('warn about an urban grid outside 200–300 households and a rural one over 150, never refuse them', () => {
    const grids = [
      grid('1', { kind: 'urban', households: 200 }), grid('2', { kind: 'urban', households: 300 }),
      grid('3', { kind: 'urban', households: 199 }), grid('4', { kind: 'urban', households: 301 }),
      grid('5', { kind: 'rural', households: 150 }), grid('6', { kind: 'rural', households: 151 }), grid('7', { kind: 'rural', households: 3 }),
    ]
    expect(householdIssues(grids).map((i) => [i.code, i.gridCode])).toEqual([['households_urban', '3'], ['households_urban', '4'], ['households_rural', '6']])
    expect(householdIssues(grids)[0]).toEqual({ code: 'households_urban', gridCode: '3', message: '城镇网格户数：城镇网格 3 有 199 户，宜为 200–300 户', at })
    const check = checkDraft(facts([grid(`${COMMUNITY}001`, { households: 900 })]))
    expect(check.errors).toEqual([])
    expect(check.warnings.map((w) => w.code)).toEqual(['households_urban'])
  })
})

describe('grid codes', () => {
  it('must be 15 digits under the community’s code, each once', () => {
    const issues = codeIssues(COMMUNITY, [
      grid(`${COMMUNITY}001`), grid('231281001003001'), grid(`${COMMUNITY}01`), grid(`${COMMUNITY}001`, { at: [125.31, 46.43] }),
    ])
    expect(issues.map((i) => [i.code, i.gridCode])).toEqual([
      ['code_outside_community', '231281001003001'], ['code_outside_community', `${COMMUNITY}01`], ['duplicate_code', `${COMMUNITY}001`],
    ])
    expect(issues[2]).toMatchObject({ at: [125.31, 46.43], message: `编码重复：网格编码 ${COMMUNITY}001 已用于第 1 个网格，此为第 4 个` })
  })

  it('may not be a retired grid’s: what is keyed by that code must not come back with a new grid', () => {
    const issues = codeIssues(COMMUNITY, [grid(`${COMMUNITY}001`), grid(`${COMMUNITY}009`)], [`${COMMUNITY}009`])
    expect(issues.map((i) => [i.code, i.gridCode])).toEqual([['retired_code', `${COMMUNITY}009`]])
    expect(checkDraft(facts([grid(`${COMMUNITY}009`)], { retiredCodes: [`${COMMUNITY}009`] })).errors.map((i) => i.code)).toEqual(['retired_code'])
  })

  it('for a new grid are the number after the highest the community ever used, never a retired one', () => {
    expect(nextGridCode(COMMUNITY, [`${COMMUNITY}001`, `${COMMUNITY}007`, `${COMMUNITY}003`, '231281001003050'])).toBe(`${COMMUNITY}008`)
    expect(nextGridCode(COMMUNITY, [])).toBe(`${COMMUNITY}001`)
    expect(nextGridCode(COMMUNITY, [`${COMMUNITY}999`])).toBeNull()
  })
})

describe('geometry', () => {
  it('refuses an invalid grid, saying where and offering the repair', () => {
    const repair = { type: 'MultiPolygon', coordinates: [] }
    const check = checkDraft(facts([grid(`${COMMUNITY}001`, { valid: false, reason: 'Self-intersection', at: [125.300549, 46.41986], repair })]))
    expect(check.errors).toEqual([{
      code: 'invalid_geometry', gridCode: `${COMMUNITY}001`, at: [125.300549, 46.41986], repair,
      message: `边界无效：网格 ${COMMUNITY}001 的边界不是有效多边形：自相交（Self-intersection）`,
    }])
  })

  it('refuses overlaps, gaps and parts outside the community over the tolerance, and lists only those', () => {
    const square = { type: 'Polygon', coordinates: [] }
    const check = checkDraft(facts([grid(`${COMMUNITY}001`, { outsideM2: 12.5, outsideAt: [125.4, 46.5] }), grid(`${COMMUNITY}002`)], {
      // The union: the community less its gaps, and the part outside; the grids' areas: the union and its overlaps.
      unionM2: 1e6 - 12_646.4 + 12.5, sumM2: 1e6 - 12_646.4 + 12.5 + 13_206.8, overlapM2: 13_206.8, gapM2: 12_646.4, outsideUnionM2: 12.5,
      overlaps: [
        { codes: [`${COMMUNITY}001`, `${COMMUNITY}002`], geometry: square, areaM2: 13_206.4, at },
        { codes: [`${COMMUNITY}001`, `${COMMUNITY}003`], geometry: square, areaM2: 0.4, at },
      ],
      gaps: [{ geometry: square, areaM2: 12_645.9, at }, { geometry: square, areaM2: 0.5, at }],
    }))
    expect(check.errors.map((e) => [e.code, e.message])).toEqual([
      ['outside_parent', `超出所属社区：网格 ${COMMUNITY}001 有 12.5 平方米在所属社区之外`],
      ['overlap', `网格重叠：网格 ${COMMUNITY}001 与网格 ${COMMUNITY}002 重叠 13,206 平方米`],
      ['gap', '网格间空隙：社区内有 12,646 平方米不属于任何网格'],
    ])
    expect(check.errors[0]!.at).toEqual([125.4, 46.5])
    expect(check.overlaps.map((o) => o.areaM2)).toEqual([13_206.4])
    expect(check.gaps.map((g) => g.areaM2)).toEqual([12_645.9])
  })

  it(`tolerates ${TOLERANCE_M2} m² of rounding`, () => {
    const square = { type: 'Polygon', coordinates: [] }
    const check = checkDraft(facts([grid(`${COMMUNITY}001`, { outsideM2: TOLERANCE_M2 })], {
      gaps: [{ geometry: square, areaM2: TOLERANCE_M2, at }], gapM2: TOLERANCE_M2, unionM2: 1e6 - TOLERANCE_M2,
    }))
    expect(check.errors).toEqual([])
  })
})

describe('the cross-check of the engine’s totals', () => {
  it('passes totals that add up', () => {
    expect(consistencyIssues(facts([grid('1')]), at)).toEqual([])
  })

  it('refuses an overlap the areas show but no pair accounts for: an overlay that silently came back empty', () => {
    // Two grids overlap by 13,206 m² (their areas exceed their union by that), yet no overlap was listed.
    const silent = facts([grid('1'), grid('2')], { sumM2: 1e6 + 13_206 })
    expect(consistencyIssues(silent, at).map((i) => i.code)).toEqual(['check_inconsistent'])
    expect(checkDraft(silent).errors.map((i) => i.code)).toEqual(['code_outside_community', 'code_outside_community', 'check_inconsistent'])
  })

  it('refuses a gap the areas show but the difference did not return', () => {
    const silent = facts([grid('1')], { unionM2: 1e6 - 12_645, sumM2: 1e6 - 12_645 })
    expect(consistencyIssues(silent, at).map((i) => i.code)).toEqual(['check_inconsistent'])
  })

  it('allows the few m² separate snap-rounded overlays round apart (10 m² a km²)', () => {
    expect(consistencyIssues(facts([grid('1')], { sumM2: 1e6 + 9, gapM2: 9 }), at)).toEqual([])
  })

  it('treats facts of fewer grids than the draft has as the engine failing, not a draft that passes', () => {
    expect(() => checkDraft({ ...facts([grid('1')]), features: 2 })).toThrow('the geometry check returned 1 grids for a draft of 2')
  })
})

describe('splitting and merging', () => {
  it('shares households by area in whole households that add up', () => {
    expect(splitHouseholds(250, 445_069, 312_017)).toEqual([147, 103])
    expect(splitHouseholds(1, 1, 1)).toEqual([0, 1])
    expect(splitHouseholds(0, 5, 3)).toEqual([0, 0])
  })

  it('gives the split-off grid its number in its name, a grid leader and no workers yet', () => {
    expect(splitOff(props, `${COMMUNITY}031`, 103)).toEqual({
      ...props, code: `${COMMUNITY}031`, name: '富民社区第一网格（031）', households: 103, leaders: 1, fulltimeWorkers: 0, parttimeWorkers: 0,
    })
  })

  it('adds up households and workers of merged grids, keeping the first’s code and name', () => {
    const b = { ...props, code: `${COMMUNITY}002`, name: '第二网格', households: 120, leaders: 2, fulltimeWorkers: 0, parttimeWorkers: 1 }
    expect(merged(props, b)).toEqual({ ...props, households: 370, leaders: 2, fulltimeWorkers: 1, parttimeWorkers: 3 })
  })
})
