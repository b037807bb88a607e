import { describe, expect, it } from 'vitest'
import { drillPath, drillTarget } from '../../client/src/drill/drillRoute'
import { timeLeft } from '../../client/src/cases/timeLeft'

describe('drill-down addresses', () => {
  it('reads a township or a grid from a link a colleague sent, and writes the same link back', () => {
    expect(drillTarget('/drill/grid/231281001001001')).toEqual({ level: 'grid', code: '231281001001001' })
    expect(drillTarget('/drill/township/231281001000/')).toEqual({ level: 'township', code: '231281001000' })
    expect(drillTarget('/drill')).toBeNull()
    expect(drillPath({ level: 'grid', code: '231281001001001' })).toBe('/drill/grid/231281001001001')
    expect(drillPath(null)).toBe('/drill')
  })

  it('refuses what is not a drill-down: another page, a code of the wrong length for its level, another level', () => {
    expect(drillTarget('/wall')).toBeUndefined()
    expect(drillTarget('/drill/grid/231281001000')).toBeUndefined()
    expect(drillTarget('/drill/township/231281001001001')).toBeUndefined()
    expect(drillTarget('/drill/community/231281001001')).toBeUndefined()
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
