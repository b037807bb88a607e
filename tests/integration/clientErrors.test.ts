import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiErrorBody, Draft } from '../../contract'
import { clientAssets } from '../../server/src/api/clientAssets'
import { manualClock } from '../../server/src/clock'
import { SEEDED_AT } from '../support/seededCity'
import { as } from '../support/serve'
import { servedCity } from '../support/servedCity'

/**
 * Issue 14: what a hostile or unlucky client sends is answered with a 4xx naming what is wrong, never a
 * 500 and never the page, and nothing is written. One row a request: its status, the fields its issues
 * name, the Allow header of a 405; every row checks the store is as it was.
 */

const HOUR = 3_600_000
const MINUTE = 60_000
const clock = manualClock(new Date(new Date(SEEDED_AT).getTime() + HOUR))
const at = (offsetMs: number) => new Date(clock.now().getTime() + offsetMs).toISOString()

// A built client of two files, as `npm run build` leaves one, so that screen routes and files are served as in production.
const built = mkdtempSync(join(tmpdir(), 'client-'))
mkdirSync(join(built, 'assets'))
writeFileSync(join(built, 'index.html'), '<!doctype html><title>command centre</title>')
writeFileSync(join(built, 'assets', 'app.js'), 'console.log("app")')

const city = servedCity({ clock, client: clientAssets(built) })

/** One request exactly as given: the path is sent as written (no `..` resolved, no escape undone), the body as bytes. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
    const req = request(`${city.server.url}/`, { method, path, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value))
const JSON_TYPE = { 'content-type': 'application/json' }
const TOWN: [number, number] = [125.32, 46.4]
const report = (extra: Record<string, unknown> = {}) => ({ category: 'dispute', kind: 'neighbour', source: 'hotline_12345', location: TOWN, ...extra })
const fixes = (...times: string[]) => ({ fixes: times.map((t) => ({ at: t, location: TOWN })) })
const COMMUNITY = '231281001002'

/** What the rows name, found once the city is up: an open case a step, an escalation and an assignment would change, its grid's leader post, a draft. */
const ids = { case: 0, post: '', draft: 0 }
let draft: Draft

/** Everything a request could have written: counts of the written tables, the newest visit, drafts' versions, every camera's state. */
async function written() {
  const [row] = await city.db.query(`
    SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_history) AS history,
           (SELECT count(*)::int FROM case_parties) AS parties, (SELECT count(*)::int FROM party_access_log) AS access,
           (SELECT count(*)::int FROM patrol_fixes) AS fixes, (SELECT max(last_at)::text FROM grid_patrol_visits) AS visited,
           (SELECT count(*)::int FROM change_log) AS changes,
           (SELECT count(*)::int || '/' || coalesce(sum(version), 0)::int FROM grid_drafts) AS drafts,
           (SELECT md5(string_agg(state, ',' ORDER BY id)) FROM cameras) AS cameras`)
  return row
}

type Row = {
  /** What a reader of the table sees: the request in words. */
  what: string
  method: string
  /** `$case` and `$draft` stand for the ids found in the city. */
  path: string
  who?: keyof typeof as
  headers?: Record<string, string>
  /** JSON, or bytes as they are sent; a function of the draft for the rows that write one. */
  body?: unknown
  status: number
  /** The `issues[].field`s the answer names, in its order. */
  fields?: string[]
  /** The Allow header of a 405. */
  allow?: string
}

const rows: Row[] = [
  // The request itself.
  { what: 'a body in Latin-1', method: 'POST', path: '/api/v1/cases', who: 'dutyLeader', headers: { 'content-type': 'application/json; charset=latin1' }, body: report(), status: 415 },
  { what: 'a content-encoding the server does not take', method: 'POST', path: '/api/v1/cases', who: 'dutyLeader', headers: { ...JSON_TYPE, 'content-encoding': 'compress' }, body: report(), status: 415 },
  { what: 'a gzip body that is not gzip', method: 'POST', path: '/api/v1/cases', who: 'dutyLeader', headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: json(report()), status: 400 },

  // NUL in text a person writes.
  { what: 'NUL in a description', method: 'POST', path: '/api/v1/cases', who: 'dutyLeader', body: report({ description: 'a\u0000b' }), status: 400, fields: ['description'] },
  { what: 'NUL in a party’s name', method: 'POST', path: '/api/v1/cases', who: 'dutyLeader', body: report({ parties: [{ role: 'applicant', name: '张\u0000三' }] }), status: 400, fields: ['parties.0.name'] },
  { what: 'NUL in a step’s note', method: 'POST', path: '/api/v1/cases/$case/steps', who: 'dutyLeader', body: { step: 'verify', note: '\u0000' }, status: 400, fields: ['note'] },
  { what: 'NUL in an escalation’s reason', method: 'POST', path: '/api/v1/cases/$case/escalate', who: 'dutyLeader', body: { reason: '未处置\u0000' }, status: 400, fields: ['reason'] },
  { what: 'NUL in an assignment’s note', method: 'POST', path: '/api/v1/cases/$case/assign', who: 'dutyLeader', body: () => ({ worker: ids.post, note: 'x\u0000' }), status: 400, fields: ['note'] },
  { what: 'NUL in a draft grid’s name', method: 'PUT', path: '/api/v1/drafts/$draft', who: 'analyst', body: () => ({ features: nulNamed(draft.features), expectedVersion: draft.version }), status: 400, fields: ['features.features.0.properties.name'] },
  { what: 'NUL in an imported grid’s name', method: 'POST', path: `/api/v1/drafts/import?community=${COMMUNITY}`, who: 'analyst', body: () => nulNamed(draft.features), status: 400, fields: ['features.0.properties.name'] },

  // Ids: cameras and patrol units are int4 columns, cases and drafts int8 read into a JS number.
  { what: 'a camera id of 2^31', method: 'POST', path: '/api/v1/cameras/2147483648/state', who: 'dutyLeader', body: { state: 'faulty' }, status: 400, fields: ['id'] },
  { what: 'a camera id of 2^31 − 1 that is not there', method: 'POST', path: '/api/v1/cameras/2147483647/state', who: 'dutyLeader', body: { state: 'faulty' }, status: 404 },
  { what: 'a patrol unit id of 2^31', method: 'POST', path: '/api/v1/patrols/2147483648/fixes', who: 'simulator', body: fixes(at(0)), status: 400, fields: ['id'] },
  { what: 'a case id above 2^53', method: 'GET', path: '/api/v1/cases/9007199254740993', who: 'dutyLeader', status: 400, fields: ['id'] },
  { what: 'a step on a case id above 2^53', method: 'POST', path: '/api/v1/cases/9007199254740993/steps', who: 'dutyLeader', body: { step: 'verify' }, status: 400, fields: ['id'] },
  { what: 'a case id of 2^53 − 1 that is not there', method: 'GET', path: '/api/v1/cases/9007199254740991', who: 'dutyLeader', status: 404 },
  { what: 'a draft id above 2^53', method: 'GET', path: '/api/v1/drafts/9007199254740993', who: 'analyst', status: 400, fields: ['id'] },
  { what: 'a party-access case above 2^53', method: 'GET', path: '/api/v1/party-access-log?case=9007199254740993', who: 'dutyLeader', status: 400, fields: ['case'] },

  // Time from devices: the server's clock bounds a fix, 5 minutes ahead and the retention window (24 h) back.
  { what: 'a fix dated year 0000', method: 'POST', path: '/api/v1/patrols/1/fixes', who: 'simulator', body: fixes('0000-01-01T00:00:00Z'), status: 400, fields: ['fixes.0.at'] },
  { what: 'a fix dated before 1970', method: 'POST', path: '/api/v1/patrols/1/fixes', who: 'simulator', body: fixes('1969-12-31T23:59:59Z'), status: 400, fields: ['fixes.0.at'] },
  { what: 'a fix dated 9999-12-31', method: 'POST', path: '/api/v1/patrols/1/fixes', who: 'simulator', body: fixes('9999-12-31T23:59:59Z'), status: 400, fields: ['fixes.0.at'] },
  { what: 'a fix 6 minutes ahead', method: 'POST', path: '/api/v1/patrols/1/fixes', who: 'simulator', body: fixes(at(6 * MINUTE)), status: 400, fields: ['fixes.0.at'] },
  { what: 'a fix 25 hours old', method: 'POST', path: '/api/v1/patrols/1/fixes', who: 'simulator', body: fixes(at(-25 * HOUR)), status: 400, fields: ['fixes.0.at'] },
  { what: 'a batch whose second fix is a day ahead', method: 'POST', path: '/api/v1/patrols/1/fixes', who: 'simulator', body: fixes(at(0), at(24 * HOUR)), status: 400, fields: ['fixes.1.at'] },

  // Unknown query parameters, on every kind of route.
  { what: 'a parameter to the health check', method: 'GET', path: '/api/health?x=1', status: 400, fields: ['x'] },
  { what: 'a parameter to /me', method: 'GET', path: '/api/v1/me?x=1', who: 'operator', status: 400, fields: ['x'] },
  { what: 'a parameter to the departments', method: 'GET', path: '/api/v1/departments?x=1', who: 'dutyLeader', status: 400, fields: ['x'] },
  { what: 'a parameter to the live snapshot', method: 'GET', path: '/api/v1/live/snapshot?x=1', who: 'dutyLeader', status: 400, fields: ['x'] },
  { what: 'a parameter to the roads', method: 'GET', path: '/api/v1/roads?x=1', who: 'dutyLeader', status: 400, fields: ['x'] },
  { what: 'a parameter to the KPIs', method: 'GET', path: '/api/v1/kpis?x=1', who: 'dutyLeader', status: 400, fields: ['x'] },
  { what: 'a parameter to an area', method: 'GET', path: '/api/v1/areas/grid/231281001001001?x=1', who: 'dutyLeader', status: 400, fields: ['x'] },
  { what: 'a parameter to an export', method: 'GET', path: '/api/v1/export/231281001000?x=1', who: 'dutyLeader', status: 400, fields: ['x'] },
  { what: 'a parameter to a report', method: 'POST', path: '/api/v1/cases?x=1', who: 'dutyLeader', body: report(), status: 400, fields: ['x'] },
  { what: 'a parameter to a case', method: 'GET', path: '/api/v1/cases/$case?x=1&y=2', who: 'dutyLeader', status: 400, fields: ['x', 'y'] },
  { what: 'a parameter to a step', method: 'POST', path: '/api/v1/cases/$case/steps?x=1', who: 'dutyLeader', body: { step: 'verify' }, status: 400, fields: ['x'] },
  { what: 'a parameter to a batch of fixes', method: 'POST', path: '/api/v1/patrols/1/fixes?x=1', who: 'simulator', body: fixes(at(0)), status: 400, fields: ['x'] },
  { what: 'a parameter to a camera’s state', method: 'POST', path: '/api/v1/cameras/1/state?x=1', who: 'dutyLeader', body: { state: 'faulty' }, status: 400, fields: ['x'] },
  { what: 'a parameter to a draft', method: 'GET', path: '/api/v1/drafts/$draft?x=1', who: 'analyst', status: 400, fields: ['x'] },
  { what: 'a parameter to a draft’s check', method: 'POST', path: '/api/v1/drafts/$draft/check?x=1', who: 'analyst', status: 400, fields: ['x'] },
  { what: 'a parameter to the OGC API definition', method: 'GET', path: '/ogc/api?x=1', status: 400, fields: ['x'] },

  // bbox: decimal numbers on /api/v1; OGC numbers (a GIS client may write 1e-05) but finite.
  { what: 'a hexadecimal bbox', method: 'GET', path: '/api/v1/grids?bbox=0x10,46,126,47', who: 'dutyLeader', status: 400, fields: ['bbox'] },
  { what: 'a bbox of 1e999', method: 'GET', path: '/api/v1/grids?bbox=125,46,1e999,47', who: 'dutyLeader', status: 400, fields: ['bbox'] },
  { what: 'a bbox in exponent form', method: 'GET', path: '/api/v1/regions?bbox=1.25e2,46,126,47', who: 'dutyLeader', status: 400, fields: ['bbox'] },
  { what: 'a bbox of -Infinity', method: 'GET', path: '/api/v1/grids?bbox=-Infinity,46,126,47', who: 'dutyLeader', status: 400, fields: ['bbox'] },
  { what: 'a bbox with an empty part', method: 'GET', path: '/api/v1/grids?bbox=125,,126,47', who: 'dutyLeader', status: 400, fields: ['bbox'] },
  { what: 'an OGC bbox in hexadecimal', method: 'GET', path: '/ogc/collections/grids/items?bbox=0x10,46,126,47', status: 400, fields: ['bbox'] },
  { what: 'an OGC bbox of 1e999', method: 'GET', path: '/ogc/collections/grids/items?bbox=125,46,1e999,47', status: 400, fields: ['bbox'] },
  { what: 'an OGC bbox of Infinity', method: 'GET', path: '/ogc/collections/grids/items?bbox=125,46,Infinity,47', status: 400, fields: ['bbox'] },
  { what: 'an OGC bbox with an empty part', method: 'GET', path: '/ogc/collections/grids/items?bbox=125,,126,47', status: 400, fields: ['bbox'] },
  { what: 'an OGC datetime in year 0000', method: 'GET', path: '/ogc/collections/grids/items?datetime=0000-01-01T00:00:00Z', status: 400, fields: ['datetime'] },
  { what: 'an OGC feature id holding NUL', method: 'GET', path: '/ogc/collections/grids/items/%00', status: 404 },

  // A known path with the wrong method; an unknown path.
  { what: 'POST to the grids', method: 'POST', path: '/api/v1/grids', who: 'dutyLeader', body: {}, status: 405, allow: 'GET, HEAD' },
  { what: 'DELETE of a case', method: 'DELETE', path: '/api/v1/cases/$case', who: 'dutyLeader', status: 405, allow: 'GET, HEAD' },
  { what: 'GET of a case’s steps', method: 'GET', path: '/api/v1/cases/$case/steps', status: 405, allow: 'POST' },
  { what: 'PATCH of a draft', method: 'PATCH', path: '/api/v1/drafts/$draft', who: 'analyst', body: {}, status: 405, allow: 'DELETE, GET, HEAD, PUT' },
  { what: 'POST to the health check', method: 'POST', path: '/api/health', status: 405, allow: 'GET, HEAD' },
  { what: 'DELETE of /me', method: 'DELETE', path: '/api/v1/me', status: 405, allow: 'GET, HEAD' },
  { what: 'PUT to the OGC collections', method: 'PUT', path: '/ogc/collections', status: 405, allow: 'GET, HEAD' },
  { what: 'POST to a screen', method: 'POST', path: '/wall', status: 405, allow: 'GET, HEAD' },
  { what: 'GET of an unknown API path', method: 'GET', path: '/api/v1/nowhere', status: 404 },
  { what: 'DELETE of an unknown API path', method: 'DELETE', path: '/api/v1/nowhere', status: 404 },
  { what: 'GET of an unknown OGC path', method: 'GET', path: '/ogc/nowhere', status: 404 },

  // Files: only built ones; never the page for a file, a NUL or a way out of the build.
  { what: '/.env', method: 'GET', path: '/.env', status: 404 },
  { what: 'a root file that was not built', method: 'GET', path: '/favicon.ico', status: 404 },
  { what: 'an asset that was not built', method: 'GET', path: '/assets/nothing.js', status: 404 },
  { what: 'an encoded .. under /assets', method: 'GET', path: '/assets/%2e%2e/%2e%2e/package.json', status: 403 },
  { what: 'an encoded .. at the root', method: 'GET', path: '/%2e%2e/%2e%2e/package.json', status: 404 },
  { what: 'encoded slashes and ..', method: 'GET', path: '/..%2f..%2fpackage.json', status: 404 },
  { what: 'an encoded .. in a screen path', method: 'GET', path: '/drill/%2e%2e', status: 404 },
  { what: '%00 in an asset', method: 'GET', path: '/assets/app.js%00', status: 400 },
  { what: '%00 in a screen path', method: 'GET', path: '/wall%00', status: 400 },
  { what: 'a broken escape in a screen path', method: 'GET', path: '/wall%E0%A4%A', status: 400 },
]

/** The draft's grids with a NUL in the first one's name. */
function nulNamed(features: Draft['features']) {
  const copy = structuredClone(features)
  copy.features[0]!.properties.name = `网格\u0000`
  return copy
}

beforeAll(async () => {
  const [open] = await city.db.query<{ id: number; grid: string }>(
    `SELECT c.id::int AS id, g.code AS grid FROM cases c JOIN grids g ON g.id = c.grid_id WHERE c.state = 'collected' ORDER BY c.id LIMIT 1`)
  ids.case = open!.id
  ids.post = `${open!.grid}-L1`
  const created = await send('POST', '/api/v1/drafts', { ...JSON_TYPE, ...as.analyst }, json({ community: COMMUNITY }))
  expect(created.status, created.text).toBe(201)
  draft = Draft.parse(JSON.parse(created.text))
  ids.draft = draft.id
})

describe('a client error', () => {
  it.each(rows)('$what: $method $path → $status', async (row) => {
    const path = row.path.replace('$case', String(ids.case)).replace('$draft', String(ids.draft))
    const value = typeof row.body === 'function' ? (row.body as () => unknown)() : row.body
    const body = value === undefined ? undefined : Buffer.isBuffer(value) ? value : json(value)
    const headers = { ...(body ? JSON_TYPE : {}), ...(row.who ? as[row.who] : {}), ...row.headers }
    const before = await written()

    const res = await send(row.method, path, headers, body)

    expect(res.status, res.text).toBe(row.status)
    // Always the error shape, never the page, a stack or a SQL message.
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    const error = ApiErrorBody.parse(JSON.parse(res.text))
    expect(res.text).not.toMatch(/ at .*\.[jt]s:\d+|SQL|syntax|violates|out of range/)
    if (row.fields) expect(error.issues?.map((i) => i.field)).toEqual(row.fields)
    if (row.allow) expect(res.headers.allow).toBe(row.allow)
    expect(await written()).toEqual(before)
  })
})

describe('what the rules still let through', () => {
  it('takes a fix up to 5 minutes ahead of the clock and one within the retention window', async () => {
    const res = await send('POST', '/api/v1/patrols/1/fixes', { ...JSON_TYPE, ...as.simulator }, json(fixes(at(-23 * HOUR), at(4 * MINUTE))))
    expect(res.status, res.text).toBe(202)
  })

  it('takes a UTF-8 body gzipped, and says which encodings it takes when refusing one', async () => {
    const res = await send('POST', '/api/v1/cases', { ...JSON_TYPE, ...as.dutyLeader, 'content-encoding': 'gzip' }, gzipSync(json(report({ description: '楼上漏水' }))))
    expect(res.status, res.text).toBe(201)
    const refused = await send('POST', '/api/v1/cases', { ...JSON_TYPE, ...as.dutyLeader, 'content-encoding': 'compress' }, json(report()))
    expect(refused.headers['accept-encoding']).toMatch(/\bgzip\b/)
  })

  it('serves the screens with their preloads and the built files', async () => {
    for (const path of ['/wall', '/drill/grid/231281001001001', '/editor?community=231281001002', '/']) {
      const res = await send('GET', path)
      expect(res.status, path).toBe(200)
      expect(res.text).toContain('<title>command centre</title>')
    }
    expect((await send('GET', '/wall')).headers.link).toContain('/api/v1/live/snapshot')
    const asset = await send('GET', '/assets/app.js')
    expect(asset.status).toBe(200)
    expect(asset.text).toBe('console.log("app")')
  })

  it('answers OPTIONS on a known path with what it allows', async () => {
    const res = await send('OPTIONS', `/api/v1/drafts/${ids.draft}`, as.analyst)
    expect(res.status).toBe(200)
    expect(res.headers.allow).toBe('DELETE, GET, HEAD, PUT')
  })
})
