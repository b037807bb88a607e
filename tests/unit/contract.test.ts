import { describe, expect, it } from 'vitest'
import { BboxParam, GridAtQuery, issuesOf } from '../../contract'
import { DEFAULT_LIMITS, levelAbove, limitHours, parseLevelHours } from '../../domain/timeLimits'

describe('query parameters', () => {
  it('parse a bbox and refuse one whose minimum exceeds its maximum', () => {
    expect(BboxParam.parse('125.2,46.3,125.4,46.5')).toEqual([125.2, 46.3, 125.4, 46.5])
    const bad = BboxParam.safeParse('125.4,46.3,125.2,46.5')
    expect(bad.success).toBe(false)
    expect(issuesOf(bad.error!)).toEqual([{ field: '(root)', reason: 'minimum must not exceed maximum' }])
  })

  it('name lon and lat when they are not numbers in range', () => {
    const r = GridAtQuery.safeParse({ lon: '181', lat: 'north' })
    expect(r.success).toBe(false)
    expect(issuesOf(r.error!)).toEqual([
      { field: 'lon', reason: 'longitude must be within -180..180' },
      { field: 'lat', reason: 'must be a decimal number' },
    ])
  })
})

describe('time limits', () => {
  it('give each level more time than the one below, and urgent hazards two days at most', () => {
    expect(['grid', 'community', 'township', 'city'].map((l) => limitHours('dispute', 'family', l as 'grid'))).toEqual([72, 120, 168, 360])
    expect(limitHours('hazard', 'gas', 'township')).toBe(48)
    expect(limitHours('hazard', 'road', 'township')).toBe(168)
  })

  it('are configurable per level, every level named', () => {
    const limits = { ...DEFAULT_LIMITS, hours: parseLevelHours('grid:24,community:48,township:96,city:240') }
    expect(limitHours('dispute', 'land', 'community', limits)).toBe(48)
    expect(limitHours('hazard', 'fire', 'city', limits)).toBe(48)
    expect(() => parseLevelHours('grid:24,community:48')).toThrow(/must give positive hours for grid, community, township and city/)
  })

  it('move an overdue case up one level, and the city nowhere', () => {
    expect(levelAbove('grid')).toBe('community')
    expect(levelAbove('city')).toBeNull()
  })
})
