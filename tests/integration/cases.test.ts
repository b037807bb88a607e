import { beforeAll, describe, expect, it } from 'vitest'
import { ApiErrorBody, CaseDetail, CaseParties, CaseSummary } from '../../contract'
import { manualClock } from '../../server/src/clock'
import { SEEDED_AT } from '../support/seededCity'
import { as, call } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

const HOUR = 3_600_000
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
const city = servedCity({ clock })
let inGrid: [number, number]
beforeAll(async () => {
  inGrid = await pointInGrid(city.db, '231281001001001')
})

const report = (extra: Record<string, unknown> = {}) => ({
  category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: inGrid,
  description: '张三与李四因楼上漏水发生纠纷', parties: [{ role: 'applicant', name: '张三', phone: '13900001111' }], ...extra,
})
const post = (path: string, body: unknown, who: Record<string, string> = as.gridWorker) => call(city.server.url + path, 'POST', body, who)
const step = async (id: number, body: Record<string, unknown>, who: Record<string, string> = as.dutyLeader) => post(`/api/v1/cases/${id}/steps`, body, who)

describe('POST /api/v1/cases', () => {
  it('files a report in the grid its point lies in, at the grid level, due in three days', async () => {
    const { status, body } = await post('/api/v1/cases', report())
    expect(status).toBe(201)
    const c = CaseSummary.parse(body)
    expect(c).toMatchObject({ gridCode: '231281001001001', townshipCode: '231281001000', level: 'grid', state: 'collected' })
    expect(new Date(c.dueAt!).getTime() - new Date(c.reportedAt).getTime()).toBe(72 * HOUR)
    expect(c.code).toMatch(/^AD\d{8}\d{6}$/)
    const detail = CaseDetail.parse((await call(`${city.server.url}/api/v1/cases/${c.id}`, 'GET', undefined, as.dutyLeader)).body)
    expect(detail.history.map((h) => [h.step, h.actorRole])).toEqual([['collect', 'grid_worker']])
    expect(JSON.stringify(detail)).not.toContain('13900001111')
    // Filed in one statement that builds the summary from the place in hand: the same as the stored case read back.
    expect(detail).toMatchObject(c)
    const [stored] = await city.db.query<{ summary: CaseSummary }>('SELECT case_json(c) AS summary FROM cases c WHERE id = $1', [c.id])
    expect(c).toEqual(stored!.summary)
  })

  it('rejects a point outside the city with a 400 naming location, and writes nothing', async () => {
    const before = await city.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')
    const { status, body } = await post('/api/v1/cases', report({ location: [120, 40] }))
    expect(status).toBe(400)
    expect(ApiErrorBody.parse(body).issues).toEqual([{ field: 'location', reason: 'is outside the city: no grid covers it' }])
    expect(await city.db.query('SELECT count(*)::int AS n FROM cases')).toEqual(before)
  })

  it('names each bad field: a hazard kind on a dispute, a latitude out of range, an unknown field', async () => {
    const { status, body } = await post('/api/v1/cases', report({ kind: 'fire', location: [125.3, 95], colour: 'red' }))
    expect(status).toBe(400)
    expect(ApiErrorBody.parse(body).issues).toEqual(expect.arrayContaining([
      { field: 'location.1', reason: 'latitude must be within -90..90' },
      { field: 'colour', reason: 'is not a known parameter' },
    ]))
    const kind = await post('/api/v1/cases', report({ kind: 'fire' }))
    expect(ApiErrorBody.parse(kind.body).issues).toEqual([
      { field: 'kind', reason: 'must be one of family, neighbour, labour, property_mgmt, land, traffic, financial, petition for a dispute' },
    ])
  })

  it('lets a grid worker report in their own grid only', async () => {
    const elsewhere = await pointInGrid(city.db, '231281001001002')
    const { status, body } = await post('/api/v1/cases', report({ location: elsewhere }))
    expect(status).toBe(403)
    expect(ApiErrorBody.parse(body).message).toBe("grid 231281001001002, where the location lies, is outside this account's scope")
    expect((await post('/api/v1/cases', report({ location: elsewhere }), as.dutyLeader)).status).toBe(201)
  })

  it('needs a token (401) of a role that may report (403)', async () => {
    expect((await post('/api/v1/cases', report(), {})).status).toBe(401)
    expect((await post('/api/v1/cases', report(), { authorization: 'Bearer nobody' })).status).toBe(401)
    const wall = await post('/api/v1/cases', report(), as.wall)
    expect(wall.status).toBe(403)
    expect(ApiErrorBody.parse(wall.body).code).toBe('forbidden')
  })
})

describe('POST /api/v1/cases/:id/steps', () => {
  it('takes a case round the whole loop to close, recording every step', async () => {
    const c = CaseSummary.parse((await post('/api/v1/cases', report())).body)
    // Each level signs for it as it arrives; the department it is routed to reports (报到), the duty leader acting for it.
    const office = { department: '新兴街道司法所' }
    for (const [s, extra, who] of [
      ['verify', {}, as.gridWorker], ['handle', {}, as.gridWorker], ['report_up', {}, as.gridWorker],
      ['sign_for', {}, as.dutyLeader], ['report_up', {}, as.dutyLeader], ['sign_for', {}, as.dutyLeader],
      ['route', { lead: '新兴街道司法所' }, as.dutyLeader], ['sign_for', office, as.dutyLeader], ['handle', office, as.dutyLeader],
      ['feed_back', office, as.dutyLeader], ['check', { accepted: true }, as.dutyLeader], ['answer', { channel: 'phone', note: '已电话告知' }, as.dutyLeader],
      ['close', { resolved: true, satisfaction: 'satisfied' }, as.dutyLeader],
    ] as const) {
      const res = await step(c.id, { step: s, ...extra }, who)
      expect(res.status, `${s}: ${JSON.stringify(res.body)}`).toBe(200)
    }
    const detail = CaseDetail.parse((await call(`${city.server.url}/api/v1/cases/${c.id}`, 'GET', undefined, as.dutyLeader)).body)
    expect(detail).toMatchObject({ state: 'closed', level: 'township', resolved: true, satisfaction: 'satisfied', dueAt: null })
    expect(detail.history.map((h) => h.step)).toEqual([
      'collect', 'verify', 'handle', 'report_up', 'sign_for', 'report_up', 'sign_for', 'route', 'sign_for', 'handle', 'feed_back', 'check', 'answer', 'close',
    ])
    expect(detail.history.find((h) => h.step === 'route')?.department).toBe('新兴街道司法所')
    expect(detail.history.filter((h) => h.department === '新兴街道司法所').map((h) => [h.step, h.actorRole])).toEqual([
      ['route', 'duty_leader'], ['sign_for', 'department'], ['handle', 'department'], ['feed_back', 'department'],
    ])
  })

  it('answers an illegal step with a 409 naming the state and the allowed next steps', async () => {
    const c = CaseSummary.parse((await post('/api/v1/cases', report())).body)
    const { status, body } = await step(c.id, { step: 'close', resolved: true, satisfaction: 'satisfied' })
    expect(status).toBe(409)
    expect(ApiErrorBody.parse(body)).toEqual({
      code: 'illegal_step', message: 'case is collected at grid level; cannot close; next may be verify, supervise',
    })
  })

  it('does not let a grid worker act once the case has left the grid', async () => {
    const c = CaseSummary.parse((await post('/api/v1/cases', report())).body)
    await step(c.id, { step: 'verify' }, as.gridWorker)
    await step(c.id, { step: 'report_up' }, as.gridWorker)
    const { status, body } = await step(c.id, { step: 'handle' }, as.gridWorker)
    expect(status).toBe(409)
    expect(ApiErrorBody.parse(body).message).toBe('case is reported_up at community level, waiting to be signed for; cannot handle; next may be nothing')
  })

  it('does not let a grid worker act on a case in another grid: outside their scope it is not found', async () => {
    const c = CaseSummary.parse((await post('/api/v1/cases', report({ location: await pointInGrid(city.db, '231281001001002') }), as.dutyLeader)).body)
    const { status, body } = await step(c.id, { step: 'verify' }, as.gridWorker)
    expect(status).toBe(404)
    expect(ApiErrorBody.parse(body).message).toBe(`no case with id ${c.id} in this account's scope`)
  })

  it('answers an unknown case with a 404 naming it, and a bad id with a 400', async () => {
    const missing = await step(99_999_999, { step: 'verify' })
    expect(missing.status).toBe(404)
    expect(ApiErrorBody.parse(missing.body).message).toBe("no case with id 99999999 in this account's scope")
    const bad = await step(0, { step: 'verify' })
    expect(ApiErrorBody.parse(bad.body).issues).toEqual([{ field: 'id', reason: 'must be a positive whole number' }])
  })

  it('requires a department to route and an outcome to close', async () => {
    const c = CaseSummary.parse((await post('/api/v1/cases', report())).body)
    const { body } = await step(c.id, { step: 'close' })
    expect(ApiErrorBody.parse(body).issues?.map((i) => i.field)).toEqual(['resolved', 'satisfaction'])
    const route = await step(c.id, { step: 'route', department: '新兴街道司法所' })
    expect(ApiErrorBody.parse(route.body).issues).toEqual([{ field: 'lead', reason: 'is required to route a case' }])
  })
})

describe('the escalation clock', () => {
  it('moves a case the grid lets lapse to the community, and when that lapses to the township, once each', async () => {
    const c = CaseSummary.parse((await post('/api/v1/cases', report())).body)
    clock.set(new Date(new Date(c.dueAt!).getTime() + 1000))
    // Every open case past due below the city moves up once: this one, and those the seed left lapsing.
    const [lapsed] = await city.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE state <> 'closed' AND level <> 'city' AND due_at <= $1`, [clock.now()])
    expect(lapsed!.n).toBeGreaterThan(1)
    expect(await city.server.cases.escalateOverdue(clock.now())).toBe(lapsed!.n)
    expect(await city.server.cases.escalateOverdue(clock.now())).toBe(0)
    let detail = CaseDetail.parse((await call(`${city.server.url}/api/v1/cases/${c.id}`, 'GET', undefined, as.dutyLeader)).body)
    expect(detail).toMatchObject({ level: 'community', escalations: 1 })

    clock.set(new Date(new Date(detail.dueAt!).getTime() + 1000))
    await city.server.cases.escalateOverdue(clock.now())
    detail = CaseDetail.parse((await call(`${city.server.url}/api/v1/cases/${c.id}`, 'GET', undefined, as.dutyLeader)).body)
    expect(detail).toMatchObject({ level: 'township', escalations: 2, state: 'collected' })
    expect(detail.history.filter((h) => h.step === 'supervise').map((h) => [h.actorRole, h.level])).toEqual([
      ['platform', 'community'], ['platform', 'township'],
    ])
  })

  it('never moves a closed case, however late', async () => {
    const c = CaseSummary.parse((await post('/api/v1/cases', report())).body)
    await step(c.id, { step: 'verify' })
    await step(c.id, { step: 'handle' })
    await step(c.id, { step: 'feed_back' })
    await step(c.id, { step: 'close', resolved: true, satisfaction: 'basically_satisfied' })
    clock.advance(30 * 24 * HOUR)
    await city.server.cases.escalateOverdue(clock.now())
    const detail = CaseDetail.parse((await call(`${city.server.url}/api/v1/cases/${c.id}`, 'GET', undefined, as.dutyLeader)).body)
    expect(detail).toMatchObject({ state: 'closed', level: 'grid', escalations: 0 })
  })
})

describe('lists and parties', () => {
  it('lists overdue open cases of a township, most overdue first', async () => {
    // Two of its own let lapse: a hotline report nobody signed for (two hours) and a grid worker's (three days).
    const unsigned = CaseSummary.parse((await post('/api/v1/cases', report({ source: 'hotline_12345' }), as.dutyLeader)).body)
    const unhandled = CaseSummary.parse((await post('/api/v1/cases', report())).body)
    clock.set(new Date(new Date(unhandled.dueAt!).getTime() + HOUR))
    const { status, body } = await call(`${city.server.url}/api/v1/cases?region=231281001000&overdue=true&limit=50`, 'GET', undefined, as.dutyLeader)
    expect(status).toBe(200)
    const list = CaseSummary.array().parse(body)
    const [overdue] = await city.db.query<{ n: number }>(`
      SELECT count(*)::int AS n FROM cases c JOIN regions t ON t.id = c.township_id
      WHERE t.code = '231281001000' AND c.state <> 'closed' AND c.due_at < $1`, [clock.now()])
    expect(overdue!.n).toBeGreaterThan(0)
    expect(list).toHaveLength(Math.min(50, overdue!.n))
    expect(list.every((c) => c.townshipCode === '231281001000' && c.state !== 'closed' && new Date(c.dueAt!) < clock.now())).toBe(true)
    const due = list.map((c) => new Date(c.dueAt!).getTime())
    expect(due).toEqual([...due].sort((a, b) => a - b))
    const ids = list.map((c) => c.id)
    expect(ids).toEqual(expect.arrayContaining([unsigned.id, unhandled.id]))
    expect(ids.indexOf(unsigned.id)).toBeLessThan(ids.indexOf(unhandled.id))
  })

  it('shows a case’s parties to a duty leader only, and logs who read them', async () => {
    const c = CaseSummary.parse((await post('/api/v1/cases', report())).body)
    expect((await call(`${city.server.url}/api/v1/cases/${c.id}/parties`, 'GET', undefined, as.operator)).status).toBe(403)
    expect((await call(`${city.server.url}/api/v1/cases/${c.id}/parties`, 'GET')).status).toBe(401)
    const { status, body } = await call(`${city.server.url}/api/v1/cases/${c.id}/parties`, 'GET', undefined, as.dutyLeader)
    expect(status).toBe(200)
    expect(CaseParties.parse(body).parties).toEqual([{ role: 'applicant', name: '张三', phone: '13900001111' }])
    const log = await city.db.query<{ actor: string }>('SELECT actor FROM party_access_log WHERE case_id = $1', [c.id])
    expect(log).toEqual([{ actor: 'leader' }])
  })
})
