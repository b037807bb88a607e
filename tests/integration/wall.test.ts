import { beforeAll, describe, expect, it } from 'vitest'
import { ApiErrorBody, AttentionCases, DutyNow, HourlyReports } from '../../contract'
import { ensureDemoRoster } from '../../data/demoRoster'
import { manualClock } from '../../server/src/clock'
import { SEEDED_AT } from '../support/seededCity'
import { as, call, type Who } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

const HOUR = 3_600_000
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
const city = servedCity({ clock })
const XINXING = '231281001000'
let inGrid: [number, number]
let otherTownship: string
beforeAll(async () => {
  inGrid = await pointInGrid(city.db, '231281001001001')
  const [t] = await city.db.query<{ code: string }>(`SELECT code FROM regions WHERE level = 'township' AND code <> $1 ORDER BY code LIMIT 1`, [XINXING])
  otherTownship = t!.code
})

const get = (path: string, who?: Who) => call(city.server.url + path, 'GET', undefined, who ? as[who] : {})
const count = async (sql: string, params: unknown[] = []) => Number((await city.db.query<{ n: number }>(sql, params))[0]!.n)

describe('GET /api/v1/duty', () => {
  it('names the duty leader on shift and their desk phone to city-wide readers, and to nobody else', async () => {
    expect((await get('/api/v1/duty')).status).toBe(401)
    for (const who of ['townshipOfficer', 'communityOfficer', 'gridWorker', 'departmentOfficer'] as const) {
      const res = await get('/api/v1/duty', who)
      expect(res.status, who).toBe(403)
      expect(ApiErrorBody.parse(res.body).code, who).toBe('out_of_scope')
    }
    // Before the roster is filled in: nobody on it now, said so rather than made up.
    expect(DutyNow.parse((await get('/api/v1/duty', 'wall')).body).leader).toBeNull()

    await ensureDemoRoster(city.db, clock.now())
    await ensureDemoRoster(city.db, clock.now())
    expect(await count(`SELECT count(*) AS n FROM duty_shifts`), 'filled in once, however often the demo starts').toBe(32)
    for (const who of ['wall', 'dutyLeader', 'operator'] as const) {
      const res = await get('/api/v1/duty', who)
      expect(res.status, who).toBe(200)
      const { leader, at } = DutyNow.parse(res.body)
      expect(at).toBe(clock.now().toISOString())
      expect(leader).toMatchObject({ name: '王振国', deskPhone: '0455-7512345' })
      expect(Date.parse(leader!.from)).toBeLessThanOrEqual(clock.now().getTime())
      expect(Date.parse(leader!.to)).toBeGreaterThan(clock.now().getTime())
    }
    // A disabled account leads no shift.
    await city.db.query(`UPDATE accounts SET enabled = false WHERE login = 'leader'`)
    expect(DutyNow.parse((await get('/api/v1/duty', 'wall')).body).leader).toBeNull()
    await city.db.query(`UPDATE accounts SET enabled = true WHERE login = 'leader'`)
    expect((await get('/api/v1/duty?region=231281000000', 'wall')).status).toBe(400)
  })
})

describe('GET /api/v1/wall/hourly', () => {
  it('counts the reports of each of the last 24 hours as received, for the reader\'s area only', async () => {
    expect((await get('/api/v1/wall/hourly')).status).toBe(401)
    const res = await call(`${city.server.url}/api/v1/cases`, 'POST', { category: 'dispute', kind: 'neighbour', source: 'grid_worker', location: inGrid }, as.gridWorker)
    expect(res.status).toBe(201)
    const body = HourlyReports.parse((await get('/api/v1/wall/hourly', 'wall')).body)
    const now = clock.now().getTime()
    expect(Date.parse(body.hours.at(-1)!.hour)).toBe(Math.floor(now / HOUR) * HOUR)
    expect(Date.parse(body.hours[0]!.hour)).toBe(Math.floor(now / HOUR) * HOUR - 23 * HOUR)
    for (const { hour, reports } of body.hours) {
      expect(reports, hour).toBe(await count(`SELECT count(*) AS n FROM cases WHERE reported_at >= $1 AND reported_at < $1::timestamptz + interval '1 hour'`, [hour]))
    }
    expect(body.hours.reduce((s, h) => s + h.reports, 0)).toBeGreaterThan(0)

    const own = HourlyReports.parse((await get('/api/v1/wall/hourly', 'townshipOfficer')).body)
    for (const { hour, reports } of own.hours) {
      expect(reports, hour).toBe(await count(`SELECT count(*) AS n FROM cases c JOIN regions t ON t.id = c.township_id
        WHERE t.code = $2 AND reported_at >= $1 AND reported_at < $1::timestamptz + interval '1 hour'`, [hour, XINXING]))
    }
    expect((await get(`/api/v1/wall/hourly?region=${otherTownship}`, 'townshipOfficer')).status).toBe(403)
    expect((await get('/api/v1/wall/hourly', 'departmentOfficer')).status).toBe(403)
    expect((await get(`/api/v1/wall/hourly?region=${otherTownship}`, 'wall')).status).toBe(200)
    expect(ApiErrorBody.parse((await get('/api/v1/wall/hourly?region=12', 'wall')).body).code).toBe('invalid_query')
  })
})

describe('GET /api/v1/wall/attention', () => {
  it('lists the open cases moved up or overdue, where and since when, with no free text, and counts them all', async () => {
    expect((await get('/api/v1/wall/attention')).status).toBe(401)
    const posted = await call(`${city.server.url}/api/v1/cases`, 'POST', {
      category: 'hazard', kind: 'gas', source: 'grid_worker', location: inGrid, description: '张三家燃气泄漏',
    }, as.gridWorker)
    const { id, code, version } = posted.body as { id: number; code: string; version: number }
    const moved = await call(`${city.server.url}/api/v1/cases/${id}/escalate`, 'POST', { reason: '群众多次反映', expectedVersion: version }, as.dutyLeader)
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)

    const res = await get('/api/v1/wall/attention', 'wall')
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.body)).not.toContain('张三')
    const body = AttentionCases.parse(res.body)
    const now = clock.now()
    expect(body.overdue).toBe(await count(`SELECT count(*) AS n FROM cases WHERE state <> 'closed' AND due_at < $1`, [now]))
    expect(body.escalated).toBe(await count(`SELECT count(*) AS n FROM cases WHERE state <> 'closed' AND escalations > 0`))
    expect(body.escalated).toBeGreaterThan(0)
    expect(body.total).toBe(await count(`SELECT count(*) AS n FROM cases WHERE state <> 'closed' AND (due_at < $1 OR escalations > 0)`, [now]))
    const listed = body.cases.find((c) => c.code === code)
    expect(listed).toMatchObject({ category: 'hazard', kind: 'gas', level: 'community', township: '新兴街道', escalations: 1, overdueSince: null })
    expect(listed!.escalatedAt).toBe(now.toISOString())
    expect(listed!.community).toBe((await city.db.query<{ name: string }>(`SELECT name FROM regions WHERE code = '231281001001'`))[0]!.name)
    // Longest waiting first.
    const since = body.cases.map((c) => Math.min(...[c.overdueSince, c.escalatedAt].filter((t) => t !== null).map(Date.parse)))
    expect(since).toEqual([...since].sort((a, b) => a - b))

    const own = AttentionCases.parse((await get('/api/v1/wall/attention', 'townshipOfficer')).body)
    expect(own.cases.every((c) => c.township === '新兴街道')).toBe(true)
    expect(own.cases.some((c) => c.code === code)).toBe(true)
    expect((await get(`/api/v1/wall/attention?region=${otherTownship}`, 'townshipOfficer')).status).toBe(403)
    const other = AttentionCases.parse((await get(`/api/v1/wall/attention?region=${otherTownship}`, 'wall')).body)
    expect(other.cases.some((c) => c.code === code)).toBe(false)
  })
})
