import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CaseDetail, CaseSummary, DepartmentInfo, PartyAccess } from '../../contract'
import { manualClock } from '../../server/src/clock'
import { closeWatchers, until, watch } from '../support/live'
import { SEEDED_AT } from '../support/seededCity'
import { as, call } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

const HOUR = 3_600_000
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
const city = servedCity({ clock })
afterEach(closeWatchers)

const X = '231281001001001'
let inX: [number, number]
let postsOfX: string[]
beforeAll(async () => {
  inX = await pointInGrid(city.db, X)
  postsOfX = (await city.db.query<{ code: string }>('SELECT code FROM grid_worker_roster WHERE grid_code = $1 ORDER BY rank, post_no', [X])).map((r) => r.code)
})

const url = (path: string) => city.server.url + path
const post = (path: string, body: unknown, who: Record<string, string> = as.dutyLeader) => call(url(path), 'POST', body, who)
const report = async (): Promise<CaseSummary> => {
  const { status, body } = await post('/api/v1/cases', {
    category: 'dispute', kind: 'land', source: 'grid_worker', location: inX, description: '赵六与钱七因地界发生争议',
    parties: [{ role: 'applicant', name: '赵六', phone: '13700003333', idNumber: '231281197001010012' }],
  }, as.gridWorker)
  expect(status).toBe(201)
  return CaseSummary.parse(body)
}
const step = (id: number, body: Record<string, unknown>, who: Record<string, string> = as.dutyLeader) => post(`/api/v1/cases/${id}/steps`, body, who)
const escalate = (id: number, body: unknown, who: Record<string, string> = as.dutyLeader) => post(`/api/v1/cases/${id}/escalate`, body, who)
const assign = (id: number, body: unknown, who: Record<string, string> = as.dutyLeader) => post(`/api/v1/cases/${id}/assign`, body, who)
const detail = async (id: number) => CaseDetail.parse((await call(url(`/api/v1/cases/${id}`), 'GET', undefined, as.dutyLeader)).body)
const stored = async (id: number) => (await city.db.query<{ level: string; state: string; version: number; escalations: number; assignee: string | null; due_at: Date }>(
  'SELECT level, state, version, escalations, assignee, due_at FROM cases WHERE id = $1', [id]))[0]!
const history = (id: number) => city.db.query<{ step: string; actor_role: string; level: string; note: string; assignee: string | null }>(
  'SELECT step, actor_role, level, note, assignee FROM case_history WHERE case_id = $1 ORDER BY at, id', [id])
const logged = async (id: number) => (await city.db.query<{ payload: CaseSummary }>(
  `SELECT payload FROM change_log WHERE entity = 'case' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(id)]))[0]!.payload
const closeIt = async (id: number) => {
  for (const s of [{ step: 'verify' }, { step: 'handle' }, { step: 'feed_back' }, { step: 'close', resolved: true, satisfaction: 'satisfied' }]) {
    expect((await step(id, s)).status).toBe(200)
  }
}

describe('a case’s version', () => {
  it('starts at 1 and is raised by every step, in the response, the store and the stream', async () => {
    const watcher = watch(city.server.url, [`grid:${X}`])
    await watcher.hello
    const c = await report()
    expect(c.version).toBe(1)
    const { status, body } = await step(c.id, { step: 'verify', expectedVersion: 1 })
    expect(status).toBe(200)
    expect(CaseSummary.parse(body)).toMatchObject({ state: 'verified', version: 2 })
    expect((await stored(c.id)).version).toBe(2)
    await until(() => watcher.received.some((ch) => ch.entity === 'case' && ch.data.id === c.id && ch.data.version === 2), 'the step')
  })

  it('refuses a step decided on an older version with a 409 carrying the case as it is now, and writes nothing', async () => {
    const c = await report()
    expect((await step(c.id, { step: 'verify' })).status).toBe(200)
    const before = await history(c.id)
    const { status, body } = await step(c.id, { step: 'handle', note: '入户调解', expectedVersion: 1 })
    expect(status).toBe(409)
    expect(body).toEqual({
      code: 'stale_case', message: `case ${c.id} is at version 2, not version 1: it changed since it was read`, current: await detail(c.id),
    })
    expect(JSON.stringify(body)).not.toContain('13700003333')
    expect(await history(c.id)).toEqual(before)
    expect((await stored(c.id)).version).toBe(2)
  })

  it('lets one of several leaders acting at once on the same version succeed; the others are told it went stale', async () => {
    const c = await report()
    const tries = await Promise.all([1, 2, 3, 4].map((n) => step(c.id, { step: 'supervise', note: `督办 ${n}`, expectedVersion: 1 })))
    expect(tries.map((t) => t.status).sort()).toEqual([200, 409, 409, 409])
    const won = CaseSummary.parse(tries.find((t) => t.status === 200)!.body)
    for (const lost of tries.filter((t) => t.status === 409)) {
      expect(lost.body).toMatchObject({ code: 'stale_case', message: `case ${c.id} is at version 2, not version 1: it changed since it was read`, current: { version: 2 } })
    }
    expect(won.version).toBe(2)
    expect((await history(c.id)).filter((h) => h.step === 'supervise')).toHaveLength(1)
    expect((await stored(c.id)).version).toBe(2)
  })
})

describe('POST /api/v1/cases/:id/escalate', () => {
  it('moves a case up one level by hand, as the platform would, with the leader’s reason, streamed after commit', async () => {
    const watcher = watch(city.server.url, ['city'])
    await watcher.hello
    const c = await report()
    const { status, body } = await escalate(c.id, { reason: '群众多次反映，网格未处置', expectedVersion: 1 })
    expect(status).toBe(200)
    const moved = CaseSummary.parse(body)
    // Moved up, it waits for the community to sign for it, within the community's four hours.
    expect(moved).toMatchObject({ level: 'community', state: 'collected', escalations: 1, version: 2, signedAt: null })
    expect(moved.dueAt).toBe(new Date(clock.now().getTime() + 4 * HOUR).toISOString())
    expect(await stored(c.id)).toEqual({ level: 'community', state: 'collected', version: 2, escalations: 1, assignee: null, due_at: new Date(moved.dueAt!) })
    expect((await history(c.id)).at(-1)).toEqual({ step: 'supervise', actor_role: 'duty_leader', level: 'community', note: '群众多次反映，网格未处置', assignee: null })
    expect(await logged(c.id)).toEqual(moved)
    await until(() => watcher.received.some((ch) => ch.entity === 'case' && ch.data.id === c.id && ch.data.version === 2), 'the escalation')
    expect(watcher.received.find((ch) => ch.entity === 'case' && ch.data.id === c.id && ch.op === 'update')!.data).toEqual(moved)
  })

  it('stops at the city, and never moves a closed case', async () => {
    const c = await report()
    for (const level of ['community', 'township', 'city']) {
      const { body } = await escalate(c.id, { reason: '督办' })
      expect(CaseSummary.parse(body).level).toBe(level)
    }
    expect(await escalate(c.id, { reason: '督办' })).toEqual({
      status: 409, body: { code: 'illegal_step', message: 'case is at city level; there is no level above to escalate to' },
    })
    const done = await report()
    await closeIt(done.id)
    expect(await escalate(done.id, { reason: '督办' })).toEqual({
      status: 409, body: { code: 'illegal_step', message: 'case is closed; a closed case cannot be escalated' },
    })
    expect((await stored(done.id)).level).toBe('grid')
  })

  it('needs a reason, a duty leader and a case that exists', async () => {
    const c = await report()
    for (const [body, issues] of [
      [{}, [{ field: 'reason', reason: 'is required' }]],
      [{ reason: '   ' }, [{ field: 'reason', reason: 'is required' }]],
      [{ reason: '督'.repeat(501) }, [{ field: 'reason', reason: 'must be at most 500 characters' }]],
      [{ reason: '督办', expectedVersion: 0, urgent: true }, [
        { field: 'expectedVersion', reason: 'must be at least 1' }, { field: 'urgent', reason: 'is not a known parameter' },
      ]],
    ] as const) {
      const res = await escalate(c.id, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect((res.body as { issues: unknown }).issues).toEqual(issues)
    }
    expect(await escalate(c.id, { reason: '督办' }, as.gridWorker)).toEqual({
      status: 403, body: { code: 'forbidden', message: 'a grid_worker may not do this; it takes duty_leader' },
    })
    expect((await escalate(c.id, { reason: '督办' }, as.operator)).status).toBe(403)
    expect((await escalate(c.id, { reason: '督办' }, {})).status).toBe(401)
    expect(await escalate(99_999_999, { reason: '督办' })).toEqual({ status: 404, body: { code: 'not_found', message: "no case with id 99999999 in this account's scope" } })
    expect((await stored(c.id)).version).toBe(1)
  })

  it('is refused on a stale view like a step', async () => {
    const c = await report()
    await step(c.id, { step: 'verify' })
    const { status, body } = await escalate(c.id, { reason: '督办', expectedVersion: 1 })
    expect(status).toBe(409)
    expect(body).toMatchObject({ code: 'stale_case', current: { id: c.id, version: 2, level: 'grid' } })
  })
})

describe('POST /api/v1/cases/:id/assign', () => {
  it('assigns a case to a post of its grid beside the loop, recorded in its history, kept by later steps', async () => {
    const watcher = watch(city.server.url, [`grid:${X}`])
    await watcher.hello
    const c = await report()
    const { status, body } = await assign(c.id, { worker: `${X}-F1`, note: '请今日入户核实', expectedVersion: 1 })
    expect(status).toBe(200)
    const assigned = CaseSummary.parse(body)
    expect(assigned).toEqual({ ...c, assignee: `${X}-F1`, version: 2 })
    expect(await stored(c.id)).toMatchObject({ assignee: `${X}-F1`, state: 'collected', level: 'grid', version: 2 })
    expect((await history(c.id)).at(-1)).toEqual({ step: 'assign', actor_role: 'duty_leader', level: 'grid', note: '请今日入户核实', assignee: `${X}-F1` })
    expect((await detail(c.id)).history.at(-1)).toMatchObject({ step: 'assign', actorRole: 'duty_leader', assignee: `${X}-F1`, department: null })
    expect(await logged(c.id)).toEqual(assigned)
    await until(() => watcher.received.some((ch) => ch.entity === 'case' && ch.data.id === c.id && ch.data.assignee === `${X}-F1`), 'the assignment')

    expect(CaseSummary.parse((await step(c.id, { step: 'verify' })).body)).toMatchObject({ state: 'verified', assignee: `${X}-F1`, version: 3 })
    expect(CaseSummary.parse((await assign(c.id, { worker: `${X}-L1` })).body)).toMatchObject({ assignee: `${X}-L1`, version: 4 })
    expect((await history(c.id)).filter((h) => h.step === 'assign').map((h) => h.assignee)).toEqual([`${X}-F1`, `${X}-L1`])
  })

  it('takes only a post of the case’s grid, naming the posts there are', async () => {
    const c = await report()
    const reason = `is not a post of grid ${X}, the case's grid; its posts are ${postsOfX.join(', ')}`
    for (const worker of ['231281001001002-F1', `${X}-F9`]) {
      expect(await assign(c.id, { worker })).toEqual({
        status: 400, body: { code: 'invalid_body', message: `worker: ${reason}`, issues: [{ field: 'worker', reason }] },
      })
    }
    for (const [body, reason] of [
      [{ worker: '张三' }, 'must be a post code like 231281001001001-F1'],
      [{}, 'is required'],
    ] as const) {
      expect(((await assign(c.id, body)).body as { issues: unknown }).issues).toEqual([{ field: 'worker', reason }])
    }
    expect(postsOfX[0]).toBe(`${X}-L1`)
    expect((await stored(c.id))).toMatchObject({ assignee: null, version: 1 })
  })

  it('is for duty leaders and the community and township officers over the grid, on open cases, and never a step of the loop', async () => {
    const c = await report()
    expect(await assign(c.id, { worker: `${X}-F1` }, as.operator)).toEqual({
      status: 403, body: { code: 'forbidden', message: 'a operator may not do this; it takes duty_leader or township_officer or community_officer' },
    })
    for (const who of [as.gridWorker, as.departmentOfficer, as.analyst]) expect((await assign(c.id, { worker: `${X}-F1` }, who)).status).toBe(403)
    expect(CaseSummary.parse((await assign(c.id, { worker: `${X}-F1` }, as.communityOfficer)).body)).toMatchObject({ assignee: `${X}-F1`, version: 2 })
    expect(CaseSummary.parse((await assign(c.id, { worker: `${X}-L1` }, as.townshipOfficer)).body)).toMatchObject({ assignee: `${X}-L1`, version: 3 })
    expect((await history(c.id)).filter((h) => h.step === 'assign').map((h) => [h.actor_role, h.assignee])).toEqual([
      ['community', `${X}-F1`], ['township', `${X}-L1`],
    ])
    expect(((await step(c.id, { step: 'assign' })).body as { issues: unknown }).issues).toEqual([{
      field: 'step',
      reason: 'must be a step of the loop: collect, sign_for, verify, handle, report_up, dispatch, route, send_back, supervise, feed_back, check, answer, close, follow_up',
    }])
    await closeIt(c.id)
    expect(await assign(c.id, { worker: `${X}-F1` })).toEqual({
      status: 409, body: { code: 'illegal_step', message: 'case is closed; a closed case cannot be assigned' },
    })
  })
})

describe('departments', () => {
  it('lists where a case may be routed, and routes only there', async () => {
    const { status, body } = await call(url('/api/v1/departments'), 'GET', undefined, as.dutyLeader)
    expect(status).toBe(200)
    const names = DepartmentInfo.array().parse(body).map((d) => d.name)
    expect(names).toEqual(expect.arrayContaining(['新兴街道司法所', '安达市自然资源局']))
    const c = await report()
    for (const s of ['verify', 'report_up', 'sign_for', 'report_up', 'sign_for']) expect((await step(c.id, { step: s })).status).toBe(200)
    const reason = '公安局 is not a department (GET /api/v1/departments lists them)'
    expect(names).not.toContain('公安局')
    expect(await step(c.id, { step: 'route', lead: '公安局' })).toEqual({
      status: 400, body: { code: 'invalid_body', message: `lead: ${reason}`, issues: [{ field: 'lead', reason }] },
    })
    expect(CaseSummary.parse((await step(c.id, { step: 'route', lead: '安达市自然资源局' })).body).state).toBe('routed')
    expect((await detail(c.id)).history.at(-1)).toMatchObject({ step: 'route', department: '安达市自然资源局' })
  })
})

describe('GET /api/v1/party-access-log', () => {
  const log = (query = '', who: Record<string, string> = as.dutyLeader) => call(url(`/api/v1/party-access-log${query}`), 'GET', undefined, who)

  it('shows a duty leader who opened which case’s parties and when, newest first; reading a case does not count', async () => {
    const first = await report()
    const second = await report()
    const readParties = (id: number) => call(url(`/api/v1/cases/${id}/parties`), 'GET', undefined, as.dutyLeader)
    const times: string[] = []
    for (const id of [first.id, second.id, first.id]) {
      clock.advance(60_000)
      times.push(clock.now().toISOString())
      expect((await readParties(id)).status).toBe(200)
    }
    await detail(first.id)
    const actor = 'leader'
    const { status, body } = await log(`?case=${first.id}`)
    expect(status).toBe(200)
    expect(PartyAccess.array().parse(body)).toEqual([
      { caseId: first.id, caseCode: first.code, actor, actorName: '值班领导', at: times[2] },
      { caseId: first.id, caseCode: first.code, actor, actorName: '值班领导', at: times[0] },
    ])
    expect((await log('?limit=2')).body).toEqual([
      { caseId: first.id, caseCode: first.code, actor, actorName: '值班领导', at: times[2] },
      { caseId: second.id, caseCode: second.code, actor, actorName: '值班领导', at: times[1] },
    ])
    const rows = await city.db.query('SELECT case_id FROM party_access_log WHERE case_id = ANY ($1)', [[first.id, second.id]])
    expect(rows).toHaveLength(3)
  })

  it('is for duty leaders and admins only, and names a bad or unknown case', async () => {
    expect(await log('', as.operator)).toEqual({ status: 403, body: { code: 'forbidden', message: 'a operator may not do this; it takes duty_leader or admin' } })
    expect((await log('', as.admin)).status).toBe(200)
    expect((await log('', {})).status).toBe(401)
    expect(await log('?case=99999999')).toEqual({ status: 404, body: { code: 'not_found', message: "no case with id 99999999 in this account's scope" } })
    for (const [query, issue] of [
      ['?case=abc', { field: 'case', reason: 'must be a positive whole number' }],
      ['?limit=0', { field: 'limit', reason: 'must be at least 1' }],
      ['?who=me', { field: 'who', reason: 'is not a known parameter' }],
    ] as const) {
      const { status, body } = await log(query)
      expect(status, query).toBe(400)
      expect((body as { issues: unknown }).issues, query).toEqual([issue])
    }
  })
})

describe('what the stream and the log carry', () => {
  it('holds nothing personal of any party after all these actions', async () => {
    // This test's own case through each action, so the log holds its changes whatever else ran.
    const c = await report()
    expect((await assign(c.id, { worker: `${X}-F1`, note: '请今日入户核实' })).status).toBe(200)
    expect((await step(c.id, { step: 'verify' })).status).toBe(200)
    expect((await escalate(c.id, { reason: '群众多次反映' })).status).toBe(200)
    expect((await call(url(`/api/v1/cases/${c.id}/parties`), 'GET', undefined, as.dutyLeader)).status).toBe(200)
    const changes = await city.db.query<{ op: string }>(`SELECT op FROM change_log WHERE entity = 'case' AND entity_id = $1 ORDER BY id`, [String(c.id)])
    expect(changes.map((r) => r.op)).toEqual(['insert', 'update', 'update', 'update'])
    const [row] = await city.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM change_log WHERE payload::text ~ '赵六|13700003333|231281197001010012|地界发生争议'`)
    expect(row!.n).toBe(0)
  })
})

describe('the platform’s clock and a leader’s view', () => {
  it('makes a view stale when it moves a case up', async () => {
    const c = await report()
    clock.set(new Date(new Date(c.dueAt!).getTime() + 1000))
    await city.server.cases.escalateOverdue(clock.now())
    const { status, body } = await step(c.id, { step: 'verify', expectedVersion: 1 })
    expect(status).toBe(409)
    expect(body).toMatchObject({ code: 'stale_case', current: { level: 'community', escalations: 1, version: 2 } })
  })
})
