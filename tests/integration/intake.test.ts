import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseDetail, CaseReports, CaseSummary, IntakeResult, SearchResult, SimilarCase } from '../../contract'
import { startAnswerDelivery } from '../../server/src/jobs/answerDelivery'
import { systemClock } from '../../server/src/clock'
import { createLogger } from '../../server/src/log'
import { until } from '../support/live'
import { as, call } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

/**
 * The channels end to end (issue 18), through the HTTP API: a 12345 call with its ticket becomes a case, a
 * second call about the same thing is offered as a duplicate and merged, and at close both callers are
 * answered on the hotline's endpoint, once each, signed, retried until the endpoint takes them.
 */
const city = servedCity()
const X = '231281001001001'
const SECRET = 'hotline-test-secret-0123456789'

type Who = Record<string, string>
const url = (path: string) => city.server.url + path
const get = (path: string, who: Who) => call(url(path), 'GET', undefined, who)
const post = (path: string, body: unknown, who: Who, headers: Record<string, string> = {}) => call(url(path), 'POST', body, { ...who, ...headers })

/** The hotline platform's receiving end: checks each answer's signature, refuses the first `failFirst` with a 500. */
type Received = { key: string; body: Record<string, unknown>; signed: boolean }
function hotlineReceiver(failFirst: number) {
  const received: Received[] = []
  let refused = 0
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = ''
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
    req.on('end', () => {
      if (refused < failFirst) {
        refused++
        res.writeHead(500).end('not now')
        return
      }
      const timestamp = String(req.headers['x-answer-timestamp'])
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${raw}`).digest('hex')}`
      received.push({ key: String(req.headers['idempotency-key']), body: JSON.parse(raw) as Record<string, unknown>, signed: req.headers['x-answer-signature'] === expected })
      res.writeHead(204).end()
    })
  })
  return { server, received, refusedCount: () => refused }
}

let inX: [number, number]
const receiver = hotlineReceiver(3)
let delivery: ReturnType<typeof startAnswerDelivery>
beforeAll(async () => {
  inX = await pointInGrid(city.db, X)
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve))
  const { port } = receiver.server.address() as AddressInfo
  const set = await call(url('/api/v1/answer-endpoints/hotline_12345'), 'PUT', { url: `http://127.0.0.1:${port}/answers`, secret: SECRET }, as.admin)
  expect(set.status, JSON.stringify(set.body)).toBe(200)
  // Fast retries for the test: the job's own backoff starts at 2 s.
  delivery = startAnswerDelivery(city.db, systemClock, createLogger('silent'), () => city.server.hub.notify(), { everyMs: 50, backoffMs: () => 100 })
})
afterAll(async () => {
  await delivery?.stop()
  await new Promise((resolve) => receiver.server.close(resolve))
})

const call1 = () => ({
  channel: 'hotline_12345', ticket: 'H12345-20261205-0001', category: 'dispute', kind: 'neighbour', location: inX,
  address: '新华社区3号楼', description: '楼上装修噪音持续到深夜', caller: { name: '王秀英', phone: '13904561234' },
})

async function took(id: number, body: Record<string, unknown>, who: Who): Promise<CaseSummary> {
  const res = await post(`/api/v1/cases/${id}/steps`, body, who)
  expect(res.status, `${String(body.step)}: ${JSON.stringify(res.body)}`).toBe(200)
  return CaseSummary.parse(res.body)
}

describe('a hotline call, a second call about the same thing, and the answers', () => {
  let first: IntakeResult

  it('files the call as a case of the hotline with its ticket; the caller is a party, never in the stream', async () => {
    const res = await post('/api/v1/intake', call1(), as.operator)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    first = IntakeResult.parse(res.body)
    expect(first.case).toMatchObject({ source: 'hotline_12345', gridCode: X, level: 'grid', signedAt: null, kind: 'neighbour' })
    expect(first.report).toMatchObject({ channel: 'hotline_12345', ticket: 'H12345-20261205-0001', address: '新华社区3号楼', answers: [] })
    const parties = await get(`/api/v1/cases/${first.case.id}/parties`, as.dutyLeader)
    expect(parties.body).toMatchObject({ parties: [{ role: 'applicant', name: '王秀英', phone: '13904561234' }] })
    const logged = await city.db.query<{ payload: unknown }>(`SELECT payload FROM change_log WHERE entity = 'case' AND entity_id = $1`, [String(first.case.id)])
    expect(JSON.stringify(logged)).not.toMatch(/王秀英|13904561234/)
  })

  it('refuses the same ticket of the channel again with a 409 naming the case that holds it, and writes nothing', async () => {
    const before = await city.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')
    const res = await post('/api/v1/intake', { ...call1(), description: '同一工单再次提交' }, as.operator)
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'ticket_taken', existing: { id: first.case.id } })
    expect(await city.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).toEqual(before)
  })

  it('offers the case to a second call nearby, by its ticket and by the same caller', async () => {
    const [lon, lat] = inX
    const nearby = await get(`/api/v1/intake/similar?kind=neighbour&lon=${lon + 0.0005}&lat=${lat}`, as.operator)
    expect(nearby.status, JSON.stringify(nearby.body)).toBe(200)
    const offered = SimilarCase.array().parse(nearby.body).find((s) => s.case.id === first.case.id)
    expect(offered?.why).toEqual(['nearby'])
    expect(offered!.metres).toBeGreaterThan(20)
    expect(offered!.metres).toBeLessThan(60)
    const far = SimilarCase.array().parse((await get(`/api/v1/intake/similar?kind=neighbour&lon=${lon + 0.02}&lat=${lat}`, as.operator)).body)
    expect(far.map((s) => s.case.id)).not.toContain(first.case.id)
    const otherKind = SimilarCase.array().parse((await get(`/api/v1/intake/similar?kind=labour&lon=${lon}&lat=${lat}`, as.operator)).body)
    expect(otherKind.map((s) => s.case.id)).not.toContain(first.case.id)
    const byTicket = SimilarCase.array().parse((await get('/api/v1/intake/similar?channel=hotline_12345&ticket=H12345-20261205-0001', as.operator)).body)
    expect(byTicket.find((s) => s.case.id === first.case.id)?.why).toEqual(['ticket'])
    const byCaller = SimilarCase.array().parse((await get('/api/v1/intake/similar?phone=13904561234', as.operator)).body)
    expect(byCaller.find((s) => s.case.id === first.case.id)?.why).toEqual(['caller'])
    // A seat's match by phone is a read of that case's parties, logged with who.
    const log = await city.db.query<{ actor: string }>('SELECT actor FROM party_access_log WHERE case_id = $1', [first.case.id])
    expect(log.map((l) => l.actor)).toContain('operator')
  })

  it('merges a second call into the case: one case, two reports, two tickets, a merge step; sent twice, it is filed once', async () => {
    const second = {
      channel: 'hotline_12345', ticket: 'H12345-20261205-0002', category: 'dispute', kind: 'neighbour', location: inX, address: '新华社区3号楼东单元',
      description: '同一装修噪音问题，邻居也来电', caller: { name: '李建国', phone: '13604567890' }, mergeInto: first.case.id,
    }
    const key = { 'idempotency-key': 'seat1-call-0002-abcdef' }
    const res = await post('/api/v1/intake', second, as.operator, key)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const merged = IntakeResult.parse(res.body)
    expect(merged).toMatchObject({ merged: true, case: { id: first.case.id, version: first.case.version + 1 }, report: { ticket: 'H12345-20261205-0002' } })
    const again = await post('/api/v1/intake', second, as.operator, key)
    expect(again.status).toBe(200)
    expect(IntakeResult.parse(again.body).report.id).toBe(merged.report.id)
    const reports = CaseReports.parse((await get(`/api/v1/cases/${first.case.id}/reports`, as.operator)).body)
    expect(reports.reports.map((r) => r.ticket)).toEqual(['H12345-20261205-0001', 'H12345-20261205-0002'])
    const detail = CaseDetail.parse((await get(`/api/v1/cases/${first.case.id}`, as.dutyLeader)).body)
    expect(detail.history.at(-1)).toMatchObject({ step: 'merge', actorRole: 'city', note: '并入 hotline_12345 H12345-20261205-0002' })
    const parties = await get(`/api/v1/cases/${first.case.id}/parties`, as.dutyLeader)
    expect(parties.body).toMatchObject({ parties: [{ name: '王秀英' }, { name: '李建国' }] })
  })

  it('finds the case by its number, by either ticket, and by a caller\'s phone for a duty leader only', async () => {
    for (const q of [first.case.code, first.case.code.toLowerCase(), 'H12345-20261205-0002']) {
      const found = SearchResult.parse((await get(`/api/v1/search?q=${encodeURIComponent(q)}`, as.operator)).body)
      expect(found.cases.map((c) => c.case.id), q).toEqual([first.case.id])
    }
    const byPhone = SearchResult.parse((await get('/api/v1/search?q=13604567890', as.dutyLeader)).body)
    expect(byPhone.cases).toMatchObject([{ case: { id: first.case.id }, matched: 'phone' }])
    const notForAnalyst = SearchResult.parse((await get('/api/v1/search?q=13604567890', as.analyst)).body)
    expect(notForAnalyst.cases).toEqual([])
    const outOfScope = SearchResult.parse((await get(`/api/v1/search?q=${first.case.code}`, { authorization: as.departmentOfficer.authorization })).body)
    expect(outOfScope.cases).toEqual([])
  })

  it('answers both callers on the hotline when the case is closed, once each, signed, retried until taken', async () => {
    const id = first.case.id
    await took(id, { step: 'sign_for' }, as.gridWorker)
    await took(id, { step: 'verify' }, as.gridWorker)
    await took(id, { step: 'handle', note: '约谈装修方，限定施工时间' }, as.gridWorker)
    await took(id, { step: 'feed_back', note: '装修方承诺晚八点后停工' }, as.gridWorker)
    const closed = await took(id, { step: 'close', resolved: true, satisfaction: 'satisfied', note: '已协调停工时间' }, as.gridWorker)
    expect(closed.state).toBe('closed')

    await until(() => receiver.received.length >= 2, 'both answers taken by the hotline', 20_000)
    expect(receiver.refusedCount()).toBe(3)
    await new Promise((r) => setTimeout(r, 500))
    expect(receiver.received).toHaveLength(2)
    expect(receiver.received.every((r) => r.signed)).toBe(true)
    expect(new Set(receiver.received.map((r) => r.key)).size).toBe(2)
    expect(receiver.received.map((r) => r.body.ticket).sort()).toEqual(['H12345-20261205-0001', 'H12345-20261205-0002'])
    expect(receiver.received[0]!.body).toMatchObject({ event: 'closed', caseCode: first.case.code, channel: 'hotline_12345', resolved: true, text: '已协调停工时间' })
    expect(JSON.stringify(receiver.received)).not.toMatch(/王秀英|李建国|1390456|1360456/)

    const reports = CaseReports.parse((await get(`/api/v1/cases/${id}/reports`, as.operator)).body)
    for (const r of reports.reports) expect(r.answers).toMatchObject([{ event: 'closed', state: 'delivered', lastError: null }])
    expect(reports.reports.reduce((n, r) => n + r.answers[0]!.attempts, 0)).toBe(5)
    const went = await city.db.query<{ payload: { caseCode: string; event: string } }>(`SELECT payload FROM change_log WHERE entity = 'answer' AND entity_id = $1`, [String(id)])
    expect(went.map((w) => w.payload)).toMatchObject([{ caseCode: first.case.code, event: 'closed' }, { caseCode: first.case.code, event: 'closed' }])
  })
})

describe('a report sent again under its idempotency key', () => {
  it('is filed once: 201 the first time, 200 with the same case after', async () => {
    const report = { category: 'hazard', kind: 'fire', source: 'grid_worker', location: inX, description: '楼道堆放杂物（离线队列）' }
    const key = { 'idempotency-key': 'phone-queue-7f3a9c21' }
    const first = await post('/api/v1/cases', report, as.gridWorker, key)
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    const replays = await Promise.all([1, 2, 3].map(() => post('/api/v1/cases', report, as.gridWorker, key)))
    for (const r of replays) {
      expect(r.status).toBe(200)
      expect(CaseSummary.parse(r.body).id).toBe(CaseSummary.parse(first.body).id)
    }
    const rows = await city.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE description = '楼道堆放杂物（离线队列）'`)
    expect(rows).toEqual([{ n: 1 }])
    expect(await post('/api/v1/cases', report, as.gridWorker, { 'idempotency-key': 'no' })).toMatchObject({ status: 400, body: { issues: [{ field: 'idempotency-key' }] } })
  })
})

describe('who may file and search', () => {
  it('lets the seats, duty leaders and services file; refuses every other role with a 403', async () => {
    const res = await post('/api/v1/intake', { ...call1(), ticket: 'H12345-20261205-0100' }, as.gridWorker)
    expect(res.status).toBe(403)
    expect((await post('/api/v1/intake', { ...call1(), ticket: 'H12345-20261205-0101' }, as.analyst)).status).toBe(403)
    expect((await post('/api/v1/intake', { ...call1(), ticket: 'H12345-20261205-0102' }, as.dutyLeader)).status).toBe(201)
  })

  it('names each bad field of a call', async () => {
    const res = await post('/api/v1/intake', { ...call1(), ticket: undefined, kind: 'fire', caller: { name: '' } }, as.operator)
    expect(res.status).toBe(400)
    const fields = (res.body as { issues: { field: string }[] }).issues.map((i) => i.field).sort()
    expect(fields).toEqual(['caller.name', 'kind', 'ticket'])
  })
})

describe('calls arriving together', () => {
  it('files calls sent together each on its own: a ticket already taken and a point outside the city are refused alone, the others filed once', async () => {
    const count = async () => (await city.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0]!.n
    const before = await count()
    const elsewhere = await pointInGrid(city.db, '231281001001003')
    const call = () => ({ ...call1(), location: elsewhere, caller: { name: '赵建国', phone: '13904569876' } })
    const fresh = Array.from({ length: 12 }, (_, i) => ({ ...call(), ticket: `H12345-20261205-1${String(i).padStart(3, '0')}` }))
    const sent = [...fresh.slice(0, 6), { ...call(), ticket: call1().ticket }, { ...fresh[6]!, ticket: 'H12345-20261205-1999', location: [120, 40] }, ...fresh.slice(6)]
    const answers = await Promise.all(sent.map((body) => post('/api/v1/intake', body, as.operator)))
    expect(answers.map((a) => a.status)).toEqual([...fresh.slice(0, 6).map(() => 201), 409, 400, ...fresh.slice(6).map(() => 201)])
    expect(answers[6]!.body).toMatchObject({ code: 'ticket_taken' })
    expect(answers[7]!.body).toMatchObject({ issues: [{ field: 'location', reason: 'is outside the city: no grid covers it' }] })
    const filed = answers.filter((a) => a.status === 201).map((a) => IntakeResult.parse(a.body))
    expect(filed.map((f) => f.report.ticket)).toEqual(fresh.map((f) => f.ticket))
    expect(new Set(filed.map((f) => f.case.id)).size).toBe(fresh.length)
    expect(await count()).toBe(before + fresh.length)
  })
})
