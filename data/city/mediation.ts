import type { CaseLevel, DisputeKind } from '../../contract/domain'
import { labels } from '../../contract/labels'
import type { MediationBodyKind, MediationKind, MediationMode, MediationOutcome } from '../../contract/mediation'
import { actorRoleOf, type HistoryRow } from '../../domain/caseLoop'
import { beijingDate } from '../../domain/periods'
import { type CasePlan, EMPTY_STEP } from './cases'
import type { MediationBodyPlan } from './mediationBodies'
import type { Rng } from './rng'

/** A dispute's mediation as laid out, with the steps it adds to its case's history. */
export type MediationPlan = {
  /** Index of its case in the plans given. */
  case: number
  /** Index of its body in the bodies given. */
  body: number
  kind: MediationKind
  mode: MediationMode
  referredAt: Date
  /** Sessions held; none recorded while it is open. */
  sessions: number
  outcome: MediationOutcome | null
  endedAt: Date | null
  amountYuan: number | null
  confirmedAt: Date | null
  steps: HistoryRow[]
}

/**
 * Which disputes are referred (移交调解), by the level that settles them. Anda's aim is "小事不出村(社区),
 * 大事不出乡镇(街道)": grid workers talk most quarrels out themselves (劝解, no record) and bring about one in seven
 * to the village's or community's committee; what goes above the grid is mostly mediated. Petitions (信访)
 * go to mediation only when passed on by the petition office (访调对接). So a year comes to about 2,400
 * referrals, the order of Danjiangkou's 2,387 disputes taken by its mediation bodies.
 */
const REFERRED: Record<CaseLevel, number> = { grid: 0.15, community: 0.85, township: 0.85, city: 0.85 }
const PETITION_REFERRED = 0.25

/** How often the level takes a specialised committee over the general one of its community or township. */
const SPECIALISED: Record<CaseLevel, number> = { grid: 0.2, community: 0.3, township: 0.5, city: 0.75 }

/** The four kinds (四元调解) by who mediates, our judgement: the committees mostly mediate as people's mediation, the specialised ones as an industry. */
const KIND: Record<MediationBodyKind, Partial<Record<MediationKind, number>>> = {
  community: { people: 90, administrative: 6, judicial: 4 },
  township: { people: 68, administrative: 24, judicial: 8 },
  specialised: { industry: 65, people: 15, administrative: 12, judicial: 8 },
}
/** On the spot (当场调解) mostly near home, entrusted (委托调解) more often further up; online (网上调解) a few everywhere. A court's mediation is always entrusted. */
const MODE: Record<MediationBodyKind, Record<MediationMode, number>> = {
  community: { on_site: 70, entrusted: 15, online: 15 },
  township: { on_site: 50, entrusted: 35, online: 15 },
  specialised: { on_site: 35, entrusted: 50, online: 15 },
}

/**
 * Agreements: Tongliao resolved 93 % of its disputes (化解率), the share of concluded mediations ending in an
 * agreement here. A resolved case's mediation almost always reached one (a few were settled otherwise after
 * it failed); an unresolved case's seldom did (an agreement not kept), so that about 93 % come out overall.
 */
const AGREEMENT = { resolved: 0.985, unresolved: 0.1 }

/**
 * What an agreement settles, yuan: a log-normal amount around a median. Tongliao's financial centre settled
 * 2.89亿 in 1,350 cases (about 214,000 yuan each, banks' loans among them, a prefecture's); the demo's
 * financial disputes are loans between acquaintances, a quarter of that at the median (mean about 82,000),
 * so a year's 200-odd financial agreements settle about 0.19亿, of the order of a county's share of Tongliao's. Wages
 * owed, accident damages and property fees are smaller.
 */
const AMOUNT: Partial<Record<DisputeKind, { median: number; sigma: number }>> = {
  financial: { median: 50_000, sigma: 1 },
  labour: { median: 15_000, sigma: 0.9 },
  traffic: { median: 8_000, sigma: 1 },
  property_mgmt: { median: 2_500, sigma: 0.8 },
}

/** Agreements a court confirms (司法确认): Tongliao's 827 of 1,350 financial ones; fewer where less money is at stake. */
const CONFIRMED: Record<DisputeKind, number> = {
  financial: 827 / 1350, labour: 0.3, traffic: 0.25, land: 0.15, property_mgmt: 0.1, family: 0.05, neighbour: 0.05, petition: 0,
}

const DAY = 24 * 3_600_000

/**
 * The mediations of the seeded disputes, each in its case's timeline: referred once the level that settles
 * the case holds it, verified, and ended before the result is fed back (or the case closed); a court's
 * confirmation follows within weeks, after the close now and then. An open case's mediation is still open.
 * The body takes the dispute's kind and serves its community, its township or the city.
 */
export function layOutMediations(rng: Rng, cases: readonly CasePlan[], bodies: readonly MediationBodyPlan[], now: Date): MediationPlan[] {
  const pickBody = bodyPicker(rng, bodies)
  const out: MediationPlan[] = []
  cases.forEach((c, i) => {
    if (c.category !== 'dispute') return
    const kind = c.kind as DisputeKind
    const window = mediationWindow(c, now)
    if (!window || !rng.chance(kind === 'petition' ? (c.level === 'grid' ? 0 : PETITION_REFERRED) : REFERRED[c.level])) return
    const b = pickBody(c, kind)
    const body = bodies[b]!
    const mediation = rng.weighted(KIND[body.kind] as Record<MediationKind, number>)
    const mode: MediationMode = mediation === 'judicial' ? 'entrusted' : rng.weighted(MODE[body.kind])
    const [from, to] = window
    const closed = c.state === 'closed'
    const referredAt = new Date(from + (to - from) * (closed ? rng.range(0.05, 0.3) : rng.range(0.05, 0.9)))
    const step = (s: HistoryRow['step'], at: Date, note: string): HistoryRow => {
      const level = levelAt(c.history, at)
      return { ...EMPTY_STEP, step: s, actorRole: actorRoleOf('service', level), level, at, note }
    }
    const m: MediationPlan = {
      case: i, body: b, kind: mediation, mode, referredAt, sessions: 0, outcome: null, endedAt: null, amountYuan: null, confirmedAt: null,
      steps: [step('mediate', referredAt, `移交${body.name}（${labels.mediationKind[mediation]}·${labels.mediationMode[mode]}）`)],
    }
    if (closed) {
      m.endedAt = new Date(referredAt.getTime() + (to - referredAt.getTime()) * rng.range(0.5, 0.95))
      m.sessions = mode === 'on_site' ? (rng.chance(0.85) ? 1 : 2) : Number(rng.weighted({ '1': 55, '2': 30, '3': 15 }))
      m.outcome = rng.chance(c.resolved ? AGREEMENT.resolved : AGREEMENT.unresolved) ? 'agreement' : 'no_agreement'
      const amount = AMOUNT[kind]
      if (m.outcome === 'agreement' && amount) m.amountYuan = Math.round(amount.median * Math.exp(amount.sigma * rng.normal(0, 1)))
      const settles = m.amountYuan === null ? '' : `，协议金额${m.amountYuan}元`
      m.steps.push(step('mediation_result', m.endedAt, `${body.name}调解${m.sessions}次，${labels.mediationOutcome[m.outcome]}${settles}`))
      if (m.outcome === 'agreement' && rng.chance(CONFIRMED[kind])) {
        const at = new Date(m.endedAt.getTime() + rng.range(3, 25) * DAY)
        if (at <= now) {
          m.confirmedAt = at
          m.steps.push(step('judicial_confirmation', at, `调解协议经法院司法确认（${beijingDate(at)}）`))
        }
      }
    }
    out.push(m)
  })
  return out
}

/** The cases with their mediations' steps in their histories, in time order. */
export function withMediationSteps(cases: readonly CasePlan[], mediations: readonly MediationPlan[]): CasePlan[] {
  const added = new Map(mediations.map((m) => [m.case, m.steps]))
  return cases.map((c, i) => {
    const steps = added.get(i)
    return steps ? { ...c, history: [...c.history, ...steps].sort((a, b) => a.at.getTime() - b.at.getTime()) } : c
  })
}

/**
 * When a case may be in mediation, ms: from the moment the level that holds it last (the settling level, or
 * the one holding an open case) has it, verified, to the first result fed back or close after that; to `now`
 * for an open case. Null before the case is verified.
 */
function mediationWindow(c: CasePlan, now: Date): [number, number] | null {
  const h = c.history
  const verified = h.find((r) => r.step === 'verify')
  if (!verified) return null
  let k = h.length - 1
  while (k > 0 && h[k - 1]!.level === c.level) k--
  const from = Math.max(verified.at.getTime(), h[k]!.at.getTime())
  const end = h.find((r) => r.at.getTime() > from && (r.step === 'feed_back' || r.step === 'close'))
  return [from, end ? end.at.getTime() : now.getTime()]
}

/** The level that held the case at `at`: the level of its last step by then. */
function levelAt(history: readonly HistoryRow[], at: Date): CaseLevel {
  let level = history[0]!.level
  for (const r of history) {
    if (r.at > at) break
    level = r.level
  }
  return level
}

/**
 * Picks the body for a case's mediation by the level that holds it: the community's committee near the grid,
 * the township's further up, a specialised committee of the community, township or city (by the level's
 * share) where one takes the kind. Medical committees, which take traffic claims only beside their own
 * work, are picked a fifth as often as a traffic committee.
 */
function bodyPicker(rng: Rng, bodies: readonly MediationBodyPlan[]) {
  const committeeOf = new Map<number, number>()
  const specialisedOf = new Map<number, number[]>()
  let city = -1
  bodies.forEach((b, k) => {
    if (b.kind !== 'specialised') committeeOf.set(b.regionId, k)
    else specialisedOf.set(b.regionId, [...(specialisedOf.get(b.regionId) ?? []), k])
    if (b.level === 'city') city = b.regionId
  })
  return (c: CasePlan, kind: DisputeKind): number => {
    const near = c.level === 'grid' || c.level === 'community'
    const regions = near ? [c.grid.communityId, c.grid.townshipId] : c.level === 'township' ? [c.grid.townshipId, city] : [city]
    const specialised = regions.flatMap((r) => specialisedOf.get(r) ?? []).filter((k) => bodies[k]!.disputeKinds.includes(kind))
    if (specialised.length && rng.chance(SPECIALISED[c.level])) {
      const weight = (k: number) => (bodies[k]!.field === 'medical' ? 0.2 : 1)
      let x = rng.range(0, specialised.reduce((s, k) => s + weight(k), 0))
      for (const k of specialised) if ((x -= weight(k)) < 0) return k
      return specialised.at(-1)!
    }
    return committeeOf.get(near ? c.grid.communityId : c.grid.townshipId)!
  }
}
