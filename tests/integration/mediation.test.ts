import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ApiErrorBody, CaseDetail, CaseMediations, CaseSummary, Mediation, MediationBody } from '../../contract'
import { manualClock } from '../../server/src/clock'
import { closeWatchers, until, watch } from '../support/live'
import { SEEDED_AT } from '../support/seededCity'
import { as, call } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

/**
 * Mediation of disputes (issue 19) through the HTTP API: a dispute referred to its township's people's
 * mediation committee, its agreement recorded with the amount it settles and confirmed by a court, each a
 * step of the case's history and a change on the stream; every refusal with its status and the field or
 * state it names; and the figures' definition counting what was recorded.
 */
const HOUR = 3_600_000
const DAY = 24 * HOUR
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
const city = servedCity({ clock })
afterEach(closeWatchers)

const X = '231281001001001'
const TOWNSHIP = '231281001000'
const COMMUNITY = '231281001001'
let inX: [number, number]
let outPoint: [number, number]
let outTownship: string
let cityCode: string
/** The test's own bodies (the seeded city has none of its own to rely on): its township's committee, the city's labour committee, another township's. */
const body = { township: 0, labour: 0, other: 0 }
const NAMES = { township: '测试·新兴街道人民调解委员会', labour: '测试·安达市劳动争议人民调解委员会', other: '测试·外乡镇人民调解委员会' }

beforeAll(async () => {
  inX = await pointInGrid(city.db, X)
  const [other] = await city.db.query<{ code: string }>(
    `SELECT code FROM grids WHERE valid_to IS NULL AND code NOT LIKE '231281001%' ORDER BY code LIMIT 1`)
  outPoint = await pointInGrid(city.db, other!.code)
  outTownship = `${other!.code.slice(0, 9)}000`
  cityCode = (await city.db.query<{ code: string }>(`SELECT code FROM regions WHERE level = 'county'`))[0]!.code
  const add = async (name: string, kind: string, field: string | null, region: string, kinds: string[]) => (await city.db.query<{ id: number }>(
    `INSERT INTO mediation_bodies (name, kind, field, region_id, geom, dispute_kinds)
     SELECT $1, $2, $3, r.id, ST_PointOnSurface(r.geom), $5::text[] FROM regions r WHERE r.code = $4 RETURNING id`,
    [name, kind, field, region, kinds]))[0]!.id
  body.township = await add(NAMES.township, 'township', null, TOWNSHIP, ['family', 'neighbour', 'land', 'property_mgmt', 'financial'])
  body.labour = await add(NAMES.labour, 'specialised', 'labour', cityCode, ['labour'])
  body.other = await add(NAMES.other, 'township', null, outTownship, ['family', 'neighbour', 'labour'])
})

type Who = Record<string, string>
const url = (path: string) => city.server.url + path
const get = (path: string, who: Who = as.dutyLeader) => call(url(path), 'GET', undefined, who)
const post = (path: string, b: unknown, who: Who = as.townshipOfficer) => call(url(path), 'POST', b, who)
const patch = (path: string, b: unknown, who: Who = as.townshipOfficer) => call(url(path), 'PATCH', b, who)

const report = async (kind = 'family', category = 'dispute', at = inX): Promise<CaseSummary> => {
  const { status, body: b } = await post('/api/v1/cases', { category, kind, source: 'hotline_12345', location: at, description: '张三夫妇因赡养老人发生争执' }, as.dutyLeader)
  expect(status, JSON.stringify(b)).toBe(201)
  return CaseSummary.parse(b)
}
const refer = (id: number, b: Record<string, unknown>, who?: Who) =>
  post(`/api/v1/cases/${id}/mediations`, { kind: 'people', mode: 'entrusted', ...b }, who)
const referred = async (id: number, bodyId = body.township): Promise<Mediation> => {
  const { status, body: b } = await refer(id, { bodyId })
  expect(status, JSON.stringify(b)).toBe(201)
  return Mediation.parse(b)
}
const result = (id: number, m: number, b: unknown, who?: Who) => patch(`/api/v1/cases/${id}/mediations/${m}`, b, who)
const refusal = (b: unknown) => ApiErrorBody.parse(b)
const bodiesFor = async (who: Who, query = '') => {
  const { status, body: b } = await get(`/api/v1/mediation-bodies${query}`, who)
  expect(status, JSON.stringify(b)).toBe(200)
  return MediationBody.array().parse(b)
}
const mine = (bodies: MediationBody[]) => bodies.filter((b) => Object.values(NAMES).includes(b.name)).map((b) => b.name).sort()

describe('GET /api/v1/mediation-bodies', () => {
  it("lists the bodies serving an area: its own and its communities', those of the regions it lies in, and the city's", async () => {
    const township = await bodiesFor(as.townshipOfficer)
    expect(mine(township)).toEqual([NAMES.labour, NAMES.township].sort())
    expect(township.every((b) => b.areaCode === cityCode || b.areaCode.startsWith('231281001'))).toBe(true)
    expect(township.find((b) => b.name === NAMES.township)).toMatchObject({
      id: body.township, kind: 'township', field: null, areaCode: TOWNSHIP, disputeKinds: ['family', 'neighbour', 'land', 'property_mgmt', 'financial'],
    })
    expect(township.find((b) => b.name === NAMES.labour)).toMatchObject({ kind: 'specialised', field: 'labour', areaCode: cityCode, disputeKinds: ['labour'] })
    // A community's list holds the township's committee a dispute there goes to, and so does a grid worker's.
    expect(mine(await bodiesFor(as.communityOfficer))).toEqual([NAMES.labour, NAMES.township].sort())
    expect(mine(await bodiesFor(as.townshipOfficer, `?area=${COMMUNITY}`))).toEqual([NAMES.labour, NAMES.township].sort())
    expect(mine(await bodiesFor(as.gridWorker))).toEqual([NAMES.labour, NAMES.township].sort())
    expect(mine(await bodiesFor(as.dutyLeader, `?area=${outTownship}`))).toEqual([NAMES.labour, NAMES.other].sort())
    expect(mine(await bodiesFor(as.dutyLeader))).toEqual(Object.values(NAMES).sort())
  })

  it("gives a department's reader the specialised committees only", async () => {
    const bodies = await bodiesFor(as.departmentOfficer)
    expect(mine(bodies)).toEqual([NAMES.labour])
    expect(bodies.every((b) => b.kind === 'specialised')).toBe(true)
  })

  it('refuses an area outside the scope (403) and one that is no region code (400)', async () => {
    const { status, body: b } = await get(`/api/v1/mediation-bodies?area=${outTownship}`, as.townshipOfficer)
    expect(status).toBe(403)
    expect(refusal(b).code).toBe('out_of_scope')
    expect((await get(`/api/v1/mediation-bodies?area=${TOWNSHIP}`, as.communityOfficer)).status).toBe(403)
    const bad = await get(`/api/v1/mediation-bodies?area=${X}`, as.dutyLeader)
    expect(bad.status).toBe(400)
    expect(refusal(bad.body).issues).toEqual([{ field: 'area', reason: 'must be a 12-digit area code' }])
    expect((await get('/api/v1/mediation-bodies')).status).toBe(200)
    expect((await call(url('/api/v1/mediation-bodies'), 'GET')).status).toBe(401)
  })
})

describe('a dispute mediated from referral to judicial confirmation', () => {
  it('refers it, records the agreement with its amount, has it confirmed; each a history step and a change on the stream', async () => {
    const c = await report()
    const watcher = watch(city.server.url, [`grid:${X}`])
    await watcher.hello
    const referredAt = clock.now()
    const m = await referred(c.id)
    expect(m).toEqual({
      id: m.id, caseId: c.id, bodyId: body.township, bodyName: NAMES.township, kind: 'people', mode: 'entrusted', referredAt: referredAt.toISOString(),
      sessions: 0, outcome: null, endedAt: null, amountYuan: null, confirmedAt: null,
    })
    // The case's facts are as they were; its version is new, so every desk holding the case reads it again.
    await until(() => watcher.received.some((ch) => ch.entity === 'case' && ch.data.id === c.id && ch.data.version === c.version + 1), 'the referral on the stream')

    clock.advance(2 * DAY)
    const endedAt = clock.now()
    const ended = await result(c.id, m.id, { outcome: 'agreement', sessions: 3, amountYuan: 12000.5, note: '双方同意分摊赡养费用' })
    expect(ended.status, JSON.stringify(ended.body)).toBe(200)
    expect(Mediation.parse(ended.body)).toMatchObject({ outcome: 'agreement', sessions: 3, amountYuan: 12000.5, endedAt: endedAt.toISOString(), confirmedAt: null })

    clock.advance(DAY)
    const confirmedAt = new Date(clock.now().getTime() - 2 * HOUR)
    const confirmed = await result(c.id, m.id, { confirmedAt: confirmedAt.toISOString() })
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
    expect(Mediation.parse(confirmed.body)).toMatchObject({ confirmedAt: confirmedAt.toISOString(), amountYuan: 12000.5 })

    const read = await get(`/api/v1/cases/${c.id}/mediations`, as.wall)
    expect(read.status).toBe(200)
    expect(CaseMediations.parse(read.body)).toEqual({ caseId: c.id, mediations: [Mediation.parse(confirmed.body)] })

    const detail = CaseDetail.parse((await get(`/api/v1/cases/${c.id}`, as.townshipOfficer)).body)
    expect(detail.version).toBe(c.version + 3)
    expect(detail.state).toBe(c.state)
    expect(detail.history.slice(-3).map((h) => [h.step, h.actorRole, h.note])).toEqual([
      ['mediate', 'township', `移交${NAMES.township}（人民调解·委托调解）`],
      ['mediation_result', 'township', `${NAMES.township}调解3次，达成协议，协议金额12000.5元：双方同意分摊赡养费用`],
      ['judicial_confirmation', 'township', `调解协议经法院司法确认（${new Date(confirmedAt.getTime() + 8 * HOUR).toISOString().slice(0, 10)}）`],
    ])
    // The wall sees that there were steps, not what their notes say.
    const walled = CaseDetail.parse((await get(`/api/v1/cases/${c.id}`, as.wall)).body)
    expect(walled.history.slice(-3).map((h) => [h.step, h.note])).toEqual([['mediate', null], ['mediation_result', null], ['judicial_confirmation', null]])

    await until(() => watcher.received.some((ch) => ch.entity === 'case' && ch.data.id === c.id && ch.data.version === c.version + 3), 'the confirmation on the stream')
    const logged = await city.db.query<{ payload: unknown }>(`SELECT payload FROM change_log WHERE entity = 'case' AND entity_id = $1 ORDER BY seq`, [String(c.id)])
    expect(logged.map((r) => (r.payload as CaseSummary).version)).toEqual([0, 1, 2, 3].map((n) => c.version + n))
    expect(logged.filter((r) => /赡养|张三|调解|12000/.test(JSON.stringify(r.payload)))).toEqual([])

    const figures = (area: string | null) => city.db.query(
      `SELECT referred, concluded, agreements, confirmed, amount_yuan AS "amountYuan" FROM mediation_figures($1, $2, $3) WHERE mediation_id = $4`,
      [new Date(SEEDED_AT), new Date(clock.now().getTime() + DAY), area, m.id])
    expect(await figures(null)).toEqual([{ referred: 1, concluded: 1, agreements: 1, confirmed: 1, amountYuan: 12000.5 }])
    expect(await figures(TOWNSHIP)).toHaveLength(1)
    expect(await figures(outTownship)).toEqual([])
  })

  it('lets a specialised committee of the city take a labour dispute, as a grid worker refers it', async () => {
    const c = await report('labour')
    const { status, body: b } = await refer(c.id, { bodyId: body.labour, kind: 'industry', mode: 'on_site' }, as.gridWorker)
    expect(status, JSON.stringify(b)).toBe(201)
    expect(Mediation.parse(b)).toMatchObject({ bodyName: NAMES.labour, kind: 'industry', mode: 'on_site' })
    const detail = CaseDetail.parse((await get(`/api/v1/cases/${c.id}`)).body)
    expect(detail.history.at(-1)).toMatchObject({ step: 'mediate', actorRole: 'grid_worker', note: `移交${NAMES.labour}（行业调解·当场调解）` })
    // Without an agreement nothing is settled, and the case may be referred again.
    const ended = await result(c.id, Mediation.parse(b).id, { outcome: 'no_agreement', sessions: 1 }, as.gridWorker)
    expect(Mediation.parse(ended.body)).toMatchObject({ outcome: 'no_agreement', amountYuan: null })
    expect((await refer(c.id, { bodyId: body.labour }, as.gridWorker)).status).toBe(201)
    expect(CaseMediations.parse((await get(`/api/v1/cases/${c.id}/mediations`)).body).mediations.map((m) => m.outcome)).toEqual(['no_agreement', null])
  })
})

describe('what a referral refuses', () => {
  it('a hazard (409): only a dispute is mediated', async () => {
    const c = await report('fire', 'hazard')
    const { status, body: b } = await refer(c.id, { bodyId: body.township })
    expect(status).toBe(409)
    expect(refusal(b)).toMatchObject({ code: 'not_a_dispute', message: `case ${c.id} reports a hazard (fire), not a dispute: only a dispute is referred to mediation` })
  })

  it('a closed case (409)', async () => {
    const c = await report()
    for (const s of [{ step: 'sign_for' }, { step: 'verify' }, { step: 'handle' }, { step: 'feed_back' }, { step: 'close', resolved: true, satisfaction: 'satisfied' }]) {
      const stepped = await post(`/api/v1/cases/${c.id}/steps`, s, as.dutyLeader)
      expect(stepped.status, JSON.stringify(stepped.body)).toBe(200)
    }
    const { status, body: b } = await refer(c.id, { bodyId: body.township })
    expect(status).toBe(409)
    expect(refusal(b).code).toBe('case_closed')
  })

  it('a second mediation while one is open (409), naming the open one', async () => {
    const c = await report()
    const m = await referred(c.id)
    const { status, body: b } = await refer(c.id, { bodyId: body.township })
    expect(status).toBe(409)
    expect(refusal(b)).toMatchObject({ code: 'mediation_open', message: expect.stringContaining(`mediation ${m.id} open at ${NAMES.township}`) })
  })

  it('a body that does not exist, does not serve the case, or does not take its kind of dispute (400 naming bodyId)', async () => {
    const c = await report()
    const cases: [number, string][] = [
      [2_000_000_000, 'no mediation body with id 2000000000'],
      [body.other, `${NAMES.other} serves ${(await city.db.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [outTownship]))[0]!.name}, where case ${c.id} does not lie`],
      [body.labour, `${NAMES.labour} does not take family disputes; it takes labour`],
    ]
    for (const [bodyId, reason] of cases) {
      const { status, body: b } = await refer(c.id, { bodyId })
      expect(status, reason).toBe(400)
      expect(refusal(b).issues, reason).toEqual([{ field: 'bodyId', reason }])
    }
    expect(CaseMediations.parse((await get(`/api/v1/cases/${c.id}/mediations`)).body).mediations).toEqual([])
    expect((await get(`/api/v1/cases/${c.id}`)).body).toMatchObject({ version: c.version })
  })

  it('a malformed request (400 naming each field)', async () => {
    const c = await report()
    const { status, body: b } = await post(`/api/v1/cases/${c.id}/mediations`, { bodyId: 'one', kind: 'court', mode: 'entrusted', extra: 1 })
    expect(status).toBe(400)
    expect(refusal(b).issues!.map((i) => i.field).sort()).toEqual(['bodyId', 'extra', 'kind'])
  })

  it('of two referrals at once, takes one (201) and refuses the other (409)', async () => {
    const c = await report()
    const both = await Promise.all([refer(c.id, { bodyId: body.township }), refer(c.id, { bodyId: body.township })])
    expect(both.map((r) => r.status).sort()).toEqual([201, 409])
    expect(refusal(both.find((r) => r.status === 409)!.body).code).toBe('mediation_open')
    expect(await city.db.query('SELECT count(*)::int AS n FROM case_mediations WHERE case_id = $1', [c.id])).toEqual([{ n: 1 }])
    const steps = CaseDetail.parse((await get(`/api/v1/cases/${c.id}`)).body).history.filter((h) => h.step === 'mediate')
    expect(steps).toHaveLength(1)
  })
})

describe('what recording a result refuses', () => {
  it('an outcome recorded twice (409), a confirmation before an agreement (409) or before it ended (400), a second confirmation (409)', async () => {
    const c = await report()
    const m = await referred(c.id)
    const early = await result(c.id, m.id, { confirmedAt: clock.now().toISOString() })
    expect(early.status).toBe(409)
    expect(refusal(early.body)).toMatchObject({ code: 'not_an_agreement', message: expect.stringContaining('has no outcome yet') })

    clock.advance(HOUR)
    const endedAt = clock.now()
    expect((await result(c.id, m.id, { outcome: 'agreement', sessions: 1 })).status).toBe(200)
    const again = await result(c.id, m.id, { outcome: 'no_agreement', sessions: 2 })
    expect(again.status).toBe(409)
    expect(refusal(again.body).code).toBe('mediation_ended')

    clock.advance(HOUR)
    for (const [at, reason] of [
      [new Date(endedAt.getTime() - 1000), `is before the mediation ended (${endedAt.toISOString()})`],
      [new Date(clock.now().getTime() + HOUR), 'is in the future'],
    ] as const) {
      const { status, body: b } = await result(c.id, m.id, { confirmedAt: at.toISOString() })
      expect(status, reason).toBe(400)
      expect(refusal(b).issues).toEqual([{ field: 'confirmedAt', reason }])
    }
    expect((await result(c.id, m.id, { confirmedAt: clock.now().toISOString() })).status).toBe(200)
    const twice = await result(c.id, m.id, { confirmedAt: clock.now().toISOString() })
    expect(twice.status).toBe(409)
    expect(refusal(twice.body).code).toBe('already_confirmed')
    const steps = CaseDetail.parse((await get(`/api/v1/cases/${c.id}`)).body).history.map((h) => h.step)
    expect(steps.filter((s) => s === 'mediation_result' || s === 'judicial_confirmation')).toEqual(['mediation_result', 'judicial_confirmation'])
  })

  it('a confirmation of no agreement (409)', async () => {
    const c = await report()
    const m = await referred(c.id)
    expect((await result(c.id, m.id, { outcome: 'no_agreement', sessions: 2 })).status).toBe(200)
    const { status, body: b } = await result(c.id, m.id, { confirmedAt: clock.now().toISOString() })
    expect(status).toBe(409)
    expect(refusal(b)).toMatchObject({ code: 'not_an_agreement', message: expect.stringContaining('ended without an agreement') })
  })

  it('a result that is not one (400 naming the field), and a mediation of another case (404)', async () => {
    const c = await report()
    const m = await referred(c.id)
    for (const [sent, issues] of [
      [{ outcome: 'agreement' }, [{ field: 'sessions', reason: 'is required with an outcome' }]],
      [{ outcome: 'no_agreement', sessions: 1, amountYuan: 100 }, [{ field: 'amountYuan', reason: 'only an agreement settles an amount' }]],
      [{ sessions: 2, note: '' }, [{ field: 'outcome', reason: 'give an outcome, or the date a court confirmed the agreement' }]],
      [{ sessions: 2, confirmedAt: clock.now().toISOString() }, [{ field: 'sessions', reason: 'is recorded with an outcome' }]],
    ] as const) {
      const { status, body: b } = await result(c.id, m.id, sent)
      expect(status, JSON.stringify(sent)).toBe(400)
      expect(refusal(b).issues, JSON.stringify(sent)).toEqual(issues)
    }
    const other = await report()
    const { status, body: b } = await result(other.id, m.id, { outcome: 'agreement', sessions: 1 })
    expect(status).toBe(404)
    expect(refusal(b).message).toBe(`case ${other.id} has no mediation with id ${m.id}`)
    expect(CaseMediations.parse((await get(`/api/v1/cases/${c.id}/mediations`)).body).mediations[0]!.outcome).toBeNull()
  })
})

describe('who may', () => {
  it("keeps a case outside an officer's scope from them (404), and mediation from the roles that do not handle cases (403)", async () => {
    const out = await report('neighbour', 'dispute', outPoint)
    const refused = await refer(out.id, { bodyId: body.other })
    expect(refused.status).toBe(404)
    expect(refusal(refused.body).message).toBe(`no case with id ${out.id} in this account's scope`)
    const m = Mediation.parse((await refer(out.id, { bodyId: body.other }, as.dutyLeader)).body)
    expect((await get(`/api/v1/cases/${out.id}/mediations`, as.townshipOfficer)).status).toBe(404)
    expect((await result(out.id, m.id, { outcome: 'agreement', sessions: 1 })).status).toBe(404)
    expect((await result(out.id, m.id, { outcome: 'agreement', sessions: 1 }, as.departmentOfficer)).status).toBe(404)

    const c = await report()
    expect((await refer(c.id, { bodyId: body.township }, as.departmentOfficer)).status).toBe(404)
    for (const who of [as.operator, as.analyst, as.admin, as.wall]) {
      const { status, body: b } = await refer(c.id, { bodyId: body.township }, who)
      expect(status).toBe(403)
      expect(refusal(b).code).toBe('forbidden')
    }
    expect(CaseMediations.parse((await get(`/api/v1/cases/${c.id}/mediations`, as.analyst)).body).mediations).toEqual([])
  })
})
