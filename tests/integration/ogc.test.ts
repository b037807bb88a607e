import { describe, expect, it } from 'vitest'
import {
  ApiErrorBody, CRS84, ExportCollection, GridProps, OgcCameraProps, OgcCollections, OgcConformance, OgcLandingPage,
  OgcRegionProps, type OgcLink, ogcFeature, ogcFeatureCollection,
} from '../../contract'
import { as, testKey } from '../support/serve'
import { servedCity } from '../support/servedCity'

const city = servedCity()

const GEOJSON = /^application\/geo\+json(;|$)/
const JSON_TYPE = /^application\/json(;|$)/
/** The cameras need an API key of a city-scoped account, sent as GIS clients send it; grids and regions need none. */
const KEY = { 'x-api-key': testKey('leader') }

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(path.startsWith('http') ? path : city.server.url + path, { headers })
  const text = await res.text()
  return {
    status: res.status, text, headers: res.headers,
    type: res.headers.get('content-type') ?? '',
    json: () => JSON.parse(text) as unknown,
  }
}

const rows = <R extends Record<string, unknown>>(sql: string, params: unknown[] = []) => city.db.query<R>(sql, params)
const count = async (sql: string, params: unknown[] = []) => (await rows<{ n: number }>(sql, params))[0]!.n
const linkOf = (links: OgcLink[], rel: string) => links.find((l) => l.rel === rel)

const grids = ogcFeatureCollection(GridProps)
const regions = ogcFeatureCollection(OgcRegionProps)
const cameras = ogcFeatureCollection(OgcCameraProps)

/** Every [lon, lat] of a GeoJSON geometry's coordinates, however deeply nested. */
const positions = (c: unknown): [number, number][] =>
  Array.isArray(c) && typeof c[0] === 'number' ? [c as [number, number]] : (c as unknown[]).flatMap(positions)

describe('OGC API – Features: landing page, API definition, conformance', () => {
  it('links the API definition, its documentation, the conformance declaration and the collections, each served as its link says', async () => {
    const res = await get('/ogc/')
    expect(res.status).toBe(200)
    expect(res.type).toMatch(JSON_TYPE)
    const page = OgcLandingPage.parse(res.json())
    const ogc = `${city.server.url}/ogc`
    expect(page.links.map(({ rel, type, href }) => ({ rel, type, href }))).toEqual([
      { rel: 'self', type: 'application/json', href: `${ogc}/` },
      { rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', href: `${ogc}/api` },
      { rel: 'service-doc', type: 'text/html', href: `${ogc}/api.html` },
      { rel: 'conformance', type: 'application/json', href: `${ogc}/conformance` },
      { rel: 'data', type: 'application/json', href: `${ogc}/collections` },
    ])
    for (const link of page.links) {
      const target = await get(link.href, { accept: link.type })
      expect(target.status, link.href).toBe(200)
      // Media type parameters may come in any order and beside a charset.
      const [media, ...params] = link.type.split(';')
      expect(target.type.split(';')[0]).toBe(media)
      for (const p of params) expect(target.type.replace(/\s/g, '')).toContain(p)
    }
  })

  it('defines every path in OpenAPI 3.0 with the standard limit parameter, each operation with its status codes', async () => {
    const doc = (await get('/ogc/api')).json() as {
      openapi: string
      paths: Record<string, { get: { parameters: { $ref: string }[]; responses: Record<string, unknown> } }>
      components: { parameters: Record<string, { name: string; schema: unknown }> }
    }
    expect(doc.openapi).toMatch(/^3\.0\.\d$/)
    expect(Object.keys(doc.paths)).toEqual([
      '/', '/conformance', '/collections', '/collections/{collectionId}',
      '/collections/{collectionId}/items', '/collections/{collectionId}/items/{featureId}',
    ])
    expect(doc.components.parameters.limit!.schema).toEqual({ type: 'integer', minimum: 1, maximum: 10000, default: 10 })
    const items = doc.paths['/collections/{collectionId}/items']!.get
    const names = items.parameters.map((p) => doc.components.parameters[p.$ref.split('/').at(-1)!]!.name)
    expect(names).toEqual(['collectionId', 'limit', 'offset', 'bbox', 'datetime', 'f'])
    for (const { get: op } of Object.values(doc.paths)) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '500']))
  })

  it('declares Core, GeoJSON and OpenAPI 3.0 by the URIs 17-069r4 gives them', async () => {
    const res = await get('/ogc/conformance')
    expect(res.type).toMatch(JSON_TYPE)
    expect(OgcConformance.parse(res.json()).conformsTo).toEqual([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
    ])
  })

  it('answers a parameter the definition does not name with a 400 naming it, and an unknown path with a 404', async () => {
    const unknown = await get('/ogc/conformance?service=WFS')
    expect(unknown.status).toBe(400)
    expect(ApiErrorBody.parse(unknown.json()).issues).toEqual([{ field: 'service', reason: 'is not a known parameter' }])
    const html = await get('/ogc/?f=html')
    expect(html.status).toBe(400)
    expect(ApiErrorBody.parse(html.json()).issues).toEqual([{ field: 'f', reason: 'must be json' }])
    expect((await get('/ogc/?f=json')).status).toBe(200)
    const nowhere = await get('/ogc/nowhere')
    expect(nowhere.status).toBe(404)
    expect(ApiErrorBody.parse(nowhere.json())).toEqual({ code: 'not_found', message: 'no route GET /ogc/nowhere' })
  })
})

describe('OGC API – Features: collections', () => {
  it('lists grids, regions and cameras, each extent exactly the box of its features as served, in CRS84', async () => {
    const res = await get('/ogc/collections')
    expect(res.type).toMatch(JSON_TYPE)
    const { collections, links } = OgcCollections.parse(res.json())
    expect(linkOf(links, 'self')).toMatchObject({ href: `${city.server.url}/ogc/collections`, type: 'application/json' })
    expect(collections.map((c) => c.id)).toEqual(['grids', 'regions', 'cameras'])
    for (const c of collections) {
      expect(c.itemType).toBe('feature')
      expect(c.crs).toEqual([CRS84])
      expect(c.extent.spatial!.crs).toBe(CRS84)
      const items = linkOf(c.links, 'items')!
      expect(items).toMatchObject({ href: `${city.server.url}/ogc/collections/${c.id}/items`, type: 'application/geo+json' })
      const all = (await get(`${items.href}?limit=10000`, c.id === 'cameras' ? KEY : {})).json() as { features: { geometry: { coordinates: unknown } }[] }
      const at = all.features.flatMap((f) => positions(f.geometry.coordinates))
      const lons = at.map((p) => p[0])
      const lats = at.map((p) => p[1])
      expect(c.extent.spatial!.bbox).toEqual([[Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]])
    }
    const { first } = (await rows<{ first: string }>(
      `SELECT to_char(min(valid_from) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS first FROM grids WHERE valid_to IS NULL`))[0]!
    expect(collections[0]!.extent.temporal!.interval).toEqual([[first, null]])
    expect(collections[1]!.extent.temporal).toBeUndefined()
  })

  it('sends one collection as the list shows it, and a 404 naming an unknown one', async () => {
    const { collections } = OgcCollections.parse((await get('/ogc/collections')).json())
    for (const c of collections) expect((await get(`/ogc/collections/${c.id}`, c.id === 'cameras' ? KEY : {})).json()).toEqual(c)
    expect((await get('/ogc/collections/cameras')).status).toBe(401)
    const roads = await get('/ogc/collections/roads')
    expect(roads.status).toBe(404)
    expect(ApiErrorBody.parse(roads.json()).message).toContain('roads')
    expect((await get('/ogc/collections/roads/items')).status).toBe(404)
  })
})

describe('OGC API – Features: items', () => {
  it('pages the grids in code order: limit=2, and its next link gives the next 2; numberMatched is the store’s count', async () => {
    const res = await get('/ogc/collections/grids/items?limit=2')
    expect(res.status).toBe(200)
    expect(res.type).toMatch(GEOJSON)
    const first = grids.parse(res.json())
    expect(first.numberMatched).toBe(await count('SELECT count(*) AS n FROM grids WHERE valid_to IS NULL'))
    expect(first.numberReturned).toBe(2)
    expect(Math.abs(Date.parse(first.timeStamp) - Date.now())).toBeLessThan(60_000)
    expect(linkOf(first.links, 'self')!.href).toBe(`${city.server.url}/ogc/collections/grids/items?limit=2`)
    expect(linkOf(first.links, 'prev')).toBeUndefined()
    const next = linkOf(first.links, 'next')!
    expect(next.type).toBe('application/geo+json')
    const second = grids.parse((await get(next.href)).json())
    expect(second.numberReturned).toBe(2)
    const codes = await rows<{ code: string }>('SELECT code FROM grids WHERE valid_to IS NULL ORDER BY code LIMIT 4')
    expect([...first.features, ...second.features].map((f) => f.id)).toEqual(codes.map((r) => r.code))
    const back = grids.parse((await get(linkOf(second.links, 'prev')!.href)).json())
    expect(back.features.map((f) => f.id)).toEqual(first.features.map((f) => f.id))
  })

  it('keeps bbox in the next links and walks to the last page, which has none, having sent each match once', async () => {
    const box = [125.30, 46.38, 125.34, 46.42]
    const expected = await rows<{ code: string }>(
      'SELECT code FROM cameras WHERE ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)) ORDER BY code', box)
    expect(expected.length).toBeGreaterThan(400)
    const seen: string[] = []
    let href: string | undefined = `/ogc/collections/cameras/items?bbox=${box.join(',')}&limit=200`
    while (href) {
      const page = cameras.parse((await get(href, KEY)).json())
      expect(page.numberMatched).toBe(expected.length)
      expect(page.numberReturned).toBe(page.features.length)
      seen.push(...page.features.map((f) => f.id))
      href = linkOf(page.links, 'next')?.href
      if (href) expect(new URL(href).searchParams.get('bbox')).toBe(box.join(','))
    }
    expect(seen).toEqual(expected.map((r) => r.code))
  })

  it('selects by bbox exactly as ST_Intersects does, in every collection', async () => {
    const box = [125.25, 46.35, 125.45, 46.50]
    const tables = { grids: 'grids WHERE valid_to IS NULL AND', regions: 'regions WHERE', cameras: 'cameras WHERE' }
    for (const [id, from] of Object.entries(tables)) {
      const page = (await get(`/ogc/collections/${id}/items?bbox=${box.join(',')}&limit=1`, id === 'cameras' ? KEY : {})).json() as { numberMatched: number }
      const n = await count(`SELECT count(*) AS n FROM ${from} ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326))`, box)
      expect(n, id).toBeGreaterThan(0)
      expect(page.numberMatched, id).toBe(n)
    }
  })

  it('takes a box across the antimeridian and a box with heights', async () => {
    const matched = async (q: string) => grids.parse((await get(`/ogc/collections/grids/items?${q}`)).json()).numberMatched
    expect(await matched('bbox=120,40,-170,50')).toBe(1011)
    expect(await matched('bbox=170,40,-170,50')).toBe(0)
    expect(await matched('bbox=125.30,46.38,-100,125.34,46.42,100')).toBe(await matched('bbox=125.30,46.38,125.34,46.42'))
  })

  it('serves a limit above the maximum of 10,000 as 10,000 instead of refusing it', async () => {
    const res = await get('/ogc/collections/regions/items?limit=20000&offset=100')
    expect(res.status).toBe(200)
    const page = regions.parse(res.json())
    expect(page.numberReturned).toBe(page.numberMatched - 100)
    const prev = new URL(linkOf(page.links, 'prev')!.href)
    expect(Object.fromEntries(prev.searchParams)).toEqual({ limit: '10000', offset: '0' })
  })

  it('selects grids by datetime on their validity; regions and cameras, which have no time, all meet it', async () => {
    const { first } = (await rows<{ first: Date | string }>('SELECT min(valid_from) AS first FROM grids WHERE valid_to IS NULL'))[0]!
    const from = new Date(first)
    const before = new Date(from.getTime() - 1000).toISOString()
    const matched = async (collection: string, datetime: string) =>
      ((await get(`/ogc/collections/${collection}/items?datetime=${encodeURIComponent(datetime)}`, collection === 'cameras' ? KEY : {})).json() as { numberMatched: number }).numberMatched
    expect(await matched('grids', before)).toBe(0)
    expect(await matched('grids', from.toISOString())).toBe(await count('SELECT count(*) AS n FROM grids WHERE valid_to IS NULL AND valid_from <= $1', [from]))
    expect(await matched('grids', `../${before}`)).toBe(0)
    expect(await matched('grids', `${before}/..`)).toBe(1011)
    expect(await matched('grids', `${before}/${from.toISOString()}`)).toBeGreaterThan(0)
    expect(await matched('regions', before)).toBe(await count('SELECT count(*) AS n FROM regions'))
    expect(await matched('cameras', `../${before}`)).toBe(await count('SELECT count(*) AS n FROM cameras'))
  })

  it('answers a malformed bbox, limit, offset or datetime, or an unknown parameter, with a 400 naming it', async () => {
    const cases: [string, string][] = [
      ['bbox=125,46,124', 'bbox'], ['bbox=a,b,c,d', 'bbox'], ['bbox=0,95,1,96', 'bbox'], ['bbox=0,10,1,5', 'bbox'],
      ['limit=0', 'limit'], ['limit=ten', 'limit'], ['limit=2.5', 'limit'], ['offset=-1', 'offset'],
      ['datetime=yesterday', 'datetime'], ['datetime=../..', 'datetime'],
      ['datetime=2026-06-01T00:00:00Z/2026-01-01T00:00:00Z', 'datetime'], ['f=html', 'f'], ['colour=red', 'colour'],
    ]
    for (const [q, field] of cases) {
      const res = await get(`/ogc/collections/grids/items?${q}`)
      expect(res.status, q).toBe(400)
      expect(ApiErrorBody.parse(res.json()).issues?.map((i) => i.field), q).toEqual([field])
    }
    const res = await get('/ogc/collections/grids/items?bbox=125,46,124')
    expect(ApiErrorBody.parse(res.json())).toMatchObject({
      code: 'invalid_query',
      issues: [{ field: 'bbox', reason: 'must be 4 numbers west,south,east,north (or 6, with a minimum and a maximum height)' }],
    })
  })
})

describe('OGC API – Features: one feature', () => {
  it('sends a grid, a region and a camera by code, with self and collection links', async () => {
    const [grid] = await rows<{ code: string; households: number }>('SELECT code, households FROM grids WHERE valid_to IS NULL ORDER BY code DESC LIMIT 1')
    const res = await get(`/ogc/collections/grids/items/${grid!.code}`)
    expect(res.status).toBe(200)
    expect(res.type).toMatch(GEOJSON)
    const feature = ogcFeature(GridProps).parse(res.json())
    expect(feature.id).toBe(grid!.code)
    expect(feature.properties.households).toBe(grid!.households)
    expect(feature.links).toEqual([
      { href: `${city.server.url}/ogc/collections/grids/items/${grid!.code}`, rel: 'self', type: 'application/geo+json', title: 'this document' },
      { href: `${city.server.url}/ogc/collections/grids`, rel: 'collection', type: 'application/json', title: 'the collection' },
    ])
    const [township] = await rows<{ code: string; parent: string }>(
      `SELECT r.code, p.code AS parent FROM regions r JOIN regions p ON p.id = r.parent_id WHERE r.level = 'township' ORDER BY r.code LIMIT 1`)
    const region = ogcFeature(OgcRegionProps).parse((await get(`/ogc/collections/regions/items/${township!.code}?f=geojson`)).json())
    expect(region.properties).toMatchObject({ code: township!.code, level: 'township', parentCode: township!.parent })
    const [camera] = await rows<{ code: string; state: string }>('SELECT code, state FROM cameras ORDER BY code LIMIT 1')
    const cam = ogcFeature(OgcCameraProps).parse((await get(`/ogc/collections/cameras/items/${camera!.code}?f=json`, KEY)).json())
    expect(cam).toMatchObject({ id: camera!.code, geometry: { type: 'Point' }, properties: { state: camera!.state } })
  })

  it('answers 404 naming a feature the collection does not hold', async () => {
    const res = await get('/ogc/collections/cameras/items/231281001001001', KEY)
    expect(res.status).toBe(404)
    expect(ApiErrorBody.parse(res.json()).message).toBe('no feature 231281001001001 in collection cameras')
  })
})

describe('GET /api/v1/export/:regionCode', () => {
  const firstTownship = async () =>
    (await rows<{ id: number; code: string }>(`SELECT id, code FROM regions WHERE level = 'township' ORDER BY code LIMIT 1`))[0]!

  it('downloads a township’s current grids, the cameras in it and its cases as one GeoJSON file, as the store has them', async () => {
    const t = await firstTownship()
    const res = await get(`/api/v1/export/${t.code}?layers=grids,cameras,cases`, as.dutyLeader)
    expect(res.status).toBe(200)
    expect(res.type).toMatch(GEOJSON)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${t.code}.geojson"`)
    const { features } = ExportCollection.parse(res.json())
    const layer = (name: string) => features.filter((f) => f.properties.layer === name)
    const storeGrids = await rows<{ code: string; households: number }>(
      `SELECT g.code, g.households FROM grids g JOIN regions c ON c.id = g.community_id
       WHERE g.valid_to IS NULL AND c.parent_id = $1 ORDER BY g.code`, [t.id])
    expect(storeGrids.length).toBeGreaterThan(10)
    expect(layer('grids').map((f) => ({ code: f.id, households: 'households' in f.properties ? f.properties.households : null })))
      .toEqual(storeGrids)
    const storeCameras = await rows<{ code: string }>(
      'SELECT cam.code FROM cameras cam, regions t WHERE t.id = $1 AND ST_Covers(t.geom, cam.geom) ORDER BY cam.code', [t.id])
    expect(layer('cameras').map((f) => f.id)).toEqual(storeCameras.map((r) => r.code))
    const storeCases = await rows<{ code: string }>('SELECT code FROM cases WHERE township_id = $1 ORDER BY code', [t.id])
    expect(storeCases.length).toBeGreaterThan(10)
    expect(layer('cases').map((f) => f.id)).toEqual(storeCases.map((r) => r.code))
    expect(features.map((f) => f.properties.layer)).toEqual([
      ...storeGrids.map(() => 'grids'), ...storeCameras.map(() => 'cameras'), ...storeCases.map(() => 'cases'),
    ])
  })

  it('carries no description and no party: no name, phone or ID number of anyone in its cases', async () => {
    const t = await firstTownship()
    const { status, text } = await get(`/api/v1/export/${t.code}`, as.dutyLeader)
    expect(status).toBe(200)
    expect(text).not.toContain('"description"')
    expect(text).not.toContain('"parties"')
    const people = await rows<{ name: string; phone: string | null; id_number: string | null; description: string }>(
      `SELECT p.name, p.phone, p.id_number, c.description FROM case_parties p JOIN cases c ON c.id = p.case_id WHERE c.township_id = $1`, [t.id])
    expect(people.length).toBeGreaterThan(10)
    // Every string the file holds, as JSON writes it: a leak would be one of them.
    const strings = new Set(text.match(/"(?:[^"\\]|\\.)*"/g))
    const leaked = people.flatMap((p) => [p.name, p.phone, p.id_number, p.description]).filter((v) => v && strings.has(JSON.stringify(v)))
    expect(leaked).toEqual([])
  })

  it('holds only the layers asked for', async () => {
    const t = await firstTownship()
    const { features } = ExportCollection.parse((await get(`/api/v1/export/${t.code}?layers=cases`, as.dutyLeader)).json())
    expect(features.length).toBe(await count('SELECT count(*) AS n FROM cases WHERE township_id = $1', [t.id]))
    expect(new Set(features.map((f) => f.properties.layer))).toEqual(new Set(['cases']))
  })

  it('answers a bad code or layer list with a 400 naming the field, and an unknown region with a 404', async () => {
    const badCode = await get('/api/v1/export/2312811?layers=grids', as.dutyLeader)
    expect(badCode.status).toBe(400)
    expect(ApiErrorBody.parse(badCode.json()).issues).toEqual([{ field: 'regionCode', reason: 'must be a 12-digit region code' }])
    const badLayers = await get('/api/v1/export/231281000000?layers=grids,roads', as.dutyLeader)
    expect(badLayers.status).toBe(400)
    expect(ApiErrorBody.parse(badLayers.json()).issues).toEqual([{ field: 'layers', reason: 'must be a comma-separated list of grids, cameras, cases' }])
    const unknown = await get('/api/v1/export/231281999000', as.dutyLeader)
    expect(unknown.status).toBe(404)
    expect(ApiErrorBody.parse(unknown.json()).message).toContain('231281999000')
  })
})
