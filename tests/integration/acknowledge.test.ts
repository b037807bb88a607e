import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ApiErrorBody, CaseDetail, CaseSummary, type Change, IssuedKey } from '../../contract'
import { manualClock } from '../../server/src/clock'
import { closeWatchers, until, watch } from '../support/live'
import { SEEDED_AT } from '../support/seededCity'
import { as, call, type Who } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

/**
 * An urgent hazard's alarm acknowledged at a desk (确认收到, issue 20): the centre's seats and the duty leaders in
 * scope confirm it once; the step is in the case's history, the case's new version on the stream after the
 * write is committed, and nothing personal with it; everyone else, out of scope, twice, or for what is no open
 * urgent hazard is refused.
 */
const HOUR = 3_600_000
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
const city = servedCity({ clock })
afterEach(closeWatchers)

const X = '231281001001001'
const TOWNSHIP = '231281001000'
let inX: [number, number]
let outPoint: [number, number]
/** Bearer headers of duty leaders of 新兴街道 (X's township) and of another township. */
let leaderHere: Record<string, string>
let leaderElsewhere: Record<string, string>

const PERSONAL = ['李四', '13900004444', '231281198502020021', '李四家楼道']

async function dutyLeaderOf(login: string, region: string): Promise<Record<string, string>> {
  const made = await call(`${city.server.url}/api/v1/accounts`, 'POST',
    { login, displayName: '乡镇值班', role: 'duty_leader', scope: { region }, password: 'long-enough-1' }, as.admin)
  expect(made.status, JSON.stringify(made.body)).toBe(201)
  const { key } = IssuedKey.parse((await call(`${city.server.url}/api/v1/accounts/${login}/keys`, 'POST', { label: 'test' }, as.admin)).body)
  return { authorization: `Bearer ${key}` }
}

beforeAll(async () => {
  inX = await pointInGrid(city.db, X)
  const [other] = await city.db.query<{ code: string }>(
    `SELECT code FROM grids WHERE valid_to IS NULL AND code NOT LIKE '231281001%' ORDER BY code LIMIT 1`)
  outPoint = await pointInGrid(city.db, other!.code)
  leaderHere = await dutyLeaderOf('leader-here', TOWNSHIP)
  leaderElsewhere = await dutyLeaderOf('leader-elsewhere', `${other!.code.slice(0, 9)}000`)
})

const url = (path: string) => city.server.url + path
const report = async (kind = 'gas', category = 'hazard', at = inX): Promise<CaseSummary> => {
  const { status, body } = await call(url('/api/v1/cases'), 'POST', {
    category, kind, source: 'hotline_12345', location: at, description: '李四家楼道内燃气味很浓',
    parties: [{ role: 'applicant', name: '李四', phone: '13900004444', idNumber: '231281198502020021' }],
  }, as.dutyLeader)
  expect(status, JSON.stringify(body)).toBe(201)
  return CaseSummary.parse(body)
}
const acknowledge = (id: number, who: Record<string, string> = as.operator, body: unknown = {}) => call(url(`/api/v1/cases/${id}/acknowledge`), 'POST', body, who)
const history = (id: number) => city.db.query<{ step: string; actor_role: string; level: string; note: string; at: Date }>(
  'SELECT step, actor_role, level, note, at FROM case_history WHERE case_id = $1 ORDER BY at, id', [id])
const refusal = (b: unknown) => ApiErrorBody.parse(b)

describe('POST /api/v1/cases/:id/acknowledge', () => {
  it('lets a seat confirm an urgent hazard: the step in its history, its time on the case, state and clocks as they were', async () => {
    const c = await report('fire')
    clock.advance(5 * 60_000)
    const { status, body } = await acknowledge(c.id, as.operator, { note: '已通知消防救援大队' })
    expect(status, JSON.stringify(body)).toBe(200)
    const after = CaseSummary.parse(body)
    expect(after).toEqual({ ...c, acknowledgedAt: clock.now().toISOString(), version: c.version + 1 })
    expect((await history(c.id)).at(-1)).toEqual({ step: 'acknowledge', actor_role: 'city', level: c.level, note: '已通知消防救援大队', at: clock.now() })
    const detail = CaseDetail.parse((await call(url(`/api/v1/cases/${c.id}`), 'GET', undefined, as.dutyLeader)).body)
    expect(detail.history.at(-1)).toMatchObject({ step: 'acknowledge', actorRole: 'city', at: clock.now().toISOString(), note: '已通知消防救援大队' })
    expect(detail).toMatchObject({ acknowledgedAt: clock.now().toISOString(), state: c.state, level: c.level, dueAt: c.dueAt })
  })

  it('lets a duty leader of the township confirm one there, and a city-wide one anywhere', async () => {
    const here = await report('flood')
    const { status, body } = await acknowledge(here.id, leaderHere)
    expect(status, JSON.stringify(body)).toBe(200)
    expect((await history(here.id)).at(-1)).toMatchObject({ step: 'acknowledge', actor_role: 'duty_leader', note: '' })
    const far = await report('electric', 'hazard', outPoint)
    expect((await acknowledge(far.id, as.dutyLeader)).status).toBe(200)
  })

  it('refuses every other role 403, and a duty leader of another township 404, as for a case that is not there; nothing is written', async () => {
    const c = await report()
    const others: Who[] = ['gridWorker', 'communityOfficer', 'townshipOfficer', 'departmentOfficer', 'analyst', 'admin', 'wall', 'simulator']
    for (const who of others) {
      const { status, body } = await acknowledge(c.id, as[who])
      expect([who, status]).toEqual([who, 403])
      expect(refusal(body).code).toBe('forbidden')
    }
    expect((await acknowledge(c.id, {})).status).toBe(401)
    const { status, body } = await acknowledge(c.id, leaderElsewhere)
    expect(status).toBe(404)
    expect(refusal(body)).toEqual({ code: 'not_found', message: `no case with id ${c.id} in this account's scope` })
    expect((await history(c.id)).map((h) => h.step)).toEqual(['collect'])
    expect((await city.db.query('SELECT acknowledged_at FROM cases WHERE id = $1', [c.id]))[0]).toEqual({ acknowledged_at: null })
  })

  it('refuses a second acknowledgement 409, even when two come at once', async () => {
    const c = await report()
    expect((await acknowledge(c.id)).status).toBe(200)
    const again = await acknowledge(c.id, as.dutyLeader)
    expect(again.status).toBe(409)
    expect(refusal(again.body)).toEqual({ code: 'already_acknowledged', message: `case was acknowledged already at ${clock.now().toISOString()}` })
    const racing = await report('fire')
    const both = await Promise.all([acknowledge(racing.id, as.operator), acknowledge(racing.id, as.dutyLeader)])
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    expect((await history(racing.id)).filter((h) => h.step === 'acknowledge')).toHaveLength(1)
    expect((await history(c.id)).filter((h) => h.step === 'acknowledge')).toHaveLength(1)
  })

  it('refuses 409 what is no open urgent hazard: a dispute, a hazard that can wait, a closed one', async () => {
    const dispute = await report('neighbour', 'dispute')
    expect(await acknowledge(dispute.id)).toEqual({
      status: 409, body: { code: 'not_urgent', message: 'case reports a dispute, not an urgent hazard: only those are acknowledged' },
    })
    const road = await report('road')
    expect(refusal((await acknowledge(road.id)).body).code).toBe('not_urgent')
    const closed = await report('gas')
    for (const s of [{ step: 'sign_for' }, { step: 'verify' }, { step: 'handle' }, { step: 'feed_back' }, { step: 'close', resolved: true, satisfaction: 'satisfied' }]) {
      const stepped = await call(url(`/api/v1/cases/${closed.id}/steps`), 'POST', s, as.dutyLeader)
      expect(stepped.status, JSON.stringify(stepped.body)).toBe(200)
    }
    expect(await acknowledge(closed.id)).toEqual({
      status: 409, body: { code: 'case_closed', message: 'case is closed; only an open urgent hazard is acknowledged' },
    })
  })

  it('refuses a body with anything but a note 400, naming the field', async () => {
    const c = await report()
    const { status, body } = await acknowledge(c.id, as.operator, { note: '收到', expectedVersion: 1 })
    expect(status).toBe(400)
    expect(refusal(body).issues).toEqual([{ field: 'expectedVersion', reason: 'is not a known parameter' }])
  })

  it('streams the case once the write is committed, with nothing personal in the frame', async () => {
    const c = await report('fire')
    const watcher = watch(city.server.url, ['city'])
    await watcher.hello
    // What the store holds at the moment the frame arrives: a frame sent before the commit would find the old row.
    let seenInStore: Promise<unknown> | null = null
    watcher.socket.on('live:changes', (frame: Change[]) => {
      if (seenInStore === null && frame.some((ch) => ch.entity === 'case' && ch.data.id === c.id && ch.data.acknowledgedAt)) {
        seenInStore = city.db.query(
          `SELECT c.acknowledged_at IS NOT NULL AS acknowledged, (SELECT count(*)::int FROM case_history h WHERE h.case_id = c.id AND h.step = 'acknowledge') AS steps
           FROM cases c WHERE c.id = $1`, [c.id])
      }
    })
    const { body } = await acknowledge(c.id, as.operator, { note: '李四家楼道已疏散' })
    await until(() => watcher.received.some((ch) => ch.entity === 'case' && ch.data.id === c.id && ch.data.acknowledgedAt !== null), 'the acknowledgement on the stream')
    expect(await seenInStore).toEqual([{ acknowledged: true, steps: 1 }])
    const change = watcher.received.find((ch) => ch.entity === 'case' && ch.data.id === c.id && ch.data.acknowledgedAt !== null)!
    expect(change).toMatchObject({ op: 'update', data: CaseSummary.parse(body) })
    const [logged] = await city.db.query<{ seq: number; payload: unknown }>(
      `SELECT seq, payload FROM change_log WHERE entity = 'case' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`, [String(c.id)])
    expect(change.seq).toBe(logged!.seq)
    for (const personal of PERSONAL) {
      expect(JSON.stringify(watcher.received)).not.toContain(personal)
      expect(JSON.stringify(logged!.payload)).not.toContain(personal)
    }
  })
})
