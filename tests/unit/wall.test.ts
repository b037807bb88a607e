import { describe, expect, it } from 'vitest'
import { CaseSummary, type GridCover, type Me } from '../../contract'
import { caseLoadShades, coverLossShades, patrolShades, sameShades } from '../../client/src/wall/gridShades'
import { rankedUnitFor } from '../../client/src/wall/rankedUnitFor'
import { themeAt, wallConfig } from '../../client/src/wall/wallConfig'
import { COLOR, type Rgba } from '../../client/src/map/style/colors'
import { isAwaiting } from '../../client/src/map/layers/awaitingLayer'
import { CASE_RADIUS, casesByWeight, casesLayer, isUrgent } from '../../client/src/map/layers/casesLayer'
import { camerasLayer } from '../../client/src/map/layers/camerasLayer'
import { trailColumns } from '../../client/src/map/layers/trailsLayer'
import { emptyLive } from '../../client/src/live/liveState'
import { cameraChangeOf, type CameraChange, overdueItems, type TickerItem, tickerItemsOf } from '../../client/src/live/ticker'
import { cameraChangesSummary } from '../../client/src/wall/cameraChanges'
import { HOLD_MS, LINE_GAP_EMS, nextShown, noneShown, type TickerShown } from '../../client/src/wall/tickerHold'
import { lineEms, tickerLine } from '../../client/src/wall/tickerLine'
import { CASE_POINTS_ZOOM, wallOverLayers } from '../../client/src/wall/wallLayers'
import { isTiled } from '../../client/src/map/mapArea'
import { askedArea, wallFollows } from '../../client/src/wall/wallArea'
import { childLabels, childLoads, overdueShades } from '../../client/src/wall/childShades'

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

  it('ranks the units one level below the wall\'s scope, and nothing below a grid or for a department', () => {
    expect(rankedUnitFor({ region: '520000000000' })).toBe('prefecture')
    expect(rankedUnitFor({ region: '520100000000' })).toBe('county')
    expect(rankedUnitFor({ region: '231281000000' })).toBe('township')
    expect(rankedUnitFor({ region: '231281001000' })).toBe('community')
    expect(rankedUnitFor({ region: '231281001001' })).toBe('grid')
    expect(rankedUnitFor({ region: '231281001001001' })).toBeNull()
    expect(rankedUnitFor({ department: '司法局' })).toBeNull()
  })
})

describe('the wall set up from its URL', () => {
  it('reads the patrol window, a pinned theme and a view, and knows /wall is the kiosk', () => {
    expect(wallConfig('/wall', '?patrolHours=8&theme=cameras&center=125.33,46.41&zoom=13')).toEqual({
      patrolHours: 8, theme: 'cameras', cycleSeconds: 30, view: { center: [125.33, 46.41], zoom: 13 }, area: null, kiosk: true,
    })
  })

  it('reads the area asked for by its 12-digit code, and nothing else as one', () => {
    expect(wallConfig('/wall', '?area=520000000000').area).toBe('520000000000')
    expect(wallConfig('/wall', '?area=231281001001001').area).toBeNull()
    expect(wallConfig('/wall', '?area=52').area).toBeNull()
  })

  it('falls back to the defaults on values out of range rather than blank a wall', () => {
    expect(wallConfig('/', '?patrolHours=99&theme=weather&center=500,46&zoom=13&cycle=1')).toEqual({
      patrolHours: 4, theme: null, cycleSeconds: 30, view: null, area: null, kiosk: false,
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

/** Hue in degrees of an RGB colour. */
function hue([r, g, b]: Rgba): number {
  const [max, min] = [Math.max(r, g, b), Math.min(r, g, b)]
  const d = max - min
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  return (h * 60 + 360) % 360
}

describe('what the wall\'s map draws', () => {
  const now = Date.parse('2026-11-24T00:00:00Z')
  const open = aCase(1, 'A', '2026-11-25T00:00:00Z')
  const overdue = aCase(2, 'A', '2026-11-23T00:00:00Z')
  const fire = { ...aCase(3, 'A', '2026-11-25T00:00:00Z'), category: 'hazard' as const, kind: 'fire' }
  const road = { ...aCase(4, 'A', '2026-11-25T00:00:00Z'), category: 'hazard' as const, kind: 'road' }
  const cases = new Map([overdue, fire, open, road].map((c) => [c.id, c]))

  it('gives every meaning a hue of its own, at least 25° from any other, so none is told by shade alone', () => {
    const hued = ['dispute', 'hazard', 'overdue', 'awaiting', 'cameraOffline', 'cameraFaulty', 'patrol', 'patrolTrail', 'patrolCover'] as const
    for (const a of hued) {
      for (const b of hued) {
        if (a >= b) continue
        const d = Math.abs(hue(COLOR[a]) - hue(COLOR[b]))
        expect(Math.min(d, 360 - d), `${a} / ${b}`).toBeGreaterThanOrEqual(25)
      }
    }
  })

  it('marks fire, gas, electricity and flood hazards urgent, and no dispute or other hazard', () => {
    expect([open, overdue, fire, road].map(isUrgent)).toEqual([false, false, true, false])
  })

  it('draws the overdue cases last and largest, the urgent ones next, over the rest', () => {
    expect(casesByWeight(cases, now).map((c) => c.id)).toEqual([1, 4, 3, 2])
    const layer = casesLayer({ cases, now, scale: 1, pickable: false })
    const radius = layer.props.getRadius as (c: CaseSummary) => number
    const fill = layer.props.getFillColor as (c: CaseSummary) => Rgba
    expect([open, fire, overdue].map(radius)).toEqual([CASE_RADIUS.plain, CASE_RADIUS.urgent, CASE_RADIUS.overdue])
    expect([open, fire, overdue].map(fill)).toEqual([COLOR.dispute, COLOR.hazard, COLOR.overdue])
  })

  it('draws a camera that is down smaller than any case and muted, except in the camera-cover theme', () => {
    const cam = (id: number, state: 'online' | 'offline' | 'faulty') => ({
      id, code: `C${id}`, class: 'A' as const, state, stateChangedAt: '2026-11-23T08:00:00.000Z', location: [125.3, 46.4] as [number, number],
      townshipCode: '231281001000', gridCode: 'A', bearingDeg: 0, fovDeg: 60, rangeM: 80,
    })
    const cameras = new Map([cam(1, 'online'), cam(2, 'offline'), cam(3, 'faulty')].map((c) => [c.id, c]))
    const columns = (loud: boolean) => (camerasLayer({ cameras, scale: 1, loud }).props.data as unknown as {
      attributes: { getRadius: { value: Float32Array }; getFillColor: { value: Uint8Array } }
    }).attributes
    const quiet = columns(false)
    expect(Math.max(...quiet.getRadius.value)).toBeLessThan(CASE_RADIUS.plain / 2)
    // Down cameras are drawn last: the third colour is the faulty one's, at half strength.
    expect([...quiet.getFillColor.value.slice(8, 12)]).toEqual([...COLOR.cameraFaulty.slice(0, 3), 128])
    const loud = columns(true)
    expect([...loud.getFillColor.value.slice(8, 12)]).toEqual([...COLOR.cameraFaulty])
    expect(Math.max(...loud.getRadius.value)).toBeGreaterThan(Math.max(...quiet.getRadius.value))
  })

  it('stacks the layers: trails, cameras and patrols under the township names, the cases and their marks over everything', () => {
    const ids = wallOverLayers(
      { live: { ...emptyLive, cases }, trails: trailColumns(new Map(), now), now, scale: 1, theme: 'cases', labels: [{ name: '安达镇', at: [125.3, 46.4] }], binned: null, units: true },
      { time: now, zoom: 10 },
    ).map((l) => l.id)
    expect(ids).toEqual(['trails', 'cameras', 'patrols', 'place-labels', 'cases-awaiting', 'case-halos', 'cases', 'case-levels', 'pulses'])
  })

  it('bins a tiled area\'s cases in hexagons under the names further out than the townships, and draws them as points closer in', () => {
    const scene = { live: { ...emptyLive, cases }, trails: trailColumns(new Map(), now), now, scale: 1, theme: 'cases' as const, labels: [], binned: { latitude: 26.9 }, units: false }
    const at = (zoom: number) => wallOverLayers(scene, { time: now, zoom })
    expect(at(7).map((l) => l.id)).toEqual(['case-hexagons', 'place-labels'])
    expect(at(CASE_POINTS_ZOOM - 0.01).map((l) => l.id)).toEqual(['case-hexagons', 'place-labels'])
    // Closer in, the cases' points as on a county's wall, without the patrols and cameras a wide area's room does not carry.
    expect(at(CASE_POINTS_ZOOM).map((l) => l.id)).toEqual(['place-labels', 'cases-awaiting', 'case-halos', 'cases', 'case-levels', 'pulses'])
    // The same hexagons on screen at each whole zoom: half the radius on the ground a zoom further in.
    const radius = (zoom: number) => (at(zoom)[0]!.props as unknown as { radius: number }).radius
    expect(radius(7.2)).toBe(radius(7.9))
    expect(radius(8)).toBeCloseTo(radius(7) / 2, 6)
  })
})

describe('a wall of any area', () => {
  const now = Date.parse('2026-11-24T00:00:00Z')
  const me = (scope: Me['scope'], whole: boolean): Me => ({ login: 'wall', displayName: '大屏', role: 'wall_display', scope, scopeName: '贵州省', whole, via: 'session' })
  const province = me({ region: '520000000000' }, true)
  const city = me({ region: '231281000000' }, true)

  it('shows an area asked for inside the scope, and the scope\'s own for one outside it or the scope itself', () => {
    expect(askedArea('520100000000', province)).toBe('520100000000')
    expect(askedArea('520000000000', province)).toBeNull()
    expect(askedArea('230000000000', city)).toBeNull()
    expect(askedArea('231281001000', city)).toBe('231281001000')
    expect(askedArea(null, city)).toBeNull()
  })

  it('follows the area\'s own room from its own snapshot: a province\'s or prefecture\'s (cases only) even as the whole store; a county\'s own scope as before', () => {
    expect(wallFollows(province, null)).toEqual({ rooms: ['province:520000000000'], area: '520000000000' })
    expect(wallFollows(province, '520100000000')).toEqual({ rooms: ['prefecture:520100000000'], area: '520100000000' })
    expect(wallFollows(province, '520102000000')).toEqual({ rooms: ['county:520102000000'], area: '520102000000' })
    expect(wallFollows(city, null)).toEqual({ rooms: ['city'], area: null })
    expect(wallFollows(city, '231281001000')).toEqual({ rooms: ['township:231281001000'], area: '231281001000' })
  })

  it('draws a province or prefecture from tiles, and a county only when it has more than 5,000 grids', () => {
    expect([isTiled('province', 300), isTiled('prefecture', 300), isTiled('county', 1011), isTiled('county', 5001)]).toEqual([true, true, false, true])
  })

  it('counts each child\'s open and overdue cases by its code, and shades only those with overdue ones, deeper with more', () => {
    const children = [
      { code: '520100000000', name: '云岭市', at: [106.7, 26.6] as [number, number] },
      { code: '520200000000', name: '清江市', at: [104.8, 26.6] as [number, number] },
      { code: '520300000000', name: '凤台市', at: [106.9, 27.7] as [number, number] },
    ]
    const at = (id: number, grid: string, overdue: boolean) => aCase(id, grid, overdue ? '2026-11-23T00:00:00Z' : '2026-11-25T00:00:00Z')
    const loads = childLoads([
      at(1, '520102001001001', true), at(2, '520102001001002', false), at(3, '520201001001001', true), at(4, '520201001001001', true),
      at(5, '520201002001001', false), at(6, '520301001001001', false), at(7, '530101001001001', true),
    ], children, (c) => Date.parse(c.dueAt!) < now)
    expect(Object.fromEntries(loads)).toEqual({
      '520100000000': { open: 2, overdue: 1 }, '520200000000': { open: 3, overdue: 2 }, '520300000000': { open: 1, overdue: 0 },
    })
    const shades = overdueShades(loads)
    expect(rgb(shades.get('520200000000'))).toEqual(rgb(COLOR.overdue))
    expect(shades.get('520200000000')![3]).toBeGreaterThan(shades.get('520100000000')![3])
    expect(shades.has('520300000000')).toBe(false)
    expect(childLabels(children, loads)[1]!.name).toBe('清江市\n在办 3 · 超期 2')
  })
})

describe('the ticker', () => {
  const names = new Map([['231281001000', '新兴街道'], ['231281001001', '新华社区']])
  const at = (s: number) => new Date(Date.parse('2026-11-24T00:00:00Z') + s * 1000).toISOString()
  const reported = (seq: number, s: number): Extract<TickerItem, { category: unknown }> => ({
    seq, at: at(s), type: 'reported', caseCode: `AD2026112400000${seq}`, category: 'hazard', kind: 'fire', level: 'grid',
    gridCode: '231281001001001', townshipCode: '231281001000',
  })
  const t0 = Date.parse(at(0))

  it('names the place by township and community, and says what happened in Chinese', () => {
    expect(tickerLine(reported(1, 0), names)).toEqual({ time: '08:00', verb: '新报', what: '消防隐患', mark: null, where: '新兴街道 新华社区', code: 'AD20261124000001' })
    const up = { ...reported(2, 0), type: 'escalated' as const, level: 'township' as const }
    expect(tickerLine(up, names)).toMatchObject({ verb: '上移至乡镇(街道)', mark: '镇' })
  })

  it('makes no line of a camera: a camera\'s change is summed in the camera panel', () => {
    const camera = { id: 1, code: '23128100001310000001', class: 'A' as const, state: 'offline' as const, stateChangedAt: at(0), location: [125.3, 46.4] as [number, number], townshipCode: '231281001000', gridCode: 'A', bearingDeg: 0, fovDeg: 60, rangeM: 80 }
    const change = { seq: 5, at: at(0), entity: 'camera' as const, op: 'update' as const, data: camera }
    expect(tickerItemsOf(change, undefined)).toEqual([])
    expect(cameraChangeOf(change, { ...camera, state: 'online' })).toEqual({ seq: 5, at: at(0), state: 'offline', cameraClass: 'A', townshipCode: '231281001000' })
    expect(cameraChangeOf(change, camera)).toBeNull()
  })

  it('adds a line for each case that ran over its time since the wall opened, at its due time, newest first', () => {
    const cs = [aCase(1, 'G', at(-10)), aCase(2, 'G', at(30)), aCase(3, 'G', at(50)), aCase(4, 'G', at(90))].map((c) => ({ ...c, gridCode: '231281001001001' }))
    expect(overdueItems(cs, t0, t0 + 60_000).map((i) => [i.caseCode, i.type, i.at])).toEqual([['AD3', 'overdue', at(50)], ['AD2', 'overdue', at(30)]])
  })

  describe('keeps every line whole and on show for its time', () => {
    const ems = () => 20
    const room = 2 * (20 + LINE_GAP_EMS) + 1
    const shownAt = (state: TickerShown) => state.lines.map((l) => l.item.seq)

    it('shows a new report at once when it fits, newest first', () => {
      const a = nextShown(noneShown, [reported(1, 0)], t0, room, ems)
      expect(shownAt(a)).toEqual([1])
      expect(shownAt(nextShown(a, [reported(2, 1), reported(1, 0)], t0 + 1000, room, ems))).toEqual([2, 1])
    })

    it('lets a new line push out only one shown for its hold; until then the new one waits, then comes in', () => {
      let s = nextShown(noneShown, [reported(2, 1), reported(1, 0)], t0, room, ems)
      const three = [reported(3, 5), reported(2, 1), reported(1, 0)]
      s = nextShown(s, three, t0 + 5000, room, ems)
      expect(shownAt(s)).toEqual([2, 1])
      s = nextShown(s, three, t0 + HOLD_MS - 1, room, ems)
      expect(shownAt(s)).toEqual([2, 1])
      s = nextShown(s, three, t0 + HOLD_MS, room, ems)
      expect(shownAt(s)).toEqual([3, 2])
      expect(s.lines[0]!.since).toBe(t0 + HOLD_MS)
      // Nothing new: the same state, and nothing goes by the clock alone.
      expect(nextShown(s, three, t0 + 10 * HOLD_MS, room, ems)).toBe(s)
    })

    it('shows the newest of a burst larger than the strip, never an older one after them', () => {
      const burst = [reported(4, 3), reported(3, 2), reported(2, 1), reported(1, 0)]
      const s = nextShown(noneShown, burst, t0, room, ems)
      expect(shownAt(s)).toEqual([4, 3])
      expect(shownAt(nextShown(s, burst, t0 + 5 * HOLD_MS, room, ems))).toEqual([4, 3])
    })

    it('never shows a line that could not fit whole, and waits for the strip to be measured', () => {
      expect(shownAt(nextShown(noneShown, [reported(1, 0)], t0, 10, ems))).toEqual([])
      const unmeasured = nextShown(noneShown, [reported(1, 0)], t0, 0, ems)
      expect(shownAt(nextShown(unmeasured, [reported(1, 0)], t0, room, ems))).toEqual([1])
    })

    it('measures a real line to fit two or more in a 4K or 1080p wall\'s strip', () => {
      // The strip: 100vw less the KPI column (48vh) and padding (4vh), in ems of 2.3vh type, at 16:9.
      const strip = (100 * 16 / 9 - 52) / 2.3
      const width = lineEms(tickerLine(reported(1, 0), names)) + LINE_GAP_EMS
      expect(Math.floor(strip / width)).toBeGreaterThanOrEqual(2)
    })
  })
})

describe('the camera panel\'s last minutes', () => {
  const now = Date.parse('2026-11-24T00:10:00Z')
  const change = (minutesAgo: number, state: CameraChange['state'], townshipCode: string | null): CameraChange =>
    ({ seq: 1, at: new Date(now - minutesAgo * 60_000).toISOString(), state, cameraClass: 'B', townshipCode })
  const names = new Map([['T1', '新兴街道'], ['T2', '安虹街道'], ['T3', '任民镇'], ['T4', '升平镇']])

  it('sums offline, faulty and back within ten minutes, and names the township most went down in', () => {
    const s = cameraChangesSummary([
      change(1, 'offline', 'T2'), change(2, 'offline', 'T1'), change(3, 'faulty', 'T1'), change(4, 'online', 'T1'),
      change(5, 'offline', 'T3'), change(6, 'offline', 'T4'), change(9, 'online', 'T2'), change(11, 'offline', 'T2'), change(12, 'online', 'T2'),
    ], now, names)
    expect(s).toEqual({
      offline: 4, faulty: 1, back: 2,
      places: [{ name: '新兴街道', down: 2 }],
    })
  })
})
