import { beforeAll, describe, expect, it } from 'vitest'
import { CaseDetail, CaseSummary, IssuedKey, LiveSnapshot, PartyAccess } from '../../contract'
import { tileAt } from '../../domain/tileMath'
import { as, call, type Who } from '../support/serve'
import { pointInGrid, servedCity } from '../support/servedCity'

/**
 * Every route × every role × in and out of scope: the status each gets, and for the reads what each
 * sees. "In" is 新兴街道's first grid (the grid worker's, inside the community officer's community and the
 * township officer's township); "out" is a grid of another township. Writes that pass the door are sent
 * with a stale version or an empty body, so the answer (409, 400) proves the caller got past their role
 * and scope without changing the city for the next row.
 */
const city = servedCity()
const IN_GRID = '231281001001001'
const TOWNSHIP = '231281001000'
/** The department officer's department. */
const DEPARTMENT = '新兴街道司法所'
let outGrid: string
let outTownship: string
let inCase: CaseSummary
let outCase: CaseSummary
let routedCase: CaseSummary
let inPoint: [number, number]
let outPoint: [number, number]
let inUnit: number
let outUnit: number
/** The Open311 service request of the in-scope case: its report. */
let inRequest: string
/** A people's mediation committee of the township, and the in-scope case's mediation there, open. */
let inBody: number
let inMediation: number

const WHO: readonly Who[] = [
  'operator', 'gridWorker', 'communityOfficer', 'townshipOfficer', 'departmentOfficer', 'dutyLeader', 'analyst', 'admin', 'wall', 'simulator',
]
type Caller = Who | 'nobody'
const CALLERS: readonly Caller[] = ['nobody', ...WHO]
const CITY_WIDE: readonly Who[] = ['operator', 'dutyLeader', 'analyst', 'admin', 'wall', 'simulator']
/** Who reaches the in-scope case: everyone whose area holds its grid. */
const REACH_IN: readonly Who[] = [...CITY_WIDE, 'gridWorker', 'communityOfficer', 'townshipOfficer']

const headers = (who: Caller) => (who === 'nobody' ? {} : as[who])
const only = (allowed: readonly Who[], yes: number, no = 403) => (who: Caller) => (who === 'nobody' ? 401 : allowed.includes(who) ? yes : no)
/** Open311 answers a missing key 403, as the GeoReport v2 specification has it, not 401. */
const open311Only = (allowed: readonly Who[], yes: number, no = 403) => (who: Caller) => (who === 'nobody' ? 403 : allowed.includes(who) ? yes : no)
/** Who takes intake: the seats and the services. */
const INTAKE: readonly Who[] = ['operator', 'dutyLeader', 'simulator']

async function report(point: [number, number], kind = 'neighbour'): Promise<CaseSummary> {
  const { status, body } = await call(`${city.server.url}/api/v1/cases`, 'POST',
    { category: 'dispute', kind, source: 'hotline_12345', location: point, description: '王五反映邻居噪音扰民' }, as.dutyLeader)
  expect(status).toBe(201)
  return CaseSummary.parse(body)
}

beforeAll(async () => {
  const [other] = await city.db.query<{ code: string }>(
    `SELECT code FROM grids WHERE valid_to IS NULL AND code NOT LIKE '231281001%' ORDER BY code LIMIT 1`)
  outGrid = other!.code
  outTownship = `${outGrid.slice(0, 9)}000`
  inPoint = await pointInGrid(city.db, IN_GRID)
  outPoint = await pointInGrid(city.db, outGrid)
  const unitOf = async (inside: boolean) => (await city.db.query<{ id: number }>(
    `SELECT id FROM patrol_unit_public WHERE (township_code = $1) = $2 ORDER BY id LIMIT 1`, [TOWNSHIP, inside]))[0]!.id
  inUnit = await unitOf(true)
  outUnit = await unitOf(false)
  inCase = await report(inPoint)
  inRequest = (await city.db.query<{ id: string }>('SELECT id::text AS id FROM case_reports WHERE case_id = $1', [inCase.id]))[0]!.id
  // The simulator files through Open311 as the 12345 platform; the seats file by no channel there.
  await city.db.query(`INSERT INTO intake_clients (account_id, channel) SELECT id, 'hotline_12345' FROM accounts WHERE login = 'simulator'`)
  outCase = await report(outPoint)
  // A case of another township, taken up to the city (each level signing for it) and routed there to 新兴街道司法所:
  // the department's desk reaches it wherever it lies.
  routedCase = await report(outPoint, 'land')
  const up = [{ step: 'report_up' }, { step: 'sign_for' }]
  for (const step of [{ step: 'sign_for' }, { step: 'verify' }, ...up, ...up, ...up, { step: 'route', lead: DEPARTMENT }]) {
    const { status } = await call(`${city.server.url}/api/v1/cases/${routedCase.id}/steps`, 'POST', step, as.dutyLeader)
    expect(status).toBe(200)
  }
  inBody = (await city.db.query<{ id: number }>(
    `INSERT INTO mediation_bodies (name, kind, region_id, geom, dispute_kinds)
     SELECT '测试·新兴街道人民调解委员会', 'township', id, ST_PointOnSurface(geom), ARRAY['neighbour', 'family'] FROM regions WHERE code = $1 RETURNING id`,
    [TOWNSHIP]))[0]!.id
  const referred = await call(`${city.server.url}/api/v1/cases/${inCase.id}/mediations`, 'POST', { bodyId: inBody, kind: 'people', mode: 'on_site' }, as.dutyLeader)
  expect(referred.status).toBe(201)
  inMediation = (referred.body as { id: number }).id
})

/** The x/y of the web-mercator tile at zoom `z` holding the point. */
const tileOf = (point: [number, number], z: number) => `${tileAt(point, z).x}/${tileAt(point, z).y}`

type Row = { name: string; method: string; path: () => string; body?: () => unknown; expect: (who: Caller) => number }

const ROWS: Row[] = [
  { name: 'who am I', method: 'GET', path: () => '/api/v1/me', expect: only(WHO, 200) },
  { name: 'list cases', method: 'GET', path: () => '/api/v1/cases', expect: only(WHO, 200) },
  { name: 'list cases of another township', method: 'GET', path: () => `/api/v1/cases?region=${outTownship}`, expect: only([...CITY_WIDE, 'departmentOfficer'], 200) },
  { name: 'read a case in scope', method: 'GET', path: () => `/api/v1/cases/${inCase.id}`, expect: only(REACH_IN, 200, 404) },
  { name: 'read a case out of scope', method: 'GET', path: () => `/api/v1/cases/${outCase.id}`, expect: only(CITY_WIDE, 200, 404) },
  { name: "read a case routed to one's department", method: 'GET', path: () => `/api/v1/cases/${routedCase.id}`, expect: only([...CITY_WIDE, 'departmentOfficer'], 200, 404) },
  { name: "read a case's parties", method: 'GET', path: () => `/api/v1/cases/${inCase.id}/parties`, expect: only(['dutyLeader'], 200) },
  {
    name: 'report in scope', method: 'POST', path: () => '/api/v1/cases',
    body: () => ({ category: 'dispute', kind: 'neighbour', source: 'hotline_12345', location: inPoint, description: '', bogus: 1 }),
    expect: (who) => (who === 'nobody' ? 401 : ['operator', 'gridWorker', 'communityOfficer', 'townshipOfficer', 'dutyLeader', 'simulator'].includes(who) ? 400 : 403),
  },
  {
    name: 'report out of scope', method: 'POST', path: () => '/api/v1/cases',
    body: () => ({ category: 'dispute', kind: 'neighbour', source: 'hotline_12345', location: outPoint, description: '' }),
    expect: (who) => (who === 'nobody' ? 401 : ['operator', 'dutyLeader', 'simulator'].includes(who) ? 201
      : ['gridWorker', 'communityOfficer', 'townshipOfficer'].includes(who) ? 403 : 403),
  },
  {
    name: 'step a case in scope', method: 'POST', path: () => `/api/v1/cases/${inCase.id}/steps`, body: () => ({ step: 'verify', expectedVersion: 999 }),
    expect: (who) => (who === 'nobody' ? 401 : ['operator', 'gridWorker', 'communityOfficer', 'townshipOfficer', 'dutyLeader', 'simulator'].includes(who) ? 409
      : who === 'departmentOfficer' ? 404 : 403),
  },
  {
    name: 'step a case out of scope', method: 'POST', path: () => `/api/v1/cases/${outCase.id}/steps`, body: () => ({ step: 'verify', expectedVersion: 999 }),
    expect: (who) => (who === 'nobody' ? 401 : ['operator', 'dutyLeader', 'simulator'].includes(who) ? 409
      : ['gridWorker', 'communityOfficer', 'townshipOfficer', 'departmentOfficer'].includes(who) ? 404 : 403),
  },
  { name: 'escalate', method: 'POST', path: () => `/api/v1/cases/${inCase.id}/escalate`, body: () => ({ reason: '督办', expectedVersion: 999 }), expect: only(['dutyLeader'], 409) },
  {
    name: 'assign', method: 'POST', path: () => `/api/v1/cases/${inCase.id}/assign`, body: () => ({ worker: `${IN_GRID}-F1`, expectedVersion: 999 }),
    expect: only(['dutyLeader', 'townshipOfficer', 'communityOfficer'], 409),
  },
  {
    name: 'assign out of scope', method: 'POST', path: () => `/api/v1/cases/${outCase.id}/assign`, body: () => ({ worker: `${outGrid}-F1`, expectedVersion: 999 }),
    expect: (who) => (who === 'nobody' ? 401 : who === 'dutyLeader' ? 409 : ['townshipOfficer', 'communityOfficer'].includes(who) ? 404 : 403),
  },
  {
    // A dispute is no urgent hazard: who gets past role and scope is told so (a township's duty leader elsewhere: acknowledge.test.ts).
    name: 'acknowledge a case in scope', method: 'POST', path: () => `/api/v1/cases/${inCase.id}/acknowledge`, body: () => ({}),
    expect: only(['operator', 'dutyLeader'], 409),
  },
  { name: 'acknowledge a case out of scope', method: 'POST', path: () => `/api/v1/cases/${outCase.id}/acknowledge`, body: () => ({}), expect: only(['operator', 'dutyLeader'], 409) },
  { name: 'figures of one\'s area', method: 'GET', path: () => '/api/v1/kpis', expect: only(WHO.filter((w) => w !== 'departmentOfficer'), 200) },
  { name: 'figures of another township', method: 'GET', path: () => `/api/v1/kpis?region=${outTownship}`, expect: only(CITY_WIDE, 200) },
  { name: 'drill into the township', method: 'GET', path: () => `/api/v1/areas/township/${TOWNSHIP}`, expect: only([...CITY_WIDE, 'townshipOfficer'], 200) },
  { name: 'drill into the grid', method: 'GET', path: () => `/api/v1/areas/grid/${IN_GRID}`, expect: only(REACH_IN, 200) },
  { name: 'live snapshot', method: 'GET', path: () => '/api/v1/live/snapshot', expect: only(WHO, 200) },
  { name: 'grids (published boundaries)', method: 'GET', path: () => `/api/v1/grids?region=${TOWNSHIP}`, expect: only(WHO, 200) },
  { name: 'regions', method: 'GET', path: () => '/api/v1/regions?level=township', expect: only(WHO, 200) },
  { name: 'region names', method: 'GET', path: () => `/api/v1/regions/names?within=${TOWNSHIP}`, expect: only(WHO, 200) },
  { name: 'snapshot of another township', method: 'GET', path: () => `/api/v1/live/snapshot?area=${outTownship}`, expect: only(CITY_WIDE, 200) },
  { name: 'departments', method: 'GET', path: () => '/api/v1/departments', expect: only(WHO, 200) },
  { name: 'add a department', method: 'POST', path: () => '/api/v1/departments', body: () => ({}), expect: only(['admin'], 400) },
  { name: 'disable a department', method: 'PATCH', path: () => `/api/v1/departments/${encodeURIComponent(DEPARTMENT)}`, body: () => ({}), expect: only(['admin'], 400) },
  { name: 'time limits', method: 'GET', path: () => '/api/v1/time-limits', expect: only(WHO, 200) },
  { name: 'replace the time limits', method: 'PUT', path: () => '/api/v1/time-limits', body: () => [], expect: only(['admin'], 400) },
  { name: "one's desk", method: 'GET', path: () => '/api/v1/desk/inbox', expect: only(WHO, 200) },
  { name: "one's desk figures", method: 'GET', path: () => '/api/v1/desk/figures', expect: only(WHO, 200) },
  { name: "another township's desk figures", method: 'GET', path: () => `/api/v1/desk/figures?area=${outTownship}`, expect: only([...CITY_WIDE, 'departmentOfficer'], 200) },
  { name: "export one's township", method: 'GET', path: () => `/api/v1/export/${TOWNSHIP}?layers=cases`, expect: only(['operator', 'townshipOfficer', 'dutyLeader', 'analyst', 'admin'], 200) },
  { name: 'export another township', method: 'GET', path: () => `/api/v1/export/${outTownship}?layers=cases`, expect: only(['operator', 'dutyLeader', 'analyst', 'admin'], 200) },
  { name: 'drafts', method: 'GET', path: () => '/api/v1/drafts', expect: only(['analyst'], 200) },
  { name: "fixes of one's township's patrol unit", method: 'POST', path: () => `/api/v1/patrols/${inUnit}/fixes`, body: () => ({}), expect: only(['gridWorker', 'dutyLeader', 'simulator'], 400) },
  {
    name: "fixes of another township's patrol unit", method: 'POST', path: () => `/api/v1/patrols/${outUnit}/fixes`,
    body: () => ({ fixes: [{ at: new Date().toISOString(), location: outPoint }] }),
    expect: (who) => (who === 'nobody' ? 401 : ['dutyLeader', 'simulator'].includes(who) ? 202 : who === 'gridWorker' ? 404 : 403),
  },
  { name: 'camera state', method: 'POST', path: () => '/api/v1/cameras/1/state', body: () => ({}), expect: only(['dutyLeader', 'simulator'], 400) },
  { name: 'accounts', method: 'GET', path: () => '/api/v1/accounts', expect: only(['admin'], 200) },
  { name: 'audit log', method: 'GET', path: () => '/api/v1/audit', expect: only(['admin'], 200) },
  { name: 'party access log', method: 'GET', path: () => '/api/v1/party-access-log', expect: only(['dutyLeader', 'admin'], 200) },
  { name: 'OGC grids (open)', method: 'GET', path: () => '/ogc/collections/grids/items?limit=1', expect: () => 200 },
  { name: 'grid tiles', method: 'GET', path: () => `/tiles/grids/14/${tileOf(inPoint, 14)}.mvt`, expect: only(WHO, 200) },
  { name: 'camera tiles', method: 'GET', path: () => `/tiles/cameras/14/${tileOf(inPoint, 14)}.mvt`, expect: only(CITY_WIDE, 200) },
  { name: 'OGC cameras', method: 'GET', path: () => '/ogc/collections/cameras/items?limit=1', expect: only(CITY_WIDE, 200) },
  { name: 'file a call at the seat', method: 'POST', path: () => '/api/v1/intake', body: () => ({}), expect: only(INTAKE, 400) },
  { name: 'duplicates of a call', method: 'GET', path: () => `/api/v1/intake/similar?kind=neighbour&lon=${inPoint[0]}&lat=${inPoint[1]}`, expect: only(INTAKE, 200) },
  { name: 'the gazetteer', method: 'GET', path: () => `/api/v1/places?q=${encodeURIComponent('中华大街')}`, expect: only(WHO, 200) },
  { name: 'the search box', method: 'GET', path: () => `/api/v1/search?q=${inCase.code}`, expect: only(WHO, 200) },
  { name: 'reports of a case in scope', method: 'GET', path: () => `/api/v1/cases/${inCase.id}/reports`, expect: (who) => (who === 'nobody' ? 401 : REACH_IN.includes(who as Who) ? 200 : 404) },
  { name: 'reports of a case out of scope', method: 'GET', path: () => `/api/v1/cases/${outCase.id}/reports`, expect: only(CITY_WIDE, 200, 404) },
  {
    name: 'photos of a case in scope', method: 'GET', path: () => `/api/v1/cases/${inCase.id}/photos`,
    expect: (who) => (who === 'nobody' ? 401 : ['gridWorker', 'communityOfficer', 'townshipOfficer', 'dutyLeader', 'simulator'].includes(who) ? 200 : who === 'departmentOfficer' ? 404 : 403),
  },
  {
    name: 'photos of a case out of scope', method: 'GET', path: () => `/api/v1/cases/${outCase.id}/photos`,
    expect: (who) => (who === 'nobody' ? 401 : ['dutyLeader', 'simulator'].includes(who) ? 200 : ['gridWorker', 'communityOfficer', 'townshipOfficer', 'departmentOfficer'].includes(who) ? 404 : 403),
  },
  {
    name: 'add a photo to a case in scope', method: 'POST', path: () => `/api/v1/cases/${inCase.id}/photos`, body: () => ({}),
    // JSON is no photo: who may add one is told 415, who may not 403 first.
    expect: (who) => (who === 'nobody' ? 401 : ['operator', 'gridWorker', 'communityOfficer', 'townshipOfficer', 'departmentOfficer', 'dutyLeader', 'simulator'].includes(who) ? 415 : 403),
  },
  { name: "mediation bodies of one's own area", method: 'GET', path: () => '/api/v1/mediation-bodies', expect: only(WHO, 200) },
  {
    name: 'mediation bodies of the township', method: 'GET', path: () => `/api/v1/mediation-bodies?area=${TOWNSHIP}`,
    expect: only([...CITY_WIDE, 'townshipOfficer', 'departmentOfficer'], 200),
  },
  {
    name: 'mediation bodies of another township', method: 'GET', path: () => `/api/v1/mediation-bodies?area=${outTownship}`,
    expect: only([...CITY_WIDE, 'departmentOfficer'], 200),
  },
  { name: 'mediations of a case in scope', method: 'GET', path: () => `/api/v1/cases/${inCase.id}/mediations`, expect: only(REACH_IN, 200, 404) },
  { name: 'mediations of a case out of scope', method: 'GET', path: () => `/api/v1/cases/${outCase.id}/mediations`, expect: only(CITY_WIDE, 200, 404) },
  {
    // Its mediation is open: who gets past role and scope is told so.
    name: 'refer a case in scope to mediation', method: 'POST', path: () => `/api/v1/cases/${inCase.id}/mediations`,
    body: () => ({ bodyId: inBody, kind: 'people', mode: 'on_site' }),
    expect: (who) => (who === 'nobody' ? 401 : ['gridWorker', 'communityOfficer', 'townshipOfficer', 'dutyLeader', 'simulator'].includes(who) ? 409
      : who === 'departmentOfficer' ? 404 : 403),
  },
  {
    // The township's committee does not serve another township: who gets past role and scope is told so.
    name: 'refer a case out of scope to mediation', method: 'POST', path: () => `/api/v1/cases/${outCase.id}/mediations`,
    body: () => ({ bodyId: inBody, kind: 'people', mode: 'on_site' }),
    expect: (who) => (who === 'nobody' ? 401 : ['dutyLeader', 'simulator'].includes(who) ? 400
      : ['gridWorker', 'communityOfficer', 'townshipOfficer', 'departmentOfficer'].includes(who) ? 404 : 403),
  },
  {
    // An open mediation has no agreement to confirm.
    name: 'record a mediation of a case in scope', method: 'PATCH', path: () => `/api/v1/cases/${inCase.id}/mediations/${inMediation}`,
    body: () => ({ confirmedAt: '2026-01-01T00:00:00Z' }),
    expect: (who) => (who === 'nobody' ? 401 : ['gridWorker', 'communityOfficer', 'townshipOfficer', 'dutyLeader', 'simulator'].includes(who) ? 409
      : who === 'departmentOfficer' ? 404 : 403),
  },
  { name: 'answer endpoints', method: 'GET', path: () => '/api/v1/answer-endpoints', expect: only(['admin'], 200) },
  { name: 'set an answer endpoint', method: 'PUT', path: () => '/api/v1/answer-endpoints/hotline_12345', body: () => ({}), expect: only(['admin'], 400) },
  { name: 'Open311 services (open)', method: 'GET', path: () => '/open311/v2/services.json', expect: () => 200 },
  { name: 'Open311 requests', method: 'GET', path: () => '/open311/v2/requests.json', expect: open311Only(INTAKE, 200) },
  { name: 'Open311 a request in scope', method: 'GET', path: () => `/open311/v2/requests/${inRequest}.json`, expect: open311Only(INTAKE, 200) },
  {
    name: 'Open311 create a request', method: 'POST', path: () => '/open311/v2/requests.json', body: () => ({}),
    // Only an account with a channel (intake_clients) files; the empty body then lacks its service_code.
    expect: open311Only(['simulator'], 400),
  },
]

describe('every route × role × in and out of scope', () => {
  for (const row of ROWS) {
    it(`${row.method} ${row.name}`, async () => {
      const got: Record<string, number> = {}
      const want: Record<string, number> = {}
      for (const who of CALLERS) {
        got[who] = (await call(city.server.url + row.path(), row.method, row.body?.(), headers(who))).status
        want[who] = row.expect(who)
      }
      expect(got).toEqual(want)
    })
  }
})

describe('what each scope sees', () => {
  const list = async (who: Who) => CaseSummary.array().parse((await call(`${city.server.url}/api/v1/cases?limit=1000`, 'GET', undefined, as[who])).body)

  it("lists a township's cases to its officer, a grid's to its worker, a department's to it, and the city's to the centre", async () => {
    const township = await list('townshipOfficer')
    expect(township.map((c) => c.id)).toContain(inCase.id)
    expect(township.every((c) => c.townshipCode === TOWNSHIP)).toBe(true)
    expect((await list('gridWorker')).every((c) => c.gridCode === IN_GRID)).toBe(true)
    const department = await list('departmentOfficer')
    expect(department.map((c) => c.id)).toContain(routedCase.id)
    // Each one it leads or was last routed to, or assists now.
    expect(department.every((c) => c.department === DEPARTMENT || c.departments.some((d) => d.name === DEPARTMENT))).toBe(true)
    expect((await list('dutyLeader')).map((c) => c.id)).toEqual(expect.arrayContaining([inCase.id, outCase.id, routedCase.id]))
  })

  it('filters the live snapshot to the scope', async () => {
    const snapshot = LiveSnapshot.parse((await call(`${city.server.url}/api/v1/live/snapshot`, 'GET', undefined, as.townshipOfficer)).body)
    expect(snapshot.cases.length).toBeGreaterThan(0)
    expect(snapshot.cases.every((c) => c.townshipCode === TOWNSHIP)).toBe(true)
    expect(snapshot.cameras.every((c) => c.gridCode?.startsWith('231281001'))).toBe(true)
    const whole = LiveSnapshot.parse((await call(`${city.server.url}/api/v1/live/snapshot`, 'GET', undefined, as.wall)).body)
    expect(whole.cases.length).toBeGreaterThan(snapshot.cases.length)
  })

  it("keeps a case's free text from the wall and the watching seats, and shows it to those who handle it", async () => {
    const detail = async (who: Who) => CaseDetail.parse((await call(`${city.server.url}/api/v1/cases/${routedCase.id}`, 'GET', undefined, as[who])).body)
    for (const who of ['wall', 'operator', 'analyst', 'admin'] as const) {
      const seen = await detail(who)
      expect(seen.description).toBeNull()
      expect(seen.history.every((h) => h.note === null)).toBe(true)
    }
    expect((await detail('dutyLeader')).description).toBe('王五反映邻居噪音扰民')
    expect((await detail('departmentOfficer')).description).toBe('王五反映邻居噪音扰民')
  })

  it("shows a township's duty leader the reads of parties in the township only", async () => {
    await call(`${city.server.url}/api/v1/accounts`, 'POST',
      { login: 'leader-xinxing', displayName: '新兴街道值班', role: 'duty_leader', scope: { region: TOWNSHIP }, password: 'long-enough-1' }, as.admin)
    const { key } = IssuedKey.parse((await call(`${city.server.url}/api/v1/accounts/leader-xinxing/keys`, 'POST', { label: 'test' }, as.admin)).body)
    const township = { authorization: `Bearer ${key}` }
    for (const c of [inCase, outCase]) await call(`${city.server.url}/api/v1/cases/${c.id}/parties`, 'GET', undefined, as.dutyLeader)
    const read = async (query: string, who: Record<string, string>) => call(`${city.server.url}/api/v1/party-access-log${query}`, 'GET', undefined, who)
    const whole = PartyAccess.array().parse((await read('', as.dutyLeader)).body)
    expect(whole.map((r) => r.caseId)).toEqual(expect.arrayContaining([inCase.id, outCase.id]))
    const mine = PartyAccess.array().parse((await read('', township)).body)
    expect(mine.map((r) => r.caseId)).toContain(inCase.id)
    expect(mine.map((r) => r.caseId)).not.toContain(outCase.id)
    expect((await read(`?case=${outCase.id}`, township)).status).toBe(404)
  })
})
