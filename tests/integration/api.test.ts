import { describe, expect, it } from 'vitest'
import { ApiErrorBody, GridAt, GridCollection, Health, RegionCollection } from '../../contract'
import { loadMigrations } from '../../server/src/db/migrate'
import { as } from '../support/serve'
import { servedCity } from '../support/servedCity'
import { engine } from '../support/testDb'

const city = servedCity()

const get = async (path: string) => {
  const res = await fetch(city.server.url + path, { headers: { 'accept-encoding': 'gzip', ...as.dutyLeader } })
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    encoding: res.headers.get('content-encoding'),
    body: (await res.json()) as unknown,
  }
}

describe('GET /api/health', () => {
  it('reports the engine in use, PostGIS and the migration level', async () => {
    const { status, body } = await get('/api/health')
    expect(status).toBe(200)
    const health = Health.parse(body)
    expect(health.engine).toBe(engine)
    const newest = loadMigrations().at(-1)!
    expect(health.migration).toEqual({ version: newest.version, name: newest.name })
    expect(health.postgis).toMatch(/^3\.\d/)
    expect(health.city.grids).toBe(1011)
  })
})

describe('GET /api/v1/regions', () => {
  it('sends every region as GeoJSON, and one level when asked', async () => {
    const all = RegionCollection.parse((await get('/api/v1/regions')).body)
    expect(all.features.length).toBeGreaterThan(120)
    const { type, body } = await get('/api/v1/regions?level=township')
    expect(type).toMatch(/^application\/geo\+json/)
    const townships = RegionCollection.parse(body)
    expect(townships.features).toHaveLength(18)
    expect(townships.features.map((f) => f.properties.name)).toContain('安达镇')
    expect(townships.features.reduce((s, f) => s + f.properties.gridCount, 0)).toBe(1011)
  })

  it('lists the communities of one street', async () => {
    const street = RegionCollection.parse((await get('/api/v1/regions?parent=231281001000')).body)
    expect(street.features.length).toBeGreaterThan(3)
    expect(street.features.every((f) => f.properties.kind === 'community' && f.properties.parentCode === '231281001000')).toBe(true)
  })
})

describe('GET /api/v1/grids', () => {
  it('sends all 1,011 current grids as GeoJSON polygons, gzipped', async () => {
    const res = await get('/api/v1/grids')
    expect(res.encoding).toBe('gzip')
    const grids = GridCollection.parse(res.body)
    expect(grids.features).toHaveLength(1011)
    expect(grids.features[0]!.geometry.type).toBe('MultiPolygon')
  })

  it('keeps only the grids that meet a bbox', async () => {
    const town = GridCollection.parse((await get('/api/v1/grids?bbox=125.30,46.38,125.34,46.42')).body)
    const meeting = await city.db.query<{ code: string }>(`SELECT code FROM grids
      WHERE valid_to IS NULL AND ST_Intersects(geom, ST_MakeEnvelope(125.30, 46.38, 125.34, 46.42, 4326)) ORDER BY code`)
    expect(meeting.length).toBeGreaterThan(20)
    expect(town.features.map((f) => f.properties.code).sort()).toEqual(meeting.map((g) => g.code))
    expect(town.features.every((f) => f.properties.kind === 'urban')).toBe(true)
  })

  it('keeps the grids of one township, checking the level the client names', async () => {
    const grids = GridCollection.parse((await get('/api/v1/grids?region=231281001000&level=township')).body)
    expect(grids.features.length).toBeGreaterThan(50)
    expect(grids.features.every((f) => f.properties.townshipCode === '231281001000')).toBe(true)
    const wrong = await get('/api/v1/grids?region=231281001000&level=community')
    expect(wrong.status).toBe(400)
    expect(ApiErrorBody.parse(wrong.body).issues).toEqual([{ field: 'level', reason: 'region 231281001000 is a township, not a community' }])
  })

  it('answers 404 naming an unknown region', async () => {
    const { status, body } = await get('/api/v1/grids?region=231281999000')
    expect(status).toBe(404)
    expect(ApiErrorBody.parse(body).message).toContain('231281999000')
  })

  it('rejects a malformed bbox and an unknown parameter, naming each', async () => {
    const { status, body } = await get('/api/v1/grids?bbox=125,46,124&colour=red')
    expect(status).toBe(400)
    expect(ApiErrorBody.parse(body)).toMatchObject({
      code: 'invalid_query',
      issues: [
        { field: 'bbox', reason: 'must be four numbers: minLon,minLat,maxLon,maxLat' },
        { field: 'colour', reason: 'is not a known parameter' },
      ],
    })
  })
})

describe('GET /api/v1/grids/at', () => {
  it('returns the grid at a point and its region chain', async () => {
    const { status, body } = await get('/api/v1/grids/at?lon=125.32&lat=46.40')
    expect(status).toBe(200)
    const at = GridAt.parse(body)
    expect(at.regions.map((r) => r.level)).toEqual(['community', 'township', 'county'])
    expect(at.grid.code.startsWith(at.regions[0]!.code)).toBe(true)
  })

  it('answers a malformed lon with a 400 naming lon', async () => {
    const { status, body } = await get('/api/v1/grids/at?lon=12x&lat=46.4')
    expect(status).toBe(400)
    expect(ApiErrorBody.parse(body).issues).toEqual([{ field: 'lon', reason: 'must be a decimal number' }])
  })

  it('answers an out-of-range latitude and a missing lon, naming both', async () => {
    const { status, body } = await get('/api/v1/grids/at?lat=95')
    expect(status).toBe(400)
    expect(ApiErrorBody.parse(body).issues?.map((i) => i.field).sort()).toEqual(['lat', 'lon'])
  })

  it('answers 404 for a point outside the city', async () => {
    const { status, body } = await get('/api/v1/grids/at?lon=0&lat=0')
    expect(status).toBe(404)
    expect(ApiErrorBody.parse(body).code).toBe('not_found')
  })
})

describe('ground rules', () => {
  it('answers an unknown API route with a 404 in the error shape', async () => {
    const { status, body } = await get('/api/v1/nowhere')
    expect(status).toBe(404)
    expect(ApiErrorBody.parse(body)).toEqual({ code: 'not_found', message: 'no route GET /api/v1/nowhere' })
  })

  it('answers a broken JSON body with a 400, never a stack trace', async () => {
    const res = await fetch(`${city.server.url}/api/v1/grids`, { method: 'POST', headers: { 'content-type': 'application/json', ...as.dutyLeader }, body: '{"a":' })
    const text = await res.text()
    expect(res.status).toBe(400)
    expect(ApiErrorBody.parse(JSON.parse(text)).code).toBe('invalid_json')
    expect(text).not.toMatch(/at .*\.ts:\d+/)
  })
})
