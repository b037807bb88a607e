import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CaseSummary } from '../../contract'
import { acknowledgement, AcknowledgementRefused, awaitsAcknowledgement } from '../../domain/acknowledgement'
import type { CaseFacts } from '../../domain/caseLoop'
import { DEFAULT_LIMITS } from '../../domain/timeLimits'
import { ageText } from '../../client/src/ui/ageText'
import { MAX_CARDS, UrgentHazardCards, unacknowledgedHazards } from '../../client/src/wall/UrgentHazardCards'

const now = Date.parse('2026-11-23T12:00:00.000Z')
const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString()

const aCase = (id: number, extra: Partial<CaseSummary> = {}): CaseSummary => CaseSummary.parse({
  id, code: `AD-2026-00000${id}`, category: 'hazard', kind: 'gas', source: 'hotline_12345', location: [125.32, 46.4],
  gridCode: '231281001001001', communityCode: '231281001001', townshipCode: '231281001000', level: 'grid', state: 'collected',
  reportedAt: minutesAgo(10), dueAt: minutesAgo(-50), escalations: 0, closedAt: null, resolved: null, satisfaction: null,
  version: 1, assignee: null, department: null, ...extra,
})

const facts = (extra: Partial<CaseFacts> = {}): CaseFacts & { acknowledgedAt: Date | null } => ({
  category: 'hazard', kind: 'fire', level: 'grid', state: 'verified', dueAt: new Date(now + 3_600_000), escalations: 0, signedAt: new Date(now - 60_000),
  sender: null, routes: [], closedAt: null, resolved: null, satisfaction: null, followedUpAt: null, sendBacks: 0, reopened: 0, acknowledgedAt: null,
  ...extra,
})

const refusal = (f: () => unknown) => {
  try {
    f()
  } catch (err) {
    return err instanceof AcknowledgementRefused ? err.why : err
  }
  return 'taken'
}

describe('an urgent hazard’s alarm, acknowledged once', () => {
  it('waits for an open fire, gas, electricity or flood hazard nobody has acknowledged; not for others', () => {
    for (const kind of ['fire', 'gas', 'electric', 'flood']) expect(awaitsAcknowledgement(aCase(1, { kind }))).toBe(true)
    expect(awaitsAcknowledgement(aCase(1, { kind: 'road' }))).toBe(false)
    expect(awaitsAcknowledgement(aCase(1, { category: 'dispute', kind: 'neighbour' }))).toBe(false)
    expect(awaitsAcknowledgement(aCase(1, { acknowledgedAt: minutesAgo(1) }))).toBe(false)
    expect(awaitsAcknowledgement(aCase(1, { state: 'closed' }))).toBe(false)
    // The rule follows the time limits: a kind given the ordinary clocks is not urgent.
    const kinds = Object.fromEntries(Object.entries(DEFAULT_LIMITS.kinds).filter(([k]) => k !== 'gas'))
    expect(awaitsAcknowledgement(aCase(1), { ...DEFAULT_LIMITS, kinds })).toBe(false)
  })

  it('is a step beside the loop: history only, the case’s state, level and clocks as they were', () => {
    const at = new Date(now)
    const out = acknowledgement(facts(), '已通知消防', 'operator', at)
    expect(out.entry).toMatchObject({ step: 'acknowledge', actorRole: 'city', level: 'grid', at, note: '已通知消防' })
    expect(out.facts).toMatchObject({ state: 'verified', level: 'grid', dueAt: facts().dueAt, escalations: 0 })
    expect(out.moveTo).toBeNull()
    expect(out.routesEnded).toBeNull()
    expect(acknowledgement(facts(), '', 'duty_leader', at).entry.actorRole).toBe('duty_leader')
  })

  it('is refused for a closed case, one that is no urgent hazard, and a second time', () => {
    const at = new Date(now)
    expect(refusal(() => acknowledgement(facts({ state: 'closed' }), '', 'operator', at))).toBe('closed')
    expect(refusal(() => acknowledgement(facts({ kind: 'building' }), '', 'operator', at))).toBe('not_urgent')
    expect(refusal(() => acknowledgement(facts({ category: 'dispute', kind: 'land' }), '', 'operator', at))).toBe('not_urgent')
    expect(refusal(() => acknowledgement({ ...facts(), acknowledgedAt: new Date(now - 60_000) }, '', 'operator', at))).toBe('acknowledged')
  })
})

describe('the wall’s alarm cards', () => {
  const names = new Map([['231281001000', '新兴街道'], ['231281001001', '东风社区']])
  const render = (cases: CaseSummary[]) =>
    renderToStaticMarkup(createElement(UrgentHazardCards, { cases: new Map(cases.map((c) => [c.id, c])), names, now }))

  it('stands a card for each alarm waiting, the newest first: kind, township and community, how long ago', () => {
    const html = render([
      aCase(1, { kind: 'fire', reportedAt: minutesAgo(95) }), aCase(2, { kind: 'flood', reportedAt: minutesAgo(3) }),
      aCase(3, { kind: 'road' }), aCase(4, { acknowledgedAt: minutesAgo(1) }), aCase(5, { state: 'closed' }),
    ])
    const cards = [...html.matchAll(/<li class="urgent-card" data-code="([^"]+)"><p class="kind">([^<]+)<\/p><p class="place">([^<]+)<\/p><p class="age"><time[^>]*>([^<]+)<\/time>/g)]
      .map((m) => m.slice(1))
    expect(cards).toEqual([
      ['AD-2026-000002', '防汛隐患', '新兴街道 · 东风社区', '3 分钟前'],
      ['AD-2026-000001', '消防隐患', '新兴街道 · 东风社区', '1 小时 35 分钟前'],
    ])
    expect(html).toContain('紧急隐患 待确认 <b>2</b>')
    expect(html).not.toMatch(/231281/)
  })

  it('shows at most four and counts the rest; nothing at all when none waits', () => {
    const many = Array.from({ length: MAX_CARDS + 2 }, (_, i) => aCase(i + 1, { reportedAt: minutesAgo(i) }))
    const html = render(many)
    expect(html.match(/class="urgent-card"/g)).toHaveLength(MAX_CARDS)
    expect(html).toContain('另有 2 起待确认')
    expect(unacknowledgedHazards(many).map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6])
    expect(render([aCase(1, { acknowledgedAt: minutesAgo(1) }), aCase(2, { kind: 'building' })])).toBe('')
  })

  it('says an alarm’s age as people do', () => {
    expect(ageText(minutesAgo(0.5), now)).toBe('刚刚')
    expect(ageText(minutesAgo(12), now)).toBe('12 分钟前')
    expect(ageText(minutesAgo(120), now)).toBe('2 小时前')
    expect(ageText(minutesAgo(27 * 60 + 5), now)).toBe('1 天 3 小时前')
  })
})
