import {
  type ActorRole, type CaseCategory, type CaseLevel, type CaseSource, type CaseState, type CaseStep, DEPARTMENTS, type DisputeKind,
  type HazardKind, type Satisfaction,
} from '../../contract/domain'
import { type CaseFacts, escalation, firstDue, type StepInput, type StepOutcome, takeStep } from '../../domain/caseLoop'
import { COLLECTED_BY } from '../../domain/intake'
import { reportWeight } from '../../domain/reportRhythm'
import { ANDA, GIVEN_NAME_CHARS, SURNAMES } from './anda'
import { DISPUTE_MIX, HAZARD_MIX, SATISFACTION, SOURCES } from './caseMix'
import { type Area, pointIn, type Pt } from './geo'
import type { Rng } from './rng'

export type CaseGrid = { id: number; communityId: number; townshipId: number; households: number; area: Area }

export type HistoryPlan = { step: CaseStep; actorRole: ActorRole; level: CaseLevel; at: Date; department: string | null; note: string }
export type PartyPlan = { role: 'applicant' | 'respondent'; name: string; phone: string; idNumber: string }
export type CasePlan = {
  category: CaseCategory
  kind: DisputeKind | HazardKind
  source: CaseSource
  at: Pt
  grid: CaseGrid
  level: CaseLevel
  state: CaseState
  reportedAt: Date
  dueAt: Date | null
  escalations: number
  closedAt: Date | null
  resolved: boolean | null
  satisfaction: Satisfaction | null
  description: string
  history: HistoryPlan[]
  parties: PartyPlan[]
}

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

/**
 * A year of cases shaped like the reports: about 7,444 disputes and a few thousand hazards, more by
 * day than by night; most verified and settled at the grid, some reported up and routed to a
 * department, some moved up by the platform when a level ran out of time; about 93 % resolved;
 * satisfaction recorded at close. The youngest are still open.
 */
export function layOutCases(rng: Rng, grids: readonly CaseGrid[], now: Date): CasePlan[] {
  const totalHouseholds = grids.reduce((s, g) => s + g.households, 0)
  const pickGrid = () => {
    let x = rng.range(0, totalHouseholds)
    for (const g of grids) if ((x -= g.households) < 0) return g
    return grids.at(-1)!
  }
  const plans: CasePlan[] = []
  const counts: [CaseCategory, number][] = [['dispute', ANDA.disputesPerYear], ['hazard', ANDA.hazardsPerYear]]
  for (const [category, n] of counts) {
    for (let k = 0; k < n; k++) plans.push(oneCase(rng, category, pickGrid(), reportTime(rng, now), now))
  }
  return plans.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime())
}

/** Over the last year, each hour as busy as the domain's daily rhythm of reports says. */
function reportTime(rng: Rng, now: Date): Date {
  for (;;) {
    const t = new Date(now.getTime() - rng.range(0, 365) * DAY)
    if (rng.next() < reportWeight(t)) return t
  }
}

function oneCase(rng: Rng, category: CaseCategory, grid: CaseGrid, reportedAt: Date, now: Date): CasePlan {
  const kind = category === 'dispute' ? rng.weighted(DISPUTE_MIX) : rng.weighted(HAZARD_MIX)
  const source = rng.weighted(SOURCES[category])
  const target = rng.weighted(SETTLED_AT)
  const resolvedCase = rng.chance(0.945)
  const history: HistoryPlan[] = [{ step: 'collect', actorRole: COLLECTED_BY[source], level: 'grid', at: reportedAt, department: null, note: '' }]
  let facts: CaseFacts = { category, kind, level: 'grid', state: 'collected', dueAt: firstDue({ category, kind }, reportedAt), escalations: 0 }
  let closedAt: Date | null = null
  let t = reportedAt.getTime()
  const record = (o: StepOutcome) => {
    history.push(o.entry)
    facts = { ...facts, level: o.level, state: o.state, dueAt: o.dueAt, escalations: o.escalations }
    closedAt = o.closedAt
    t = o.entry.at.getTime()
  }

  /**
   * Takes a step after `hours`, by the domain's own rules, unless the level's time runs out first:
   * then the platform moves the case up (`escalation`) and the next level acts sooner. False when
   * the step would fall after `now`: the case is still open.
   */
  const act = (input: StepInput, hours: number): boolean => {
    for (;;) {
      const at = t + hours * HOUR
      const lapse = facts.dueAt && facts.dueAt.getTime() < at && facts.dueAt <= now ? escalation(facts, facts.dueAt) : null
      if (!lapse) {
        if (at > now.getTime()) return false
        record(takeStep(facts, input, 'service', new Date(at)))
        return true
      }
      record(lapse)
      // The platform has moved the case up already: nobody reports it up again.
      if (input.step === 'report_up') return true
      hours /= 2
    }
  }

  // Most cases take hours at each step; one in ten drags on for days and meets the time limit.
  const slow = () => (rng.chance(0.1) ? rng.range(30, 100) : 0)
  let open = !(act({ step: 'verify', note: '' }, rng.range(0.5, 6)) && act({ step: 'handle', note: '' }, rng.range(1, 20) + slow()))
  for (const up of ['community', 'township', 'city'] as const) {
    if (open || levelIndex(facts.level) >= levelIndex(target)) break
    if (levelIndex(facts.level) < levelIndex(up)) open = !act({ step: 'report_up', note: '' }, rng.range(2, 30))
    if (!open && (up === 'township' || up === 'city') && facts.state !== 'routed') {
      open = !act({ step: 'route', note: '', department: rng.pick(DEPARTMENTS) }, rng.range(1, 12))
    }
    if (!open) open = !act({ step: 'handle', note: '' }, rng.range(6, 60) + slow())
  }
  const satisfaction: Satisfaction = rng.weighted(resolvedCase ? SATISFACTION.resolved : SATISFACTION.unresolved)
  if (!open) open = !act({ step: 'feed_back', note: '' }, rng.range(0.5, 8))
  if (!open) {
    const note = resolvedCase ? '矛盾已化解，当事人签字确认' : '调解未成功，引导当事人通过诉讼途径解决'
    open = !act({ step: 'close', note, resolved: resolvedCase, satisfaction }, rng.range(0.5, 12))
  }
  const closed = facts.state === 'closed'
  return {
    category, kind, source, at: pointIn(rng, grid.area), grid, level: facts.level, state: facts.state, reportedAt,
    dueAt: facts.dueAt,
    escalations: facts.escalations,
    closedAt,
    resolved: closed ? resolvedCase : null,
    satisfaction: closed ? satisfaction : null,
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
