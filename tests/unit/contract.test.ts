import { describe, expect, it } from 'vitest'
import { BboxParam, GridAtQuery, Holder, issuesOf, TimeLimitTable } from '../../contract'
import { clocksOf, DEFAULT_LIMITS, levelAbove, limitsFrom } from '../../domain/timeLimits'

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
  it('give each level more time than the one below to sign and to handle, and urgent hazards two days at most', () => {
    const levels = ['grid', 'community', 'township', 'city'] as const
    expect(levels.map((l) => clocksOf('family', l))).toEqual([
      { sign: 2, handle: 72 }, { sign: 4, handle: 120 }, { sign: 8, handle: 168 }, { sign: 24, handle: 360 },
    ])
    expect(clocksOf('gas', 'township')).toEqual({ sign: 1, handle: 48 })
    expect(clocksOf('road', 'department')).toEqual({ sign: 24, handle: 168 })
  })

  it('come from the stored table: a holder’s row for every kind, a kind’s row over it, the default for a holder left out', () => {
    const limits = limitsFrom([
      { holder: 'community', kind: null, signHours: 1, handleHours: 48 },
      { holder: 'community', kind: 'land', signHours: 6, handleHours: 240 },
    ], 1)
    expect(clocksOf('family', 'community', limits)).toEqual({ sign: 1, handle: 48 })
    expect(clocksOf('land', 'community', limits)).toEqual({ sign: 6, handle: 240 })
    expect(clocksOf('land', 'township', limits)).toEqual(DEFAULT_LIMITS.holders.township)
  })

  it('run faster by the demo’s scale, and only then', () => {
    expect(clocksOf('family', 'grid', limitsFrom([], 120))).toEqual({ sign: 1 / 60, handle: 0.6 })
  })

  it('are refused as a table without every holder’s own row, or with a row twice', () => {
    const rows = Holder.options.map((holder) => ({ holder, kind: null, signHours: 1, handleHours: 2 }))
    expect(TimeLimitTable.safeParse(rows).success).toBe(true)
    expect(issuesOf(TimeLimitTable.safeParse(rows.slice(1)).error!)).toEqual([{ field: '(root)', reason: 'needs a row for grid with kind null' }])
    expect(issuesOf(TimeLimitTable.safeParse([...rows, rows[0]]).error!)).toEqual([{ field: '5', reason: 'names grid and every kind twice' }])
    expect(issuesOf(TimeLimitTable.safeParse([{ ...rows[0], signHours: 0 }, ...rows.slice(1)]).error!)).toEqual([{ field: '0.signHours', reason: 'must be more than 0 hours' }])
  })

  it('move an overdue case up one level, and the city nowhere', () => {
    expect(levelAbove('grid')).toBe('community')
    expect(levelAbove('city')).toBeNull()
  })
})
