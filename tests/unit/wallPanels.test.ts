import { describe, expect, it } from 'vitest'
import type { Kpis, RegionCollection } from '../../contract'
import { belowTarget, directionOf, MIN_CASES_FOR_RATE, rateOf, TARGET, todayRate, waitText } from '../../client/src/wall/rates'
import { camerasOnline } from '../../client/src/wall/TitleBar'
import { fitView, townCentreBbox } from '../../client/src/wall/townCentre'
import { percent } from '../../client/src/ui/format'

describe('the wall\'s rates', () => {
  it('shows "—" for a today rate that stands on fewer than five cases, the rate from five on', () => {
    expect(MIN_CASES_FOR_RATE).toBe(5)
    expect(percent(todayRate(1, 1))).toBe('—')
    expect(percent(todayRate(0.75, 4))).toBe('—')
    expect(percent(todayRate(0.8, 5))).toBe('80.0%')
    expect(percent(todayRate(null, 0))).toBe('—')
  })

  it('warns only below the target: a camera online rate of 92 % is not a warning, 89 % is', () => {
    expect(TARGET.camerasOnline).toBe(0.9)
    expect(belowTarget(0.92, 'camerasOnline')).toBe(false)
    expect(belowTarget(0.9, 'camerasOnline')).toBe(false)
    expect(belowTarget(0.89, 'camerasOnline')).toBe(true)
    expect(belowTarget(null, 'onTimeRate')).toBe(false)
  })

  it('says which way a rate went, flat within half a point, and nothing when either side is unknown', () => {
    expect(directionOf(0.9, 0.85)).toBe('up')
    expect(directionOf(0.85, 0.9)).toBe('down')
    expect(directionOf(0.9, 0.898)).toBe('flat')
    expect(directionOf(null, 0.9)).toBeNull()
    expect(directionOf(0.9, null)).toBeNull()
    expect(rateOf(3, 0)).toBeNull()
    expect(rateOf(3, 4, 5)).toBeNull()
    expect(rateOf(3, 6, 5)).toBe(0.5)
  })

  it('sums every class of camera into one online rate', () => {
    const cameras = { A: { online: 90, total: 100 }, B: { online: 5, total: 10 }, C: { online: 0, total: 0 } } as Kpis['cameras']
    expect(camerasOnline({ cameras } as Kpis)).toBeCloseTo(95 / 110)
    expect(camerasOnline({ cameras: { A: { online: 0, total: 0 }, B: { online: 0, total: 0 }, C: { online: 0, total: 0 } } } as Kpis)).toBeNull()
  })

  it('says how long a case waits in days, hours and minutes', () => {
    expect(waitText(30_000)).toBe('刚刚')
    expect(waitText(8 * 60_000)).toBe('8分')
    expect(waitText(3 * 3_600_000 + 12 * 60_000)).toBe('3小时12分')
    expect(waitText(2 * 3_600_000)).toBe('2小时')
    expect(waitText(2 * 86_400_000 + 3 * 3_600_000 + 5 * 60_000)).toBe('2天3小时')
    expect(waitText(-5000)).toBe('刚刚')
  })
})

describe('the town-centre inset', () => {
  const square = (kind: string, [x, y]: [number, number], d: number) => ({
    type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] },
    properties: { code: '231281001000', name: 'x', level: 'township', kind, parentCode: null, households: 0, gridCount: 0, seat: null },
  })

  it('frames the streets (街道), not the townships round them', () => {
    const regions = { type: 'FeatureCollection', features: [square('street', [125.3, 46.4], 0.02), square('street', [125.32, 46.41], 0.02), square('township', [124, 46], 1)] } as unknown as RegionCollection
    townCentreBbox(regions)!.forEach((v, i) => expect(v).toBeCloseTo([125.3, 46.4, 125.34, 46.43][i]!, 9))
    expect(townCentreBbox({ type: 'FeatureCollection', features: [square('township', [124, 46], 1)] } as unknown as RegionCollection)).toBeNull()
  })

  it('fits a box into a view: the box\'s larger side fills the view at that zoom, centred', () => {
    // 0.04° of longitude at zoom z is 512·2^z·0.04/360 px: 800 px × 0.92 at zoom log2(800·0.92·360 / (512·0.04)).
    const { center, zoom } = fitView([125.3, 46.4, 125.34, 46.41], 800, 800)
    expect(zoom).toBeCloseTo(Math.log2((800 * 0.92 * 360) / (512 * 0.04)), 6)
    expect(center[0]).toBeCloseTo(125.32, 6)
    expect(center[1]).toBeGreaterThan(46.4)
    expect(center[1]).toBeLessThan(46.41)
    // A tall, narrow view: the width decides.
    expect(fitView([125.3, 46.4, 125.34, 46.41], 400, 1600).zoom).toBeCloseTo(zoom - 1, 6)
  })
})
