import { describe, expect, it } from 'vitest'
import { drillPath, drillTarget } from '../../client/src/drill/drillRoute'
import { caseNear } from '../../client/src/drill/caseNear'
import { childHolding, clickedArea } from '../../client/src/drill/clickedArea'
import { placeOf } from '../../client/src/cases/placeNames'
import { timeLeft } from '../../client/src/cases/timeLeft'
import { changedText } from '../../client/src/cases/stepTexts'
import type { HistoryEntry } from '../../contract'

describe('drill-down addresses', () => {
  it('reads a township or a grid from a link a colleague sent, and writes the same link back', () => {
    expect(drillTarget('/drill/grid/231281001001001')).toEqual({ level: 'grid', code: '231281001001001' })
    expect(drillTarget('/drill/township/231281001000/')).toEqual({ level: 'township', code: '231281001000' })
    expect(drillTarget('/drill')).toBeNull()
    expect(drillPath({ level: 'grid', code: '231281001001001' })).toBe('/drill/grid/231281001001001')
    expect(drillPath(null)).toBe('/drill')
    for (const [level, code] of [['county', '231281000000'], ['prefecture', '520100000000'], ['province', '520000000000']] as const) {
      expect(drillTarget(`/drill/${level}/${code}`)).toEqual({ level, code })
      expect(drillPath({ level, code })).toBe(`/drill/${level}/${code}`)
    }
  })

  it('refuses what is not a drill-down: another page, a code of the wrong length for its level, another level', () => {
    expect(drillTarget('/wall')).toBeUndefined()
    expect(drillTarget('/drill/grid/231281001000')).toBeUndefined()
    expect(drillTarget('/drill/township/231281001001001')).toBeUndefined()
    expect(drillTarget('/drill/community/231281001001')).toBeUndefined()
  })
})

describe('the area a click further out opens', () => {
  it('is the one a level below the area on screen that holds the grid clicked, by the codes’ nesting', () => {
    expect(childHolding('231281000000', '231281001001001')).toBe('231281001000')
    expect(childHolding('520000000000', '520102001001003')).toBe('520100000000')
    expect(childHolding('520100000000', '520102001001003')).toBe('520102000000')
    expect(childHolding('231281001000', '231281001001001')).toBe('231281001001')
    expect(childHolding('231281000000', '230604001001001')).toBeNull()
  })

  it('goes down a level above the township, to the grid on a township or closer in, and to a neighbour outside the area', () => {
    const grid = { code: '520102001001003', townshipCode: '520102001000' }
    expect(clickedArea({ level: 'province', code: '520000000000' }, null, grid, 13)).toEqual({ level: 'prefecture', code: '520100000000' })
    expect(clickedArea({ level: 'prefecture', code: '520100000000' }, null, grid, 13)).toEqual({ level: 'county', code: '520102000000' })
    expect(clickedArea({ level: 'county', code: '520102000000' }, null, grid, 13)).toEqual({ level: 'township', code: '520102001000' })
    expect(clickedArea({ level: 'county', code: '520121000000' }, null, grid, 9)).toEqual({ level: 'county', code: '520102000000' })
    expect(clickedArea({ level: 'township', code: '520102001000' }, null, grid, 9)).toEqual({ level: 'grid', code: grid.code })
    expect(clickedArea({ level: 'township', code: '520102101000' }, null, grid, 9)).toEqual({ level: 'township', code: '520102001000' })
    // The first screen: the scope's own area one level down, or the grid closer in.
    expect(clickedArea(null, { level: 'province', code: '520000000000' }, grid, 9)).toEqual({ level: 'prefecture', code: '520100000000' })
    expect(clickedArea(null, { level: 'province', code: '520000000000' }, grid, 11)).toEqual({ level: 'grid', code: grid.code })
    expect(clickedArea(null, null, grid, 9)).toEqual({ level: 'township', code: '520102001000' })
  })
})

describe('time left on a case', () => {
  const now = Date.parse('2026-11-24T00:00:00Z')
  it('says how long is left, or how long overdue, in minutes, hours or days and hours', () => {
    expect(timeLeft({ state: 'verified', dueAt: '2026-11-24T05:30:00Z' }, now)).toEqual({ text: '剩余 5 小时', overdue: false })
    expect(timeLeft({ state: 'handling', dueAt: '2026-11-24T00:20:00Z' }, now)).toEqual({ text: '剩余 20 分钟', overdue: false })
    expect(timeLeft({ state: 'handling', dueAt: '2026-11-21T21:00:00Z' }, now)).toEqual({ text: '超期 2 天 3 小时', overdue: true })
    expect(timeLeft({ state: 'closed', dueAt: null }, now)).toEqual({ text: '已结案', overdue: false })
  })
})

describe('a click on the drill-down’s map', () => {
  // One degree is a hundred pixels: a case 0.05° away is 5 px from where it lands.
  const project = ([lon, lat]: [number, number]) => ({ x: lon * 100, y: -lat * 100 })
  const cases = [{ id: 1, location: [1, 1] as [number, number] }, { id: 2, location: [1.05, 1] as [number, number] }, { id: 3, location: [3, 3] as [number, number] }]

  it('opens the case drawn nearest the pointer within the hit radius, else none (the grid under it)', () => {
    expect(caseNear(cases, { x: 104, y: -100 }, project, 9)?.id).toBe(2)
    expect(caseNear(cases, { x: 101, y: -100 }, project, 9)?.id).toBe(1)
    expect(caseNear(cases, { x: 120, y: -100 }, project, 9)).toBeNull()
    expect(caseNear([], { x: 100, y: -100 }, project, 9)).toBeNull()
  })
})

describe('where a listed case is', () => {
  const names = new Map([['231281001000', '新兴街道'], ['231281002000', '五站镇'], ['231281001001', '幸福社区'], ['231281002001', '五站村'], ['231281001001001', '幸福一网格']])
  const a = { townshipCode: '231281001000', communityCode: '231281001001', gridCode: '231281001001001' }
  const b = { townshipCode: '231281002000', communityCode: '231281002001', gridCode: '231281002001001' }

  it('names the township and community across the city, the community and grid inside one township, the township again for a grid not known, a code for a region not known', () => {
    expect(placeOf([a, b], names)(a)).toBe('新兴街道 · 幸福社区')
    expect(placeOf([a], names)(a)).toBe('幸福社区 · 幸福一网格')
    expect(placeOf([b], names)(b)).toBe('五站镇 · 五站村')
    const c = { townshipCode: '231281003000', communityCode: '231281003001', gridCode: '231281003001001' }
    expect(placeOf([a, c], names)(c)).toBe('231281003000 · 231281003001')
  })
})

describe('what the case pane says when someone else changed the open case', () => {
  const step = (s: HistoryEntry['step']) => ({ step: s }) as HistoryEntry
  it('names the new state, or the step taken where the state stayed (an assignment)', () => {
    expect(changedText({ state: 'collected' }, { code: 'AD20261205019504', state: 'verified', history: [step('collect'), step('verify')] }))
      .toBe('案件 AD20261205019504 已被他人更新：已核实')
    expect(changedText({ state: 'verified' }, { code: 'AD20261205019504', state: 'verified', history: [step('verify'), step('assign')] }))
      .toBe('案件 AD20261205019504 已被他人更新：指派')
  })
})
