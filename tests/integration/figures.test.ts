import { beforeAll, describe, expect, it } from 'vitest'
import { Figures, type Measures, type MediationMeasures, Rankings } from '../../contract'
import { manualClock } from '../../server/src/clock'
import { as, call } from '../support/serve'
import { servedCity } from '../support/servedCity'

/**
 * A hand-made set of cases in 2029–2030, years the seeded city has no case in, whose figures are known
 * and written out below: every figure the API gives for a month, a quarter and a range of days, with 同比
 * and 环比, is checked against them.
 */
const clock = manualClock(new Date('2030-07-10T04:00:00Z'))
const city = servedCity({ clock })
const T1 = '231281001000'
const G1 = '231281001001001'
let T2 = ''
let G2 = ''
let department = ''

/** Beijing wall time → instant. */
const bj = (s: string) => `${s}:00+08:00`

type Step = { step: string; at: string; actor?: string; due?: string; satisfaction?: string; reason?: string; department?: string }
type HandMade = {
  code: string; kind: string; category: 'dispute' | 'hazard'; source: string; grid: 'G1' | 'G2'; level: string; reported: string
  closed?: string; resolved?: boolean; satisfaction?: string; due?: string; steps: Step[]
}

const CASES: HandMade[] = [
  { code: 'A', category: 'dispute', kind: 'family', source: 'grid_worker', grid: 'G1', level: 'grid', reported: '2030-03-05 10:00',
    closed: '2030-03-08 10:00', resolved: true, satisfaction: 'satisfied', steps: [{ step: 'close', at: '2030-03-08 10:00' }] },
  { code: 'B', category: 'dispute', kind: 'labour', source: 'hotline_12345', grid: 'G1', level: 'community', reported: '2030-03-10 09:00',
    closed: '2030-04-02 10:00', resolved: true, satisfaction: 'basically_satisfied',
    steps: [{ step: 'route', at: '2030-03-11 09:00', department: 'DEPT' }, { step: 'supervise', at: '2030-03-12 09:00', actor: 'platform', due: '2030-03-12 09:00' },
      { step: 'close', at: '2030-04-02 10:00' }] },
  { code: 'C', category: 'hazard', kind: 'fire', source: 'police_110', grid: 'G2', level: 'grid', reported: '2030-03-20 08:00',
    closed: '2030-03-21 12:00', resolved: false, satisfaction: 'unsatisfied',
    steps: [{ step: 'feed_back', at: '2030-03-21 08:00', due: '2030-03-21 07:00' }, { step: 'close', at: '2030-03-21 12:00' }] },
  { code: 'D', category: 'dispute', kind: 'neighbour', source: 'grid_worker', grid: 'G1', level: 'township', reported: '2030-02-25 09:00',
    closed: '2030-03-09 09:00', resolved: true, satisfaction: 'satisfied',
    steps: [{ step: 'send_back', at: '2030-02-27 09:00', reason: 'other' }, { step: 'close', at: '2030-03-03 09:00' },
      { step: 'follow_up', at: '2030-03-06 09:00', satisfaction: 'unsatisfied' }, { step: 'close', at: '2030-03-09 09:00' }] },
  { code: 'E', category: 'dispute', kind: 'financial', source: 'mini_program', grid: 'G1', level: 'grid', reported: '2029-03-15 09:00',
    closed: '2029-03-20 09:00', resolved: true, satisfaction: 'satisfied', steps: [{ step: 'close', at: '2029-03-20 09:00' }] },
  { code: 'F', category: 'dispute', kind: 'family', source: 'walk_in', grid: 'G2', level: 'grid', reported: '2029-12-10 09:00', due: '2030-07-01 09:00', steps: [] },
  // 23:30 on 31 March in Beijing is still March there (15:30 UTC); H's 00:10 on 1 April is April, though 31 March in UTC.
  { code: 'G', category: 'dispute', kind: 'land', source: 'petition_office', grid: 'G2', level: 'grid', reported: '2030-03-31 23:30', due: '2030-08-01 09:00', steps: [] },
  { code: 'H', category: 'hazard', kind: 'gas', source: 'grid_worker', grid: 'G1', level: 'grid', reported: '2030-04-01 00:10',
    closed: '2030-04-01 10:00', resolved: true, satisfaction: 'satisfied', steps: [{ step: 'close', at: '2030-04-01 10:00' }] },
]

const MEDIATIONS = [
  { on: 'A', body: 'township', kind: 'people', mode: 'on_site', referred: '2030-03-06 09:00', ended: '2030-03-07 09:00', outcome: 'agreement', amount: 5000, confirmed: '2030-03-20 09:00' },
  { on: 'B', body: 'labour', kind: 'administrative', mode: 'entrusted', referred: '2030-03-15 09:00', ended: '2030-04-01 09:00', outcome: 'agreement', amount: 120000.5, confirmed: null },
  { on: 'E', body: 'township', kind: 'people', mode: 'on_site', referred: '2029-03-16 09:00', ended: '2029-03-18 09:00', outcome: 'no_agreement', amount: null, confirmed: null },
  { on: 'G', body: 'township', kind: 'people', mode: 'online', referred: '2030-03-31 23:40', ended: null, outcome: null, amount: null, confirmed: null },
]

const bodies: Record<string, number> = {}

beforeAll(async () => {
  const db = city.db
  const [t2] = await db.query<{ township: string; grid: string }>(
    `SELECT t.code AS township, g.code AS grid FROM grids g JOIN regions c ON c.id = g.community_id JOIN regions t ON t.id = c.parent_id
     WHERE g.valid_to IS NULL AND t.code <> $1 ORDER BY g.code LIMIT 1`, [T1])
  T2 = t2!.township
  G2 = t2!.grid
  department = (await db.query<{ name: string }>(`SELECT name FROM departments WHERE level = 'city' ORDER BY id LIMIT 1`))[0]!.name
  for (const [key, kind, field, region] of [['township', 'township', null, T1], ['labour', 'specialised', 'labour', '231281000000']] as const) {
    const [b] = await db.query<{ id: number }>(
      `INSERT INTO mediation_bodies (name, kind, field, region_id, geom, dispute_kinds)
       SELECT $1, $2, $3, r.id, ST_PointOnSurface(r.geom), $4::text[] FROM regions r WHERE r.code = $5 RETURNING id`,
      [`测试${key}调解委员会`, kind, field, kind === 'township' ? ['family', 'neighbour', 'labour', 'land', 'financial'] : ['labour'], region])
    bodies[key] = b!.id
  }
  const ids: Record<string, number> = {}
  for (const c of CASES) {
    const grid = c.grid === 'G1' ? G1 : G2
    const open = !c.closed
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO cases (code, category, kind, source, geom, grid_id, community_id, township_id, level, state, reported_at, due_at, closed_at,
                          resolved, satisfaction, signed_at)
       SELECT $1, $2, $3, $4, ST_PointOnSurface(g.geom), g.id, g.community_id, com.parent_id, $5, $6, $7, $8, $9, $10, $11, $7
       FROM grids g JOIN regions com ON com.id = g.community_id WHERE g.code = $12 AND g.valid_to IS NULL RETURNING id`,
      [`FIG-2030-${c.code}`, c.category, c.kind, c.source, c.level, open ? 'handling' : 'closed', bj(c.reported), c.due ? bj(c.due) : null,
        c.closed ? bj(c.closed) : null, open ? null : c.resolved, open ? null : c.satisfaction, grid])
    ids[c.code] = row!.id
    const steps: Step[] = [{ step: 'collect', at: c.reported, actor: 'grid_worker' }, ...c.steps]
    for (const s of steps) {
      await db.query(
        `INSERT INTO case_history (case_id, step, actor_role, level, at, due_at, satisfaction, reason, department)
         VALUES ($1, $2, $3, 'grid', $4, $5, $6, $7, $8)`,
        [row!.id, s.step, s.actor ?? 'community', bj(s.at), s.due ? bj(s.due) : null, s.satisfaction ?? null, s.reason ?? null,
          s.department ? department : null])
      if (s.step === 'route') {
        await db.query(`INSERT INTO case_routes (case_id, department, lead, routed_at, sign_due_at, signed_at) VALUES ($1, $2, true, $3, $3, $3)`,
          [row!.id, department, bj(s.at)])
      }
    }
  }
  for (const m of MEDIATIONS) {
    await db.query(
      `INSERT INTO case_mediations (case_id, body_id, kind, mode, referred_at, sessions, outcome, ended_at, amount_yuan, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [ids[m.on], bodies[m.body], m.kind, m.mode, bj(m.referred), m.outcome ? 2 : 0, m.outcome, m.ended ? bj(m.ended) : null, m.amount,
        m.confirmed ? bj(m.confirmed) : null])
  }
})

const read = async <T>(path: string, parse: { parse(x: unknown): T }, who = as.dutyLeader): Promise<T> => {
  const { status, body } = await call(`${city.server.url}/api/v1${path}`, 'GET', undefined, who)
  expect(status, JSON.stringify(body)).toBe(200)
  return parse.parse(body)
}

const r = (part: number, whole: number) => (whole === 0 ? null : part / whole)
/** The measures a set of counts gives, rates worked out as the README defines them. */
function measures(c: Partial<Omit<Measures, 'closedRate' | 'resolvedRate' | 'onTimeRate' | 'gridLevelShare' | 'satisfaction'>>): Measures {
  const n = {
    received: 0, disputes: 0, closed: 0, resolved: 0, closedInPeriod: 0, onTime: 0, resolvedInPeriod: 0, resolvedAtGrid: 0, rated: 0, satisfied: 0,
    ranOver: 0, sendBacks: 0, reopened: 0, ...c,
  }
  return {
    ...n, closedRate: r(n.closed, n.received), resolvedRate: r(n.resolved, n.disputes), onTimeRate: r(n.onTime, n.closedInPeriod),
    gridLevelShare: r(n.resolvedAtGrid, n.resolvedInPeriod), satisfaction: r(n.satisfied, n.rated),
  }
}
function mediation(c: Partial<Omit<MediationMeasures, 'mediatedRate' | 'agreementRate'>>): MediationMeasures {
  const n = { referred: 0, concluded: 0, agreements: 0, confirmed: 0, amountYuan: 0, ...c }
  return { ...n, mediatedRate: r(n.concluded, n.referred), agreementRate: r(n.agreements, n.concluded) }
}

const MARCH_2030 = measures({
  received: 4, disputes: 3, closed: 2, resolved: 1, closedInPeriod: 3, onTime: 2, resolvedInPeriod: 2, resolvedAtGrid: 1, rated: 3, satisfied: 2,
  ranOver: 2, reopened: 1,
})
const MARCH_2029 = measures({ received: 1, disputes: 1, closed: 1, resolved: 1, closedInPeriod: 1, onTime: 1, resolvedInPeriod: 1, resolvedAtGrid: 1, rated: 1, satisfied: 1 })
const FEBRUARY_2030 = measures({ received: 1, disputes: 1, sendBacks: 1 })

describe('GET /api/v1/figures on a hand-made set of cases', () => {
  it('gives a month’s figures, the same month last year (同比) and the month before (环比), split by channel, kind, level, township and department', async () => {
    const f = await read('/figures?period=month&at=2030-03-15', Figures)
    expect(f.period.current).toEqual({ kind: 'month', from: '2030-03-01', to: '2030-03-31', label: '2030年3月' })
    expect(f.period.lastYear).toMatchObject({ from: '2029-03-01', to: '2029-03-31' })
    expect(f.period.previous).toMatchObject({ from: '2030-02-01', to: '2030-02-28' })
    expect(f.totals).toEqual({ current: MARCH_2030, lastYear: MARCH_2029, previous: FEBRUARY_2030 })
    expect(f.mediation).toEqual({
      current: mediation({ referred: 3, concluded: 1, agreements: 1, confirmed: 1, amountYuan: 5000 }),
      lastYear: mediation({ referred: 1, concluded: 1 }),
      previous: mediation({}),
    })
    const channel = (c: string) => f.byChannel.find((x) => x.channel === c)?.measures
    expect(channel('grid_worker')).toEqual(measures({
      received: 1, disputes: 1, closed: 1, resolved: 1, closedInPeriod: 2, onTime: 2, resolvedInPeriod: 2, resolvedAtGrid: 1, rated: 2, satisfied: 2, reopened: 1,
    }))
    expect(channel('police_110')).toEqual(measures({ received: 1, closed: 1, closedInPeriod: 1, rated: 1, ranOver: 1 }))
    expect(channel('hotline_12345')).toEqual(measures({ received: 1, disputes: 1, ranOver: 1 }))
    expect(channel('walk_in')).toBeUndefined()
    expect(f.byKind.find((k) => k.kind === 'fire')).toMatchObject({ category: 'hazard', measures: { received: 1 } })
    expect(f.byLevel.find((l) => l.level === 'township')?.measures).toMatchObject({ closedInPeriod: 1, reopened: 1 })
    const township = (code: string) => f.byArea.find((a) => a.code === code)?.measures
    expect(township(T1)).toMatchObject({ received: 2, closedInPeriod: 2, reopened: 1 })
    expect(township(T2)).toMatchObject({ received: 2, closedInPeriod: 1, ranOver: 1 })
    expect(f.byArea.filter((a) => a.measures.received === 0 && a.measures.closedInPeriod === 0).length).toBe(f.byArea.length - 2)
    expect(f.byDepartment).toEqual([{ department, measures: measures({ received: 1, disputes: 1, ranOver: 1 }) }])
    expect(f.mediationByBody.find((b) => b.bodyId === bodies.township)?.measures).toEqual(
      mediation({ referred: 2, concluded: 1, agreements: 1, confirmed: 1, amountYuan: 5000 }))
    expect(f.mediationByKind.find((k) => k.kind === 'administrative')?.measures).toEqual(mediation({ referred: 1 }))
    const [open] = await city.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE state <> 'closed' AND due_at < $1`, [clock.now()])
    expect(f.overdueNow).toBe(open!.n)
  })

  it('gives a quarter with the quarter last year and the quarter before', async () => {
    const f = await read('/figures?period=quarter&at=2030-02-01', Figures)
    expect(f.period.current).toMatchObject({ from: '2030-01-01', to: '2030-03-31', label: '2030年第一季度' })
    expect(f.period.previous).toMatchObject({ from: '2029-10-01', to: '2029-12-31' })
    expect(f.totals.current).toEqual(measures({
      received: 5, disputes: 4, closed: 3, resolved: 2, closedInPeriod: 3, onTime: 2, resolvedInPeriod: 2, resolvedAtGrid: 1, rated: 3, satisfied: 2,
      ranOver: 2, sendBacks: 1, reopened: 1,
    }))
    expect(f.totals.lastYear).toEqual(MARCH_2029)
    expect(f.totals.previous).toEqual(measures({ received: 1, disputes: 1 }))
  })

  it('gives a range of days, the same days last year and as many days just before', async () => {
    const f = await read('/figures?period=range&from=2030-02-20&to=2030-03-10', Figures)
    expect(f.period.previous).toMatchObject({ from: '2030-02-01', to: '2030-02-19' })
    expect(f.period.lastYear).toMatchObject({ from: '2029-02-20', to: '2029-03-10' })
    expect(f.totals.current).toEqual(measures({
      received: 3, disputes: 3, closed: 2, resolved: 2, closedInPeriod: 2, onTime: 2, resolvedInPeriod: 2, resolvedAtGrid: 1, rated: 2, satisfied: 2,
      sendBacks: 1, reopened: 1,
    }))
    expect(f.totals.lastYear).toEqual(measures({}))
    expect(f.totals.previous).toEqual(measures({}))
  })

  it('reads one township for its officer, and refuses another township or a bad period naming the field', async () => {
    const mine = await read('/figures?period=month&at=2030-03-15', Figures, as.townshipOfficer)
    expect(mine.area).toMatchObject({ code: T1, level: 'township' })
    expect(mine.totals.current).toMatchObject({ received: 2, closedInPeriod: 2, reopened: 1, ranOver: 1 })
    expect((await call(`${city.server.url}/api/v1/figures?area=${T2}`, 'GET', undefined, as.townshipOfficer)).status).toBe(403)
    for (const [query, field] of [['period=range&from=2030-03-01', 'to'], ['period=month&at=2030-02-30', 'at'], ['period=fortnight', 'period'],
      ['period=month&from=2030-01-01', 'from'], ['period=range&from=2030-03-02&to=2030-03-01', 'to']] as const) {
      const { status, body } = await call(`${city.server.url}/api/v1/figures?${query}`, 'GET', undefined, as.dutyLeader)
      expect(status, query).toBe(400)
      expect(JSON.stringify(body), query).toContain(field)
    }
    expect((await call(`${city.server.url}/api/v1/figures`, 'GET')).status).toBe(401)
  })
})

describe('GET /api/v1/rankings', () => {
  it('ranks the townships of a month by score, lists those with too few cases unranked, and ranks departments', async () => {
    // Five more closed cases in T2 in March, all on time and satisfied, so T2 has enough to be ranked.
    for (let i = 0; i < 5; i++) {
      await city.db.query(
        `INSERT INTO cases (code, category, kind, source, geom, grid_id, community_id, township_id, level, state, reported_at, closed_at, resolved, satisfaction)
         SELECT $1, 'dispute', 'family', 'grid_worker', ST_PointOnSurface(g.geom), g.id, g.community_id, com.parent_id, 'grid', 'closed', $2, $3, true, 'satisfied'
         FROM grids g JOIN regions com ON com.id = g.community_id WHERE g.code = $4 AND g.valid_to IS NULL`,
        [`FIG-2030-R${i}`, bj('2030-03-02 09:00'), bj('2030-03-04 09:00'), G2])
    }
    const k = await read('/rankings?unit=township&period=month&at=2030-03-15', Rankings)
    expect(k.period.label).toBe('2030年3月')
    const t2 = k.rows.find((x) => x.code === T2)!
    // T2 closed C (late, unresolved, unsatisfied) and the five: on time 5/6, at grid 5/5, satisfied 5/6, no send-back or reopening.
    expect(t2.measures).toMatchObject({ closedInPeriod: 6, onTime: 5, resolvedAtGrid: 5, satisfied: 5 })
    expect(t2.score).toBeCloseTo((30 * 5 / 6 + 20 * 1 + 30 * 5 / 6 + 10 + 10) / 100 * 100, 1)
    expect(t2.place).toBe(1)
    expect(k.rows.find((x) => x.code === T1)).toMatchObject({ score: null, place: null })
    expect(k.rows[0]!.code).toBe(T2)
    expect(k.rows.length).toBe((await city.db.query(`SELECT 1 FROM regions WHERE level = 'township'`)).length)
    const departments = await read('/rankings?unit=department&period=month&at=2030-03-15', Rankings)
    expect(departments.rows.find((x) => x.code === department)?.measures.received).toBe(1)
  })
})
