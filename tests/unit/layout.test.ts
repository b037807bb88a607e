import { describe, expect, it } from 'vitest'
import { ANDA, chineseNumber } from '../../data/city/anda'
import { idCheckDigit } from '../../data/city/cases'
import { layOutCity } from '../../data/city/layout'
import { allocate, createRng } from '../../data/city/rng'

describe('allocate', () => {
  it('splits a total into parts that add up exactly, each at least the minimum', () => {
    const parts = allocate(1011, [1, 2, 3, 0.5, 7], 10)
    expect(parts.reduce((s, p) => s + p, 0)).toBe(1011)
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(10)
    expect(parts[4]).toBeGreaterThan(parts[0]!)
  })
})

describe('the city layout', () => {
  const layout = layOutCity(createRng('anda-2026').fork('layout'))

  it('is the same city for the same seed, and another for another seed', () => {
    const again = layOutCity(createRng('anda-2026').fork('layout'))
    expect(again.grids.map((g) => [g.code, g.seed, g.households])).toEqual(layout.grids.map((g) => [g.code, g.seed, g.households]))
    const other = layOutCity(createRng('other').fork('layout'))
    expect(other.grids[0]!.seed).not.toEqual(layout.grids[0]!.seed)
  })

  it('has Anda’s 4 streets, 14 townships and 1,011 grids with unique 15-digit codes under their community', () => {
    expect(layout.townships.filter((t) => t.kind === 'street').map((t) => t.name)).toEqual(['新兴街道', '安虹街道', '东城街道', '铁西街道'])
    expect(layout.townships.filter((t) => t.kind === 'township')).toHaveLength(14)
    expect(layout.grids).toHaveLength(ANDA.grids)
    expect(new Set(layout.grids.map((g) => g.code)).size).toBe(ANDA.grids)
    for (const g of layout.grids) {
      expect(g.code).toMatch(/^\d{15}$/)
      expect(g.code.startsWith(layout.communities[g.community]!.code)).toBe(true)
    }
  })

  it('names urban grids by number and rural grids by natural village', () => {
    const urban = layout.grids.find((g) => g.kind === 'urban')!
    const rural = layout.grids.find((g) => g.kind === 'rural')!
    expect(urban.name).toMatch(/社区第[一二三四五六七八九十]+网格$/)
    expect(rural.name).toMatch(/村.+(屯|窝棚|店|岗|围子|油坊)网格$/)
  })
})

describe('names and numbers', () => {
  it('writes grid numbers in Chinese', () => {
    expect([1, 10, 12, 20, 23].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '二十三'])
  })

  it('computes the GB 11643 check digit of an ID number', () => {
    // The standard's own example: 11010519491231002X.
    expect(idCheckDigit('11010519491231002')).toBe('X')
  })
})
