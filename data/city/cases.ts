import type { CaseCategory, CaseLevel, CaseSource, DisputeKind, HazardKind, Satisfaction } from '../../contract/domain'
import {
  arrival, type CaseFacts, escalation, type HistoryRow, type StepInput, type StepOutcome, takeStep,
} from '../../domain/caseLoop'
import { COLLECTED_BY } from '../../domain/intake'
import { reportWeight } from '../../domain/reportRhythm'
import { ANDA, GIVEN_NAME_CHARS, SURNAMES } from './anda'
import { DISPUTE_MIX, HAZARD_MIX, SATISFACTION, SOURCES } from './caseMix'
import { type Area, pointIn, type Pt } from './geo'
import type { Rng } from './rng'

export type CaseGrid = { id: number; communityId: number; townshipId: number; households: number; area: Area }

export type PartyPlan = { role: 'applicant' | 'respondent'; name: string; phone: string; idNumber: string }
/** A case as the loop left it (its facts, the departments it is routed to now), with its whole history. */
export type CasePlan = CaseFacts & {
  source: CaseSource
  at: Pt
  grid: CaseGrid
  reportedAt: Date
  description: string
  history: HistoryRow[]
  parties: PartyPlan[]
}

/**
 * Where a township or the city may route a case: the city's bureaus, and each township's offices by the township's
 * store id; in a province, each township's county bureaus by its store id (`bureausOf`) instead of one city's.
 */
export type Routing = { bureaus: readonly string[]; offices: ReadonlyMap<number, readonly string[]>; bureausOf?: ReadonlyMap<number, readonly string[]> }

/** How many cases a year, and over how many years back from now. */
export type CaseVolume = { disputesPerYear: number; hazardsPerYear: number; years: number }

/** Where a closed case was settled: most at the grid (网格办小事), few at the city. */
const SETTLED_AT: Record<CaseLevel, number> = { grid: 80, community: 11, township: 7, city: 2 }

const DESCRIPTIONS: Record<DisputeKind | HazardKind, string> = {
  family: '夫妻因家庭琐事发生争吵，一方回娘家，请求调解', neighbour: '邻里因房屋漏水、噪音问题发生纠纷',
  property_mgmt: '业主与物业公司因物业费、供暖问题发生纠纷', land: '村民之间因土地承包地界发生争议',
  labour: '务工人员反映工程款、工资未按时发放', financial: '亲友之间民间借贷到期未还引发纠纷',
  traffic: '机动车与非机动车发生轻微交通事故，双方就赔偿有争议', petition: '群众反映历史遗留问题，要求有关部门答复',
  fire: '楼道堆放杂物、电动车违规充电，存在火灾隐患', building: '老旧房屋墙体开裂，存在安全隐患',
  electric: '私拉乱接电线，存在触电和火灾隐患', gas: '餐饮店燃气管道老化，存在泄漏风险',
  road: '路面塌陷、井盖缺失，影响通行安全', flood: '排水沟渠堵塞，汛期存在内涝风险',
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** The city's: how many years of history it starts with, so this year's figures have last year's to be compared with (同比). */
const CITY_VOLUME: CaseVolume = { disputesPerYear: ANDA.disputesPerYear, hazardsPerYear: ANDA.hazardsPerYear, years: 2 }

/**
 * Two years of cases shaped like the reports: each year Tongliao's 7,444 disputes (its 2022 count, applied
 * to the demo city; the year before is laid out at the same rate, as no report gives its own) and our 2,300
 * hazards, more by day than by night; most verified and settled at the grid, some reported up and routed to
 * a department, some moved up by the platform when a level ran out of time; about 93 % of disputes resolved
 * (Tongliao's 化解率); satisfaction recorded at close. The youngest are still open. A province passes its own volume.
 */
export function layOutCases(rng: Rng, grids: readonly CaseGrid[], routing: Routing, now: Date, volume = CITY_VOLUME): CasePlan[] {
  // Each grid by its households: the first grid whose running total passes a draw (a binary search, for a province's grids).
  const upTo: number[] = []
  for (const g of grids) upTo.push((upTo.at(-1) ?? 0) + g.households)
  const pickGrid = () => {
    const x = rng.range(0, upTo.at(-1)!)
    let [lo, hi] = [0, grids.length - 1]
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (upTo[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return grids[lo]!
  }
  const plans: CasePlan[] = []
  const counts: [CaseCategory, number][] = [['dispute', volume.disputesPerYear], ['hazard', volume.hazardsPerYear]]
  for (let year = 0; year < volume.years; year++) {
    for (const [category, n] of counts) {
      for (let k = 0; k < n; k++) plans.push(oneCase(rng, category, pickGrid(), reportTime(rng, now, year), routing, now))
    }
  }
  return plans.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime())
}

/** Within the 365 days `yearsAgo` years before `now`, each hour as busy as the domain's daily rhythm of reports says. */
function reportTime(rng: Rng, now: Date, yearsAgo: number): Date {
  for (;;) {
    const t = new Date(now.getTime() - rng.range(365 * yearsAgo, 365 * (yearsAgo + 1)) * DAY)
    if (rng.next() < reportWeight(t)) return t
  }
}

/** A history row's fields a step leaves empty, to be spread under the ones it fills. */
export const EMPTY_STEP = {
  department: null, note: '', assignee: null, dueAt: null, reason: null, channel: null, assisting: null, toGrid: null, accepted: null, satisfaction: null,
} as const

function oneCase(rng: Rng, category: CaseCategory, grid: CaseGrid, reportedAt: Date, routing: Routing, now: Date): CasePlan {
  const kind = category === 'dispute' ? rng.weighted(DISPUTE_MIX) : rng.weighted(HAZARD_MIX)
  const source = rng.weighted(SOURCES[category])
  const target = rng.weighted(SETTLED_AT)
  // Tongliao resolved 6,925 of its 7,444 disputes (93 %, its 化解率).
  const resolvedCase = rng.chance(0.935)
  const history: HistoryRow[] = [{ ...EMPTY_STEP, step: 'collect', actorRole: COLLECTED_BY[source], level: 'grid', at: reportedAt }]
  let facts: CaseFacts = {
    category, kind, level: 'grid', state: 'collected', escalations: 0, routes: [], closedAt: null, resolved: null, satisfaction: null,
    followedUpAt: null, sendBacks: 0, reopened: 0, ...arrival({ kind, source }, reportedAt),
  }
  let t = reportedAt.getTime()
  const record = (o: StepOutcome) => {
    history.push(o.entry)
    facts = { ...facts, ...o.facts }
    t = o.entry.at.getTime()
  }

  /** One step after `hours` by the domain's own rules: 'lapsed' when the clock ran out first and the platform moved the case up; 'open' when it would fall after `now`. */
  const once = (input: StepInput, hours: number, department: string | null): 'done' | 'lapsed' | 'open' => {
    const at = t + hours * HOUR
    const lapse = facts.dueAt && facts.dueAt.getTime() < at && facts.dueAt <= now ? escalation(facts, facts.dueAt) : null
    if (lapse) {
      record(lapse)
      return 'lapsed'
    }
    if (at > now.getTime()) return 'open'
    record(takeStep(facts, department ? { ...input, department } : input, { role: 'service', department }, new Date(at)))
    return 'done'
  }

  /**
   * Takes a step after `hours` (for `department`, when it is a department's), unless the holder's time runs
   * out first: then the platform moves the case up and the next level acts sooner. A level that holds the
   * case unsigned (it arrived, or was moved up) signs for it first. False when the step would fall after `now`.
   */
  const act = (input: StepInput, hours: number, department: string | null = null): boolean => {
    for (;;) {
      const signFirst = department === null && !facts.signedAt && input.step !== 'sign_for'
      const r = signFirst ? once({ step: 'sign_for', note: '' }, rng.range(0.1, 1.5), null) : once(input, hours, department)
      if (r === 'open') return false
      if (r === 'done' && !signFirst) return true
      // The platform has moved the case up already: nobody reports it up again.
      if (r === 'lapsed' && input.step === 'report_up') return true
      if (r === 'lapsed') hours /= 2
    }
  }

  /** Routes to a lead (and now and then an assisting) department, which report and handle; the router checks the result. */
  const summon = (): boolean => {
    const bureaus = routing.bureausOf?.get(grid.townshipId) ?? routing.bureaus
    const choices = facts.level === 'township' ? [...(routing.offices.get(grid.townshipId) ?? []), ...bureaus] : bureaus
    const [lead, helper] = rng.shuffle([...choices])
    if (!act({ step: 'route', note: '', lead: lead!, ...(helper && rng.chance(0.3) ? { assisting: [helper] } : {}) }, rng.range(1, 12))) return false
    for (const r of facts.routes) if (!act({ step: 'sign_for', note: '' }, rng.range(1, 20), r.department)) return false
    const leading = facts.routes.find((r) => r.lead)
    if (!leading) return true
    // One department in twelve finds the case is not its own and sends it back; the router routes it again.
    if (rng.chance(1 / 12)) {
      if (!act({ step: 'send_back', note: '不属本部门职责', reason: 'wrong_department' }, rng.range(1, 8), leading.department)) return false
      return summon()
    }
    if (!act({ step: 'handle', note: '' }, rng.range(6, 60) + slow(), leading.department)) return false
    if (!act({ step: 'feed_back', note: '' }, rng.range(0.5, 8), leading.department)) return false
    return facts.state !== 'fed_back' || act({ step: 'check', note: '', accepted: true }, rng.range(0.5, 6))
  }

  // Most cases take hours at each step; one in ten drags on for days and meets the time limit.
  const slow = () => (rng.chance(0.1) ? rng.range(30, 100) : 0)
  let open = !(act({ step: 'verify', note: '' }, rng.range(0.5, 6)) && act({ step: 'handle', note: '' }, rng.range(1, 20) + slow()))
  for (const up of ['community', 'township', 'city'] as const) {
    if (open || facts.state === 'checked' || levelIndex(facts.level) >= levelIndex(target)) break
    if (levelIndex(facts.level) < levelIndex(up)) open = !act({ step: 'report_up', note: '' }, rng.range(2, 30))
    if (!open && (up === 'township' || up === 'city') && facts.state !== 'routed') open = !summon()
    else if (!open) open = !act({ step: 'handle', note: '' }, rng.range(6, 60) + slow())
  }
  const close = (): boolean => {
    if (facts.state !== 'checked' && facts.state !== 'fed_back' && !act({ step: 'feed_back', note: '' }, rng.range(0.5, 8))) return false
    // Whoever reported it from outside is told the result; a grid worker's own find has nobody to tell.
    if (source !== 'grid_worker' && !act({ step: 'answer', note: '已电话告知处理结果', channel: 'phone' }, rng.range(0.5, 6))) return false
    const satisfaction: Satisfaction = rng.weighted(resolvedCase ? SATISFACTION.resolved : SATISFACTION.unresolved)
    const note = resolvedCase ? '矛盾已化解，当事人签字确认' : '调解未成功，引导当事人通过诉讼途径解决'
    return act({ step: 'close', note, resolved: resolvedCase, satisfaction }, rng.range(0.5, 12))
  }
  if (!open) open = !close()
  // The seats call back about a third of the reporters within a few days; one in twenty of them is dissatisfied and the case reopens.
  if (!open && rng.chance(0.35)) {
    const unhappy = rng.chance(0.05)
    const said: Satisfaction = unhappy ? 'unsatisfied' : rng.chance(0.85) ? 'satisfied' : 'basically_satisfied'
    if (act({ step: 'follow_up', note: unhappy ? '群众表示问题未解决' : '群众认可处理结果', satisfaction: said }, rng.range(12, 120)) && unhappy) {
      if (act({ step: 'handle', note: '重新办理' }, rng.range(4, 48))) close()
    }
  }
  const { category: _category, kind: _kind, ...end } = facts
  return {
    category, kind, ...end, source, at: pointIn(rng, grid.area), grid, reportedAt,
    description: DESCRIPTIONS[kind],
    history,
    parties: category === 'dispute' ? [party(rng, 'applicant'), party(rng, 'respondent')] : rng.chance(0.5) ? [party(rng, 'applicant')] : [],
  }
}

const LEVELS: CaseLevel[] = ['grid', 'community', 'township', 'city']
const levelIndex = (l: CaseLevel) => LEVELS.indexOf(l)

/** Made-up parties of a demo case: a name, a mobile number and an 18-digit ID with a valid check digit. */
function party(rng: Rng, role: PartyPlan['role']): PartyPlan {
  const name = rng.pick(SURNAMES) + Array.from({ length: rng.int(1, 2) }, () => rng.pick([...GIVEN_NAME_CHARS])).join('')
  const phone = `1${rng.pick(['3', '5', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`
  const birth = new Date(Date.UTC(rng.int(1950, 2004), rng.int(0, 11), rng.int(1, 28))).toISOString().slice(0, 10).replaceAll('-', '')
  const body = `231281${birth}${String(rng.int(0, 999)).padStart(3, '0')}`
  return { role, name, phone, idNumber: body + idCheckDigit(body) }
}

/** GB 11643 check digit of the first 17 digits of an ID number. */
export function idCheckDigit(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0)
  return '10X98765432'[sum % 11]!
}
