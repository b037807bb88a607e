import { describe, expect, it } from 'vitest'
import { CaseSummary, type GridCover } from '../../contract'
import { caseLoadShades, coverLossShades, patrolShades, sameShades } from '../../client/src/wall/gridShades'
import { rankedUnitFor } from '../../client/src/wall/rankedUnitFor'
import { rankingShownAt, themeAt, wallConfig } from '../../client/src/wall/wallConfig'
import { COLOR } from '../../client/src/map/style/colors'
import { isAwaiting } from '../../client/src/map/layers/awaitingLayer'

const aCase = (id: number, gridCode: string, dueAt: string): CaseSummary => CaseSummary.parse({
  id, code: `AD${id}`, category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: [125.32, 46.4], gridCode,
  communityCode: '231281001001', townshipCode: '231281001000', level: 'grid', state: 'collected',
  reportedAt: '2026-11-23T08:00:00.000Z', dueAt, escalations: 0, closedAt: null, resolved: null, satisfaction: null,
  version: 1, assignee: null, department: null,
})
const cover = (gridCode: string, designedShare: number, workingShare: number): GridCover =>
  ({ gridCode, townshipCode: '231281001000', cameras: 3, online: 3, designedShare, workingShare })
const rgb = (c: readonly number[] | undefined) => c?.slice(0, 3)

describe('grid shading', () => {
  const now = Date.parse('2026-11-24T00:00:00Z')

  it('shades grids with open cases amber, deeper with more, and red when one is overdue; empty grids not at all', () => {
    const shades = caseLoadShades([
      aCase(1, 'A', '2026-11-25T00:00:00Z'), aCase(2, 'B', '2026-11-25T00:00:00Z'), aCase(3, 'B', '2026-11-25T00:00:00Z'),
      aCase(4, 'C', '2026-11-25T00:00:00Z'), aCase(5, 'C', '2026-11-23T00:00:00Z'),
    ], now)
    expect(rgb(shades.get('A'))).toEqual(rgb(COLOR.dispute))
    expect(shades.get('B')![3]).toBeGreaterThan(shades.get('A')![3])
    expect(rgb(shades.get('C'))).toEqual(rgb(COLOR.overdue))
    expect(shades.has('D')).toBe(false)
  })

  it('shows a grid that lost camera cover in magenta, and not one that lost none or never had cameras', () => {
    const shades = coverLossShades([cover('A', 0.4, 0.4), cover('B', 0.4, 0.1), cover('C', 0, 0), cover('D', 0.4, 0)])
    expect([...shades.keys()]).toEqual(['B', 'D'])
    expect(rgb(shades.get('B'))).toEqual(rgb(COLOR.cameraOffline))
    expect(shades.get('D')![3]).toBeGreaterThan(shades.get('B')![3])
  })

  it('marks grids patrolled within the window green, fading with the visit age, and leaves the rest dark', () => {
    const hour = 3_600_000
    const shades = patrolShades(new Map([['A', now - 0.5 * hour], ['B', now - 3 * hour], ['C', now - 5 * hour]]), now, 4)
    expect([...shades.keys()]).toEqual(['A', 'B'])
    expect(shades.get('A')![3]).toBeGreaterThan(shades.get('B')![3])
  })
})

describe('when the shading is redrawn', () => {
  it('tells a shading that colours every grid alike from one that does not, so an unchanged picture is not redrawn', () => {
    const now = Date.parse('2026-11-24T00:00:00Z')
    const due = '2026-11-25T00:00:00Z'
    const before = caseLoadShades([aCase(1, 'A', due), aCase(2, 'B', due)], now)
    expect(sameShades(before, caseLoadShades([aCase(3, 'B', due), aCase(4, 'A', due)], now))).toBe(true)
    expect(sameShades(before, caseLoadShades([aCase(1, 'A', due), aCase(2, 'A', due)], now))).toBe(false)
    expect(sameShades(before, caseLoadShades([aCase(1, 'A', due), aCase(2, 'B', '2026-11-23T00:00:00Z')], now))).toBe(false)
    expect(sameShades(before, caseLoadShades([aCase(1, 'A', due)], now))).toBe(false)
  })

  it('turns the theme on the clock, each for its seconds, the same on every wall, unless one is pinned', () => {
    // Midnight UTC is a whole number of 90 s rounds since the epoch: the first theme's turn begins.
    const t0 = Date.parse('2026-11-24T00:00:00Z')
    const seen = [0, 29_999, 30_000, 60_000, 90_000].map((dt) => themeAt(t0 + dt, null, 30))
    expect(seen).toEqual(['cases', 'cases', 'cameras', 'patrols', 'cases'])
    expect([0, 59_999, 60_000, 120_000].map((dt) => themeAt(t0 + dt, null, 60))).toEqual(['cases', 'cases', 'cameras', 'patrols'])
    expect(themeAt(t0 + 30_000, 'patrols', 30)).toBe('patrols')
    expect(themeAt(t0, 'cameras', 30)).toBe('cameras')
  })

  it('turns the KPI column between cameras and patrols and the ranking on the clock, every other turn the ranking', () => {
    const t0 = Date.parse('2026-11-24T00:00:00Z')
    expect([0, 19_999, 20_000, 39_999, 40_000].map((dt) => rankingShownAt(t0 + dt, 20))).toEqual([false, false, true, true, false])
    expect([0, 5_000, 10_000].map((dt) => rankingShownAt(t0 + dt, 5))).toEqual([false, true, false])
  })

  it('ranks the units one level below the wall\'s scope, and nothing below a grid or for a department', () => {
    expect(rankedUnitFor({ region: '231281000000' })).toBe('township')
    expect(rankedUnitFor({ region: '231281001000' })).toBe('community')
    expect(rankedUnitFor({ region: '231281001001' })).toBe('grid')
    expect(rankedUnitFor({ region: '231281001001001' })).toBeNull()
    expect(rankedUnitFor({ department: '司法局' })).toBeNull()
  })
})

describe('the wall set up from its URL', () => {
  it('reads the patrol window, a pinned theme and a view, and knows /wall is the kiosk', () => {
    expect(wallConfig('/wall', '?patrolHours=8&theme=cameras&center=125.33,46.41&zoom=13&turn=5')).toEqual({
      patrolHours: 8, theme: 'cameras', cycleSeconds: 30, turnSeconds: 5, view: { center: [125.33, 46.41], zoom: 13 }, kiosk: true,
    })
  })

  it('falls back to the defaults on values out of range rather than blank a wall', () => {
    expect(wallConfig('/', '?patrolHours=99&theme=weather&center=500,46&zoom=13&cycle=1&turn=0')).toEqual({
      patrolHours: 4, theme: null, cycleSeconds: 30, turnSeconds: 20, view: null, kiosk: false,
    })
  })
})

describe('cases nobody has taken', () => {
  const open = aCase(1, '231281001001001', '2026-11-26T08:00:00.000Z')
  const signed = { ...open, signedAt: '2026-11-23T09:00:00.000Z' }
  const routed = (signedAt: string | null) => ({ ...signed, state: 'routed' as const, departments: [{ name: '新兴街道司法所', lead: true, signDueAt: '2026-11-24T09:00:00.000Z', signedAt }] })

  it('are the open ones waiting to be signed for, or on a department’s 报到; never a closed one', () => {
    expect(isAwaiting(open)).toBe(true)
    expect(isAwaiting(signed)).toBe(false)
    expect(isAwaiting(routed(null))).toBe(true)
    expect(isAwaiting(routed('2026-11-23T10:00:00.000Z'))).toBe(false)
    expect(isAwaiting({ ...open, state: 'closed', closedAt: '2026-11-24T00:00:00.000Z' })).toBe(false)
  })
})
