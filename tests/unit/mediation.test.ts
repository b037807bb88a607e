import * as turf from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { ANDA } from '../../data/city/anda'
import { type CaseGrid, type CasePlan, layOutCases } from '../../data/city/cases'
import { CITY_BUREAUS, TOWNSHIP_OFFICES } from '../../data/city/departments'
import { layOutCity } from '../../data/city/layout'
import { layOutMediations, withMediationSteps } from '../../data/city/mediation'
import { layOutMediationBodies } from '../../data/city/mediationBodies'
import { createRng } from '../../data/city/rng'

const DAY = 86_400_000
const now = new Date('2026-11-23T02:00:00.000Z')
const rng = createRng('anda-2026')
const layout = layOutCity(rng.fork('layout'))
// Store ids as buildRegions hands them out: the city, then the townships, then the communities.
const ids = {
  city: 1,
  townships: layout.townships.map((_, k) => 2 + k),
  communities: layout.communities.map((_, k) => 2 + layout.townships.length + k),
  grids: layout.grids.map((_, k) => k + 1),
}
// The grid as a small square round its seed: the plan only needs a point in it.
const grids: CaseGrid[] = layout.grids.map((g, k) => ({
  id: k + 1, communityId: ids.communities[g.community]!, townshipId: ids.townships[layout.communities[g.community]!.parent]!,
  households: g.households, area: turf.bboxPolygon([g.seed[0] - 0.001, g.seed[1] - 0.001, g.seed[0] + 0.001, g.seed[1] + 0.001]),
}))
const offices = new Map(ids.townships.map((id, t) => [id, TOWNSHIP_OFFICES.map((o) => `${layout.townships[t]!.name}${o}`)]))
const bodies = layOutMediationBodies(rng.fork('mediation-bodies'), layout, ids)
const cases = layOutCases(rng.fork('cases'), grids, { bureaus: CITY_BUREAUS, offices }, now)
const mediations = layOutMediations(rng.fork('mediations'), cases, bodies, now)
const lastYear = mediations.filter((m) => m.referredAt.getTime() > now.getTime() - 365 * DAY)
const share = (part: number, whole: number) => part / whole

describe('the mediation bodies', () => {
  it('are a committee for every community, village, township and street, and Anda’s 159 specialised committees, all named uniquely', () => {
    const committees = (kind: string) => bodies.filter((b) => b.kind === kind).map((b) => b.regionId).sort((a, b) => a - b)
    expect(committees('community')).toEqual(ids.communities)
    expect(committees('township')).toEqual(ids.townships)
    expect(bodies.filter((b) => b.kind === 'specialised')).toHaveLength(ANDA.specialisedMediationCommittees)
    expect(new Set(bodies.map((b) => b.name)).size).toBe(bodies.length)
    const names = bodies.map((b) => b.name)
    expect(names).toContain('安达市劳动争议人民调解委员会')
    expect(names).toContain('任民镇交通事故纠纷人民调解委员会')
    expect(names).toContain('任民镇人民调解委员会')
  })

  it('sit at their area’s seat (the specialised ones within 100 m of it), and take the kinds of their field', () => {
    const seat = new Map<number, [number, number]>([
      [ids.city, ANDA.center], ...layout.townships.map((t, k) => [ids.townships[k]!, t.seat] as const),
      ...layout.communities.map((c, k) => [ids.communities[k]!, c.seat] as const),
    ])
    for (const b of bodies) {
      const metres = turf.distance(b.at, seat.get(b.regionId)!, { units: 'meters' })
      expect(metres, b.name).toBeLessThan(b.kind === 'specialised' ? 100 : 0.01)
    }
    const kindsOf = (field: string) => new Set(bodies.filter((b) => b.field === field).map((b) => b.disputeKinds.join(',')))
    expect(kindsOf('labour')).toEqual(new Set(['labour']))
    expect(kindsOf('property')).toEqual(new Set(['property_mgmt']))
    expect(kindsOf('financial')).toEqual(new Set(['financial']))
    expect(bodies.filter((b) => b.kind !== 'specialised').every((b) => b.disputeKinds.length === 8)).toBe(true)
  })
})

describe('the seeded cases', () => {
  it('span two years, each with Tongliao’s 7,444 disputes, so a month has the same month last year to compare with', () => {
    const disputes = cases.filter((c) => c.category === 'dispute')
    const inYear = (y: number) => disputes.filter((c) => {
      const ago = now.getTime() - c.reportedAt.getTime()
      return ago >= y * 365 * DAY && ago < (y + 1) * 365 * DAY
    }).length
    expect([inYear(0), inYear(1)]).toEqual([ANDA.disputesPerYear, ANDA.disputesPerYear])
    expect(now.getTime() - cases[0]!.reportedAt.getTime()).toBeGreaterThan(725 * DAY)
    expect(now.getTime() - cases[0]!.reportedAt.getTime()).toBeLessThanOrEqual(730 * DAY)
  })

  it('come in by every channel, visitors at the hall (来访) among them', () => {
    const disputes = cases.filter((c) => c.category === 'dispute')
    const by = (source: string) => share(disputes.filter((c) => c.source === source).length, disputes.length)
    expect(by('walk_in')).toBeGreaterThan(0.06)
    expect(by('walk_in')).toBeLessThan(0.12)
    expect(by('grid_worker')).toBeGreaterThan(0.4)
    for (const s of ['hotline_12345', 'police_110', 'mini_program', 'petition_office']) expect(by(s), s).toBeGreaterThan(0.03)
  })
})

describe('the mediation records', () => {
  it('come to the order of Danjiangkou’s 2,387 a year; 99 % concluded, 93 % of those with an agreement', () => {
    expect(lastYear.length).toBeGreaterThan(2000)
    expect(lastYear.length).toBeLessThan(2900)
    const concluded = lastYear.filter((m) => m.outcome !== null)
    expect(share(concluded.length, lastYear.length)).toBeGreaterThan(0.98)
    expect(share(concluded.length, lastYear.length)).toBeLessThan(0.997)
    const agreements = concluded.filter((m) => m.outcome === 'agreement')
    expect(share(agreements.length, concluded.length)).toBeGreaterThan(0.91)
    expect(share(agreements.length, concluded.length)).toBeLessThan(0.95)
  })

  it('have a court confirm about 61 % of financial agreements (Tongliao’s 827 of 1,350) and fewer of the others', () => {
    const agreed = (kinds: string[]) => mediations.filter((m) => m.outcome === 'agreement' && kinds.includes(cases[m.case]!.kind))
    const confirmed = (ms: typeof mediations) => share(ms.filter((m) => m.confirmedAt).length, ms.length)
    expect(confirmed(agreed(['financial']))).toBeGreaterThan(0.54)
    expect(confirmed(agreed(['financial']))).toBeLessThan(0.68)
    expect(confirmed(agreed(['family', 'neighbour', 'land', 'labour', 'traffic', 'property_mgmt', 'petition']))).toBeLessThan(0.2)
  })

  it('name amounts for agreements of money disputes only, a year’s financial ones of the order of ten million yuan', () => {
    const money = ['financial', 'labour', 'traffic', 'property_mgmt']
    for (const m of mediations) {
      expect(m.amountYuan !== null, `mediation of case ${m.case}`).toBe(m.outcome === 'agreement' && money.includes(cases[m.case]!.kind))
    }
    const yuan = lastYear.filter((m) => cases[m.case]!.kind === 'financial').reduce((s, m) => s + (m.amountYuan ?? 0), 0)
    expect(yuan).toBeGreaterThan(8e6)
    expect(yuan).toBeLessThan(4e7)
  })

  it('go to a body that takes the dispute’s kind and serves the case’s community, township or the city', () => {
    for (const m of mediations) {
      const c = cases[m.case]!
      const body = bodies[m.body]!
      expect(c.category).toBe('dispute')
      expect(body.disputeKinds, body.name).toContain(c.kind)
      expect([c.grid.communityId, c.grid.townshipId, ids.city], body.name).toContain(body.regionId)
    }
  })

  it('lie in their case’s timeline: referred once verified, ended before it closed, confirmed after they ended; open while the case is', () => {
    const at = (c: CasePlan, step: string) => c.history.find((h) => h.step === step)?.at.getTime()
    for (const m of mediations) {
      const c = cases[m.case]!
      const where = `case ${m.case}`
      expect(m.referredAt.getTime(), where).toBeGreaterThan(at(c, 'verify')!)
      expect(m.outcome === null, where).toBe(c.state !== 'closed')
      if (m.endedAt) {
        expect(m.endedAt.getTime(), where).toBeGreaterThan(m.referredAt.getTime())
        expect(m.endedAt.getTime(), where).toBeLessThan(c.closedAt!.getTime())
        expect(m.sessions, where).toBeGreaterThanOrEqual(1)
        expect(m.sessions, where).toBeLessThanOrEqual(3)
      } else expect(m.sessions, where).toBe(0)
      if (m.confirmedAt) {
        expect(m.outcome, where).toBe('agreement')
        expect(m.confirmedAt.getTime(), where).toBeGreaterThan(m.endedAt!.getTime())
        expect(m.confirmedAt.getTime(), where).toBeLessThanOrEqual(now.getTime())
      }
    }
    const unresolved = mediations.filter((m) => cases[m.case]!.resolved === false)
    expect(share(unresolved.filter((m) => m.outcome === 'no_agreement').length, unresolved.length)).toBeGreaterThan(0.8)
  })

  it('add their steps to the case’s history in time order', () => {
    const withSteps = withMediationSteps(cases, mediations)
    for (const m of mediations.slice(0, 500)) {
      const h = withSteps[m.case]!.history
      expect(h.map((r) => r.step).filter((s) => s === 'mediate' || s === 'mediation_result' || s === 'judicial_confirmation'))
        .toEqual(m.steps.map((s) => s.step))
      expect(h.every((r, k) => k === 0 || r.at >= h[k - 1]!.at)).toBe(true)
    }
    expect(mediations.some((m) => m.confirmedAt && m.confirmedAt > cases[m.case]!.closedAt!)).toBe(true)
  })
})
