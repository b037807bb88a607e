import { beforeAll, describe, expect, it } from 'vitest'
import {
  Account, ApiErrorBody, CaseDetail, CaseSummary, DepartmentInfo, DeskNumbers, Inbox, IssuedKey, TimeLimitRow,
} from '../../contract'
import { manualClock } from '../../server/src/clock'
import { SEEDED_AT } from '../support/seededCity'
import { as, call } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

/**
 * Every level works the loop (issue 17), through the HTTP API with the demo accounts: the grid worker of
 * 231281001001001, the community officer of its community, the township officer of 新兴街道, the officers
 * of 新兴街道司法所 and of the city's 住建局, the seats and the duty leader. The platform's clock is this
 * file's own: a test moves it and runs the escalation the server's job would.
 */
const HOUR = 3_600_000
const DAY = 24 * HOUR
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
const city = servedCity({ clock })

const X = '231281001001001'
const NEXT_GRID = '231281001001002'
const COMMUNITY = '231281001001'
const TOWNSHIP = '231281001000'
const SIFASUO = '新兴街道司法所'
const PAICHUSUO = '新兴街道派出所'
const ZHUJIAN = '安达市住房和城乡建设局'

let inX: [number, number]
beforeAll(async () => {
  inX = await pointInGrid(city.db, X)
})

type Who = Record<string, string>
const url = (path: string) => city.server.url + path
const get = (path: string, who: Who) => call(url(path), 'GET', undefined, who)
const post = (path: string, body: unknown, who: Who) => call(url(path), 'POST', body, who)
const step = (id: number, body: Record<string, unknown>, who: Who) => post(`/api/v1/cases/${id}/steps`, body, who)
/** `hours` after an instant, as the API writes times. */
const plus = (from: string | Date, hours: number) => new Date(new Date(from).getTime() + hours * HOUR).toISOString()
const now = () => clock.now().toISOString()

/** A step that must succeed: the case as the response gives it. */
async function took(id: number, body: Record<string, unknown>, who: Who): Promise<CaseSummary> {
  const res = await step(id, body, who)
  expect(res.status, `${String(body.step)}: ${JSON.stringify(res.body)}`).toBe(200)
  return CaseSummary.parse(res.body)
}

/** A step the loop refuses: a 409 whose message names the state and what may follow. */
const illegal = (message: string) => ({ status: 409, body: { code: 'illegal_step', message } })

async function detail(id: number, who: Who = as.dutyLeader): Promise<CaseDetail> {
  const res = await get(`/api/v1/cases/${id}`, who)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return CaseDetail.parse(res.body)
}

async function inbox(who: Who): Promise<CaseSummary[]> {
  const res = await get('/api/v1/desk/inbox', who)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return Inbox.parse(res.body).cases
}

async function figures(who: Who, query = ''): Promise<DeskNumbers> {
  const res = await get(`/api/v1/desk/figures${query}`, who)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return DeskNumbers.parse(res.body)
}

/** A report in grid X: the grid worker's own, or one the hotline took (filed by the seat). */
async function report(source: 'grid_worker' | 'hotline_12345' = 'grid_worker'): Promise<CaseSummary> {
  const body = { category: 'dispute', kind: 'neighbour', source, location: inX, description: '孙八反映楼上住户深夜噪音扰民' }
  const res = await post('/api/v1/cases', body, source === 'grid_worker' ? as.gridWorker : as.operator)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return CaseSummary.parse(res.body)
}

/** The grid worker's report, reported up to the community, which has not signed for it yet. */
async function atCommunity(): Promise<CaseSummary> {
  const c = await report()
  await took(c.id, { step: 'verify' }, as.gridWorker)
  return took(c.id, { step: 'report_up', note: '邻里矛盾反复，需社区协调' }, as.gridWorker)
}

/** The same, reported on up to the township by the community, which signed for it first. */
async function atTownship(): Promise<CaseSummary> {
  const c = await atCommunity()
  await took(c.id, { step: 'sign_for' }, as.communityOfficer)
  return took(c.id, { step: 'report_up', note: '涉及违建，需街道协调' }, as.communityOfficer)
}

/** The platform's clock run as the server's job runs it, until nothing more is due (it moves 500 at most a run). */
async function escalateDue(): Promise<void> {
  for (let moved = 1; moved > 0;) moved = await city.server.cases.escalateOverdue(clock.now())
}

describe('a case escalated from grid to community', () => {
  it('arrives at the community unsigned; the community officer signs for it, handles it and closes it', async () => {
    const c = await report()
    // A grid worker's own report is the grid's already: signed for, its three days running.
    expect(c).toMatchObject({ level: 'grid', state: 'collected', signedAt: c.reportedAt, sender: null, dueAt: plus(c.reportedAt, 72) })
    expect(await step(c.id, { step: 'sign_for' }, as.communityOfficer)).toEqual(
      illegal('case is collected at grid level; cannot sign_for; next may be nothing'))

    clock.set(new Date(new Date(c.dueAt!).getTime() + 1000))
    await escalateDue()
    const arrived = await detail(c.id, as.communityOfficer)
    expect(arrived).toMatchObject({
      level: 'community', state: 'collected', escalations: 1, signedAt: null, sender: null, dueAt: plus(now(), 4), next: ['sign_for'],
    })
    expect(arrived.history.at(-1)).toMatchObject({
      step: 'supervise', actorRole: 'platform', level: 'community', note: '超时未办结，平台自动上提督办', dueAt: c.dueAt,
    })
    expect((await inbox(as.communityOfficer)).find((x) => x.id === c.id)).toMatchObject({ level: 'community', signedAt: null })
    expect((await inbox(as.gridWorker)).map((x) => x.id)).not.toContain(c.id)
    // The grid has no hand in it any more; the community must sign for it before anything else.
    expect(await step(c.id, { step: 'handle' }, as.gridWorker)).toEqual(
      illegal('case is collected at community level, waiting to be signed for; cannot handle; next may be nothing'))
    expect(await step(c.id, { step: 'verify' }, as.communityOfficer)).toEqual(
      illegal('case is collected at community level, waiting to be signed for; cannot verify; next may be sign_for'))

    clock.advance(HOUR)
    const signed = await took(c.id, { step: 'sign_for', note: '社区已签收' }, as.communityOfficer)
    expect(signed).toMatchObject({ level: 'community', state: 'collected', signedAt: now(), dueAt: plus(now(), 120), version: arrived.version + 1 })
    // Township and community officers name the post that goes (指派) as a duty leader does.
    expect((await post(`/api/v1/cases/${c.id}/assign`, { worker: `${X}-F1`, note: '请陪同入户' }, as.communityOfficer)).status).toBe(200)
    await took(c.id, { step: 'verify' }, as.communityOfficer)
    expect(await took(c.id, { step: 'handle', note: '社区调解员入户调解' }, as.communityOfficer)).toMatchObject({ state: 'handling', level: 'community' })
    await took(c.id, { step: 'feed_back', note: '双方达成谅解' }, as.communityOfficer)
    const closed = await took(c.id, { step: 'close', resolved: true, satisfaction: 'satisfied' }, as.communityOfficer)
    expect(closed).toMatchObject({ state: 'closed', level: 'community', resolved: true, satisfaction: 'satisfied', closedAt: now(), dueAt: null })

    const done = await detail(c.id, as.communityOfficer)
    expect(done.history.map((h) => [h.step, h.actorRole, h.level])).toEqual([
      ['collect', 'grid_worker', 'grid'], ['supervise', 'platform', 'community'], ['sign_for', 'community', 'community'],
      ['assign', 'community', 'community'], ['verify', 'community', 'community'], ['handle', 'community', 'community'],
      ['feed_back', 'community', 'community'], ['close', 'community', 'community'],
    ])
    // The sign-for keeps the clock it answered to: signed an hour into its four.
    expect(done.history.find((h) => h.step === 'sign_for')).toMatchObject({ note: '社区已签收', dueAt: arrived.dueAt })
    expect((await inbox(as.communityOfficer)).map((x) => x.id)).not.toContain(c.id)
  })
})

describe('a missed sign-for limit', () => {
  it('moves an unsigned hotline report from the grid to the community after two hours, and on to the township after four more', async () => {
    const c = await report('hotline_12345')
    // From the hotline the centre sent it: it waits for the grid to sign for it, within two hours.
    expect(c).toMatchObject({ level: 'grid', state: 'collected', signedAt: null, sender: 'city', dueAt: plus(c.reportedAt, 2) })
    expect((await detail(c.id, as.gridWorker)).next).toEqual(['sign_for', 'send_back'])
    expect((await inbox(as.gridWorker)).find((x) => x.id === c.id)).toMatchObject({ signedAt: null })

    clock.set(new Date(new Date(c.dueAt!).getTime() - 1000))
    await escalateDue()
    expect(await detail(c.id)).toMatchObject({ level: 'grid', escalations: 0, version: 1 })

    clock.advance(2000)
    await escalateDue()
    const moved = await detail(c.id, as.communityOfficer)
    expect(moved).toMatchObject({
      level: 'community', state: 'collected', signedAt: null, sender: null, escalations: 1, dueAt: plus(now(), 4), next: ['sign_for'],
    })
    expect(moved.history.map((h) => [h.step, h.actorRole, h.level])).toEqual([['collect', 'city', 'grid'], ['supervise', 'platform', 'community']])
    expect(moved.history.at(-1)).toMatchObject({ note: '超时未签收，平台自动上提督办', dueAt: c.dueAt })
    expect((await inbox(as.communityOfficer)).find((x) => x.id === c.id)).toMatchObject({ signedAt: null, level: 'community' })
    expect(await step(c.id, { step: 'sign_for' }, as.gridWorker)).toEqual(
      illegal('case is collected at community level, waiting to be signed for; cannot sign_for; next may be nothing'))

    clock.set(new Date(new Date(moved.dueAt!).getTime() + 1000))
    await escalateDue()
    expect(await detail(c.id, as.townshipOfficer)).toMatchObject({
      level: 'township', signedAt: null, escalations: 2, dueAt: plus(now(), 8), next: ['sign_for'],
    })
    expect((await inbox(as.townshipOfficer)).map((x) => x.id)).toContain(c.id)
    expect((await inbox(as.communityOfficer)).map((x) => x.id)).not.toContain(c.id)
  })
})

describe('吹哨报到: a township routes to a lead and an assisting department', () => {
  it('refuses a department it may not summon with a 400 naming lead or assisting, and changes nothing', async () => {
    const c = await atTownship()
    const signed = await took(c.id, { step: 'sign_for' }, as.townshipOfficer)
    const all = DepartmentInfo.array().parse((await get('/api/v1/departments', as.townshipOfficer)).body)
    const elsewhere = all.find((d) => d.level === 'township' && d.townshipCode !== TOWNSHIP)!
    const reason = `${elsewhere.name} is an office of township ${elsewhere.townshipCode}, not of the case's township ${TOWNSHIP}`
    expect(await step(c.id, { step: 'route', lead: elsewhere.name }, as.townshipOfficer)).toEqual({
      status: 400, body: { code: 'invalid_body', message: `lead: ${reason}`, issues: [{ field: 'lead', reason }] },
    })
    const { body } = await step(c.id, { step: 'route', lead: SIFASUO, assisting: [ZHUJIAN, '公安局'] }, as.townshipOfficer)
    expect(ApiErrorBody.parse(body).issues).toEqual([{ field: 'assisting.1', reason: '公安局 is not a department (GET /api/v1/departments lists them)' }])
    expect(await detail(c.id)).toMatchObject({ state: 'reported_up', version: signed.version, departments: [] })
  })

  it('each department reports on its own clock; the assisting one sends it back; the lead handles and feeds back; the township checks, rejects once, accepts and closes', async () => {
    const c = await atTownship()
    expect(await detail(c.id, as.townshipOfficer)).toMatchObject({ level: 'township', signedAt: null, sender: 'community', next: ['sign_for', 'send_back'] })
    await took(c.id, { step: 'sign_for' }, as.townshipOfficer)
    const routed = await took(c.id, { step: 'route', lead: SIFASUO, assisting: [ZHUJIAN], note: '涉及违建与邻里纠纷' }, as.townshipOfficer)
    expect(routed).toMatchObject({
      level: 'township', state: 'routed', department: SIFASUO, dueAt: plus(now(), 24), departments: [
        { name: SIFASUO, lead: true, signDueAt: plus(now(), 24), signedAt: null },
        { name: ZHUJIAN, lead: false, signDueAt: plus(now(), 24), signedAt: null },
      ],
    })
    for (const [who, name] of [[as.departmentOfficer, SIFASUO], [as.bureauOfficer, ZHUJIAN]] as const) {
      const desk = await inbox(who)
      expect(desk.map((x) => x.id), name).toContain(c.id)
      const due = desk.map((x) => new Date(x.dueAt!).getTime())
      expect(due, `${name}'s inbox, least time left first`).toEqual([...due].sort((a, b) => a - b))
      expect(await detail(c.id, who)).toMatchObject({ actingFor: name, next: ['sign_for', 'send_back'] })
    }

    // The assisting bureau: not its matter.
    clock.advance(HOUR)
    const back = await took(c.id, { step: 'send_back', reason: 'wrong_department', note: '不属于住建职责范围' }, as.bureauOfficer)
    expect(back).toMatchObject({ state: 'routed', sendBacks: 1, departments: [{ name: SIFASUO, lead: true, signedAt: null }] })
    expect((await detail(c.id)).history.at(-1)).toMatchObject({
      step: 'send_back', actorRole: 'department', department: ZHUJIAN, reason: 'wrong_department', note: '不属于住建职责范围',
    })
    expect((await inbox(as.bureauOfficer)).map((x) => x.id)).not.toContain(c.id)
    expect((await get(`/api/v1/cases/${c.id}`, as.bureauOfficer)).status).toBe(404)

    // The lead reports (报到), handles it and feeds the result back to the township.
    clock.advance(HOUR)
    const reported = await took(c.id, { step: 'sign_for', note: '司法所报到' }, as.departmentOfficer)
    expect(reported).toMatchObject({ state: 'routed', dueAt: plus(now(), 168), departments: [{ name: SIFASUO, lead: true, signedAt: now() }] })
    await took(c.id, { step: 'handle', note: '司法所组织双方调解' }, as.departmentOfficer)
    const fed = await took(c.id, { step: 'feed_back', note: '已达成调解协议' }, as.departmentOfficer)
    expect(fed).toMatchObject({ state: 'fed_back', level: 'township', dueAt: plus(now(), 8) })
    expect((await detail(c.id, as.townshipOfficer)).next).toEqual(['check'])
    expect(await step(c.id, { step: 'close', resolved: true, satisfaction: 'satisfied' }, as.townshipOfficer)).toEqual(
      illegal('case is fed_back at township level; cannot close; next may be check'))
    expect(await step(c.id, { step: 'check', accepted: true }, as.departmentOfficer)).toEqual(
      illegal('case is fed_back at township level; cannot check; next may be nothing'))

    // A check that rejects gives it back to the lead, with a week to handle it.
    const rejected = await took(c.id, { step: 'check', accepted: false, note: '协议未经双方签字，请补充' }, as.townshipOfficer)
    expect(rejected).toMatchObject({ state: 'routed', dueAt: plus(now(), 168), departments: [{ name: SIFASUO, lead: true }] })
    expect((await detail(c.id, as.departmentOfficer)).next).toEqual(['handle', 'send_back', 'feed_back'])
    expect((await inbox(as.departmentOfficer)).map((x) => x.id)).toContain(c.id)
    await took(c.id, { step: 'handle', note: '补签调解协议' }, as.departmentOfficer)
    await took(c.id, { step: 'feed_back', note: '协议已签字' }, as.departmentOfficer)

    const accepted = await took(c.id, { step: 'check', accepted: true }, as.townshipOfficer)
    expect(accepted).toMatchObject({ state: 'checked', departments: [] })
    expect((await inbox(as.departmentOfficer)).map((x) => x.id)).not.toContain(c.id)
    expect((await detail(c.id, as.townshipOfficer)).next).toEqual(['answer', 'close'])
    // The seat tells the reporter; the township closes it.
    await took(c.id, { step: 'answer', channel: 'phone', note: '已电话告知调解结果' }, as.operator)
    const closed = await took(c.id, { step: 'close', resolved: true, satisfaction: 'satisfied' }, as.townshipOfficer)
    expect(closed).toMatchObject({ state: 'closed', level: 'township', sendBacks: 1 })

    const done = await detail(c.id, as.townshipOfficer)
    const from = done.history.findIndex((h) => h.step === 'route')
    expect(done.history.slice(from).map((h) => [h.step, h.actorRole, h.department])).toEqual([
      ['route', 'township', SIFASUO], ['send_back', 'department', ZHUJIAN], ['sign_for', 'department', SIFASUO],
      ['handle', 'department', SIFASUO], ['feed_back', 'department', SIFASUO], ['check', 'township', null],
      ['handle', 'department', SIFASUO], ['feed_back', 'department', SIFASUO], ['check', 'township', null],
      ['answer', 'city', null], ['close', 'township', null],
    ])
    expect(done.history[from]).toMatchObject({ assisting: [ZHUJIAN] })
    expect(done.history.filter((h) => h.step === 'check').map((h) => h.accepted)).toEqual([false, true])
    expect(done.history.find((h) => h.step === 'answer')).toMatchObject({ channel: 'phone', note: '已电话告知调解结果' })
    // The lead's 报到 answered to its own clock, a day from the routing.
    expect(done.history.find((h) => h.step === 'sign_for' && h.department === SIFASUO)?.dueAt).toBe(routed.departments[0]!.signDueAt)
  })

  it('gives the whole routing back to the township when the lead sends it back, to route again', async () => {
    const c = await atTownship()
    await took(c.id, { step: 'sign_for' }, as.townshipOfficer)
    await took(c.id, { step: 'route', lead: SIFASUO, assisting: [PAICHUSUO] }, as.townshipOfficer)
    const back = await took(c.id, { step: 'send_back', reason: 'wrong_department', note: '属于住建部门职责' }, as.departmentOfficer)
    expect(back).toMatchObject({ state: 'returned', level: 'township', departments: [], sendBacks: 1, dueAt: plus(now(), 8) })
    expect((await detail(c.id, as.townshipOfficer)).next).toEqual(['handle', 'dispatch', 'route', 'close'])
    const again = await took(c.id, { step: 'route', lead: ZHUJIAN }, as.townshipOfficer)
    expect(again).toMatchObject({ state: 'routed', department: ZHUJIAN, departments: [{ name: ZHUJIAN, lead: true, signedAt: null }] })
    expect((await inbox(as.bureauOfficer)).map((x) => x.id)).toContain(c.id)
  })
})

describe('send-back to the sender', () => {
  it('returns a hotline report the grid says is not its own to the centre, which dispatches it to the right grid, unsigned again', async () => {
    const c = await report('hotline_12345')
    const back = await took(c.id, { step: 'send_back', reason: 'wrong_grid', note: '地址在相邻网格' }, as.gridWorker)
    expect(back).toMatchObject({ level: 'city', state: 'returned', sender: null, sendBacks: 1, signedAt: now(), dueAt: plus(now(), 24) })
    expect((await detail(c.id)).history.at(-1)).toMatchObject({ step: 'send_back', actorRole: 'grid_worker', level: 'city', reason: 'wrong_grid' })
    const sent = await took(c.id, { step: 'dispatch', grid: NEXT_GRID, note: '改派相邻网格' }, as.dutyLeader)
    expect(sent).toMatchObject({ level: 'grid', state: 'collected', gridCode: NEXT_GRID, signedAt: null, sender: 'city', dueAt: plus(now(), 2) })
    expect((await detail(c.id)).history.at(-1)).toMatchObject({ step: 'dispatch', toGrid: NEXT_GRID })
    // It left grid X: its worker no longer reaches it.
    expect((await get(`/api/v1/cases/${c.id}`, as.gridWorker)).status).toBe(404)
  })
})

describe('a follow-up visit', () => {
  it('reopens a case the reporter is unsatisfied with at the level that closed it, waiting to be signed for', async () => {
    const c = await atCommunity()
    await took(c.id, { step: 'sign_for' }, as.communityOfficer)
    await took(c.id, { step: 'handle', note: '协调物业维修' }, as.communityOfficer)
    await took(c.id, { step: 'feed_back' }, as.communityOfficer)
    await took(c.id, { step: 'close', resolved: true, satisfaction: 'not_visited' }, as.communityOfficer)
    expect((await detail(c.id, as.operator)).next).toEqual(['follow_up'])

    clock.advance(3 * DAY)
    const reopened = await took(c.id, { step: 'follow_up', satisfaction: 'unsatisfied', note: '回访：噪音仍未解决' }, as.operator)
    expect(reopened).toMatchObject({
      state: 'reopened', level: 'community', signedAt: null, sender: null, closedAt: null, resolved: null, satisfaction: null,
      followedUpAt: null, reopened: 1, dueAt: plus(now(), 4),
    })
    expect((await detail(c.id)).history.at(-1)).toMatchObject({ step: 'follow_up', actorRole: 'city', level: 'community', satisfaction: 'unsatisfied' })
    expect((await inbox(as.communityOfficer)).find((x) => x.id === c.id)).toMatchObject({ state: 'reopened', signedAt: null })
    expect((await detail(c.id, as.communityOfficer)).next).toEqual(['sign_for'])
    expect((await detail(c.id, as.gridWorker)).next).toEqual([])
    await took(c.id, { step: 'sign_for' }, as.communityOfficer)
    expect(await took(c.id, { step: 'handle', note: '再次入户协调' }, as.communityOfficer)).toMatchObject({ state: 'handling', level: 'community' })
  })

  it('records a satisfied reporter once, within fifteen days of closing and not after', async () => {
    const closedAtGrid = async () => {
      const c = await report()
      for (const s of [{ step: 'verify' }, { step: 'handle' }, { step: 'feed_back' }, { step: 'close', resolved: true, satisfaction: 'not_visited' }]) {
        await took(c.id, s, as.gridWorker)
      }
      return c
    }
    const [early, late] = [await closedAtGrid(), await closedAtGrid()]
    clock.advance(15 * DAY)
    const visited = await took(early.id, { step: 'follow_up', satisfaction: 'satisfied', note: '回访满意' }, as.operator)
    expect(visited).toMatchObject({ state: 'closed', satisfaction: 'satisfied', followedUpAt: now(), reopened: 0 })
    expect(await step(early.id, { step: 'follow_up', satisfaction: 'unsatisfied' }, as.operator)).toEqual(
      illegal('case is closed at grid level; cannot follow_up; next may be nothing'))
    clock.advance(1000)
    expect(await step(late.id, { step: 'follow_up', satisfaction: 'satisfied' }, as.operator)).toEqual(
      illegal('case is closed at grid level; cannot follow_up; next may be nothing'))
    expect(await detail(late.id)).toMatchObject({ followedUpAt: null, satisfaction: 'not_visited' })
  })
})

describe('what may not be done', () => {
  it('answers a step the state does not allow with a 409 naming the state and the steps that may follow, and writes nothing', async () => {
    const c = await report('hotline_12345')
    expect(await step(c.id, { step: 'verify' }, as.gridWorker)).toEqual(
      illegal('case is collected at grid level, waiting to be signed for; cannot verify; next may be sign_for, send_back'))
    expect(await step(c.id, { step: 'route', lead: SIFASUO }, as.gridWorker)).toEqual(
      illegal('case is collected at grid level, waiting to be signed for; cannot route; next may be sign_for, send_back'))
    await took(c.id, { step: 'sign_for' }, as.gridWorker)
    expect(await step(c.id, { step: 'sign_for' }, as.gridWorker)).toEqual(illegal('case is collected at grid level; cannot sign_for; next may be verify, send_back'))
    expect(await step(c.id, { step: 'answer', channel: 'sms', note: '已受理' }, as.gridWorker)).toEqual(
      illegal('case is collected at grid level; cannot answer; next may be verify, send_back'))
    expect(await detail(c.id)).toMatchObject({ version: 2, state: 'collected' })
  })

  it('lets one of two officers acting on the same version succeed, and tells the other it went stale with the case as it is now', async () => {
    const c = await atCommunity()
    await took(c.id, { step: 'sign_for' }, as.communityOfficer)
    const up = await took(c.id, { step: 'report_up' }, as.communityOfficer)
    const tries = await Promise.all([as.townshipOfficer, as.dutyLeader].map((who) => step(c.id, { step: 'sign_for', expectedVersion: up.version }, who)))
    expect(tries.map((t) => t.status).sort()).toEqual([200, 409])
    const lost = tries.find((t) => t.status === 409)!
    expect(lost.body).toMatchObject({
      code: 'stale_case', message: `case ${c.id} is at version ${up.version + 1}, not version ${up.version}: it changed since it was read`,
      current: { id: c.id, version: up.version + 1, level: 'township', signedAt: now() },
    })
    const signs = (await detail(c.id)).history.filter((h) => h.step === 'sign_for' && h.level === 'township')
    expect(signs).toHaveLength(1)
  })
})

describe('the desks', () => {
  it("lists a township's own cases at its level, the least time left first", async () => {
    const unsigned = await atTownship()
    const signed = await atTownship()
    await took(signed.id, { step: 'sign_for' }, as.townshipOfficer)
    const stillAtCommunity = await atCommunity()
    const desk = await inbox(as.townshipOfficer)
    const ids = desk.map((x) => x.id)
    expect(ids).toEqual(expect.arrayContaining([unsigned.id, signed.id]))
    expect(ids).not.toContain(stillAtCommunity.id)
    // Eight hours to sign for one comes before a week to handle the other.
    expect(ids.indexOf(unsigned.id)).toBeLessThan(ids.indexOf(signed.id))
    expect(desk.every((x) => x.level === 'township' && x.townshipCode === TOWNSHIP && x.state !== 'closed')).toBe(true)
    const due = desk.map((x) => new Date(x.dueAt!).getTime())
    expect(due).toEqual([...due].sort((a, b) => a - b))
    expect((await inbox(as.communityOfficer)).map((x) => x.id)).toContain(stillAtCommunity.id)
  })

  it("counts an area's sign-fors on time, results, send-backs and reopened cases, beside its parent's", async () => {
    const [{ name: communityName }] = await city.db.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [COMMUNITY]) as [{ name: string }]
    const [{ code: elsewhere }] = await city.db.query<{ code: string }>(
      `SELECT code FROM grids WHERE valid_to IS NULL AND starts_with(code, '231281001') AND NOT starts_with(code, $1) ORDER BY code LIMIT 1`, [COMMUNITY],
    ) as [{ code: string }]
    // A day's figures two days on: only what this test does is in them.
    clock.advance(2 * DAY)
    const counted = (f: DeskNumbers['own']) => ({
      signed: f.signed, signedOnTime: f.signedOnTime, handled: f.handled, handledOnTime: f.handledOnTime, sentBack: f.sentBack, reopened: f.reopened,
    })
    const none = { signed: 0, signedOnTime: 0, handled: 0, handledOnTime: 0, sentBack: 0, reopened: 0 }
    const before = await figures(as.communityOfficer, '?days=1')
    expect(before).toMatchObject({ days: 1, own: { name: communityName, signedOnTimeRate: null }, parent: { name: '新兴街道' } })
    expect([counted(before.own), counted(before.parent!)]).toEqual([none, none])

    const onTime = await atCommunity()
    const late = await atCommunity()
    const returned = await atCommunity()
    const closedAtGrid = await report()
    expect((await figures(as.communityOfficer, '?days=1')).own.waitingToSign).toBe(before.own.waitingToSign + 3)
    clock.advance(HOUR)
    await took(onTime.id, { step: 'sign_for' }, as.communityOfficer)
    await took(returned.id, { step: 'send_back', reason: 'not_governance', note: '属于民事合同纠纷，建议诉讼' }, as.communityOfficer)
    for (const s of [{ step: 'verify' }, { step: 'handle' }, { step: 'feed_back' }, { step: 'close', resolved: true, satisfaction: 'not_visited' }]) {
      await took(closedAtGrid.id, s, as.gridWorker)
    }
    await took(closedAtGrid.id, { step: 'follow_up', satisfaction: 'unsatisfied' }, as.operator)
    // In another community of the township: the township's figures count it, the community's do not.
    const next = await post('/api/v1/cases', {
      category: 'dispute', kind: 'neighbour', source: 'hotline_12345', location: await pointInGrid(city.db, elsewhere), description: '噪音',
    }, as.operator)
    await took(CaseSummary.parse(next.body).id, { step: 'sign_for' }, as.dutyLeader)
    clock.advance(4 * HOUR) // past the community's four hours to sign for, before the platform's clock has moved it
    await took(late.id, { step: 'sign_for' }, as.communityOfficer)

    const after = await figures(as.communityOfficer, '?days=1')
    const mine = { signed: 2, signedOnTime: 1, handled: 1, handledOnTime: 1, sentBack: 1, reopened: 1 }
    expect(counted(after.own)).toEqual(mine)
    expect(after.own).toMatchObject({ signedOnTimeRate: 0.5, handledOnTimeRate: 1 })
    expect(counted(after.parent!)).toEqual({ ...mine, signed: 3, signedOnTime: 2 })
    // Three arrived unsigned and were signed for or sent back; the reopened one waits at the grid to be signed for again.
    expect(after.own.waitingToSign).toBe(before.own.waitingToSign + 1)
    expect(after.parent!.waitingToSign).toBeGreaterThanOrEqual(after.own.waitingToSign)

    // A township officer may ask for a community of theirs; a community officer not for another.
    expect((await figures(as.townshipOfficer, `?area=${COMMUNITY}&days=1`)).own).toEqual(after.own)
    expect((await get(`/api/v1/desk/figures?area=${elsewhere.slice(0, 12)}`, as.communityOfficer)).status).toBe(403)
  })

  it("counts a department's reports (报到) apart from every department's", async () => {
    const c = await atTownship()
    await took(c.id, { step: 'sign_for' }, as.townshipOfficer)
    const before = await figures(as.departmentOfficer)
    expect(before).toMatchObject({ own: { name: SIFASUO }, parent: { name: '全部职能部门' } })
    await took(c.id, { step: 'route', lead: SIFASUO, assisting: [PAICHUSUO] }, as.townshipOfficer)
    const routed = await figures(as.departmentOfficer)
    expect(routed.own.waitingToSign).toBe(before.own.waitingToSign + 1)
    expect(routed.parent!.waitingToSign).toBe(before.parent!.waitingToSign + 2)
    await took(c.id, { step: 'sign_for' }, as.departmentOfficer)
    // 派出所 has no account here: the duty leader sends it back for it, naming it.
    await took(c.id, { step: 'send_back', department: PAICHUSUO, reason: 'wrong_department', note: '无治安因素' }, as.dutyLeader)
    const after = await figures(as.departmentOfficer)
    expect(after.own).toMatchObject({
      signed: before.own.signed + 1, signedOnTime: before.own.signedOnTime + 1, sentBack: before.own.sentBack, waitingToSign: before.own.waitingToSign,
    })
    expect(after.parent).toMatchObject({
      signed: before.parent!.signed + 1, sentBack: before.parent!.sentBack + 1, waitingToSign: before.parent!.waitingToSign,
    })
  })
})

describe('departments as data', () => {
  const NEW = '新兴街道城管中队'
  it('are listed to every reader with their level and township', async () => {
    const all = DepartmentInfo.array().parse((await get('/api/v1/departments', as.gridWorker)).body)
    expect(all).toEqual(expect.arrayContaining([
      { name: SIFASUO, level: 'township', townshipCode: TOWNSHIP, enabled: true },
      { name: PAICHUSUO, level: 'township', townshipCode: TOWNSHIP, enabled: true },
      { name: ZHUJIAN, level: 'city', townshipCode: null, enabled: true },
    ]))
    expect(all.filter((d) => d.level === 'city')).toHaveLength(12)
    const [{ n }] = await city.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM regions WHERE level = 'township'`) as [{ n: number }]
    expect(all.filter((d) => d.level === 'township')).toHaveLength(2 * n)
  })

  it('are added and disabled by admins only; an account of one needs one that exists; a disabled one is routed nothing new', async () => {
    const body = { name: NEW, level: 'township', townshipCode: TOWNSHIP }
    for (const who of [as.dutyLeader, as.townshipOfficer, as.departmentOfficer]) {
      expect((await post('/api/v1/departments', body, who)).status).toBe(403)
      expect((await call(url(`/api/v1/departments/${encodeURIComponent(SIFASUO)}`), 'PATCH', { enabled: false }, who)).status).toBe(403)
    }
    expect(await post('/api/v1/departments', body, as.dutyLeader)).toEqual({
      status: 403, body: { code: 'forbidden', message: 'a duty_leader may not do this; it takes admin' },
    })
    expect(ApiErrorBody.parse((await post('/api/v1/departments', { name: NEW, level: 'township' }, as.admin)).body).issues).toEqual([
      { field: 'townshipCode', reason: 'is required for a township office' },
    ])
    expect(await post('/api/v1/departments', body, as.admin)).toEqual({ status: 201, body: { ...body, enabled: true } })
    expect((await post('/api/v1/departments', body, as.admin)).status).toBe(409)
    expect((await get('/api/v1/departments', as.townshipOfficer)).body).toContainEqual({ ...body, enabled: true })

    const account = { login: 'chengguan', displayName: '城管中队', role: 'department_officer', password: 'long-enough-1' }
    const nowhere = await post('/api/v1/accounts', { ...account, scope: { department: '新兴街道不存在所' } }, as.admin)
    expect(nowhere).toEqual({
      status: 400, body: {
        code: 'invalid_body', message: 'scope.department: 新兴街道不存在所 is not a department (GET /api/v1/departments lists them)',
        issues: [{ field: 'scope.department', reason: '新兴街道不存在所 is not a department (GET /api/v1/departments lists them)' }],
      },
    })
    const made = await post('/api/v1/accounts', { ...account, scope: { department: NEW } }, as.admin)
    expect(made.status).toBe(201)
    expect(Account.parse(made.body).scope).toEqual({ department: NEW })
    const { key } = IssuedKey.parse((await post('/api/v1/accounts/chengguan/keys', { label: 'test' }, as.admin)).body)
    const chengguan = { authorization: `Bearer ${key}` }

    const c = await atTownship()
    await took(c.id, { step: 'sign_for' }, as.townshipOfficer)
    await took(c.id, { step: 'route', lead: NEW }, as.townshipOfficer)
    expect((await inbox(chengguan)).map((x) => x.id)).toEqual([c.id])

    const off = await call(url(`/api/v1/departments/${encodeURIComponent(NEW)}`), 'PATCH', { enabled: false }, as.admin)
    expect(off).toEqual({ status: 200, body: { ...body, enabled: false } })
    expect((await call(url(`/api/v1/departments/${encodeURIComponent('新兴街道无此所')}`), 'PATCH', { enabled: false }, as.admin)).status).toBe(404)
    const other = await atTownship()
    await took(other.id, { step: 'sign_for' }, as.townshipOfficer)
    expect(await step(other.id, { step: 'route', lead: NEW }, as.townshipOfficer)).toEqual({
      status: 400, body: { code: 'invalid_body', message: `lead: ${NEW} is disabled`, issues: [{ field: 'lead', reason: `${NEW} is disabled` }] },
    })
    // What it holds stays its own.
    expect((await inbox(chengguan)).map((x) => x.id)).toEqual([c.id])
    expect(await took(c.id, { step: 'sign_for' }, chengguan)).toMatchObject({ departments: [{ name: NEW, signedAt: now() }] })
  })
})

describe('time limits', () => {
  it('are read by anyone, replaced by admins only, and a new sign-for limit holds for the next case that arrives', async () => {
    const res = await get('/api/v1/time-limits', as.communityOfficer)
    expect(res.status).toBe(200)
    const rows = TimeLimitRow.array().parse(res.body)
    expect(rows).toEqual(expect.arrayContaining([
      { holder: 'grid', kind: null, signHours: 2, handleHours: 72 },
      { holder: 'department', kind: null, signHours: 24, handleHours: 168 },
      { holder: 'township', kind: 'fire', signHours: 1, handleHours: 48 },
    ]))
    const longer = rows.map((r) => (r.holder === 'grid' && r.kind === null ? { ...r, signHours: 3 } : r))
    for (const who of [as.dutyLeader, as.townshipOfficer, as.operator]) expect((await call(url('/api/v1/time-limits'), 'PUT', longer, who)).status).toBe(403)
    const partial = await call(url('/api/v1/time-limits'), 'PUT', longer.filter((r) => r.holder !== 'department'), as.admin)
    expect(partial.status).toBe(400)
    expect(ApiErrorBody.parse(partial.body).issues?.map((i) => i.reason)).toEqual(['needs a row for department with kind null'])

    const before = await report('hotline_12345')
    const put = await call(url('/api/v1/time-limits'), 'PUT', longer, as.admin)
    expect(put.status).toBe(200)
    expect(TimeLimitRow.array().parse(put.body)).toContainEqual({ holder: 'grid', kind: null, signHours: 3, handleHours: 72 })
    try {
      const next = await report('hotline_12345')
      expect(next.dueAt).toBe(plus(next.reportedAt, 3))
      expect((await detail(before.id)).dueAt).toBe(plus(before.reportedAt, 2))
    } finally {
      expect((await call(url('/api/v1/time-limits'), 'PUT', rows, as.admin)).status).toBe(200)
    }
    expect((await report('hotline_12345')).dueAt).toBe(plus(now(), 2))
  })
})
