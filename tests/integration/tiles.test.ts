import { VectorTile } from '@mapbox/vector-tile'
import * as turf from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { PbfReader } from 'pbf'
import { afterEach, describe, expect, it } from 'vitest'
import { Draft, DraftEdit, GridCollection, TILE_LAYERS, type TileLayer } from '../../contract'
import { tileAt, tileBbox } from '../../domain/tileMath'
import { createTileSource } from '../../server/src/tiles/tileSource'
import { closeWatchers, until, watch } from '../support/live'
import { as, call } from '../support/serve'
import { servedCity } from '../support/servedCity'
import { engine } from '../support/testDb'

const city = servedCity()
afterEach(closeWatchers)

type Tile = { z: number; x: number; y: number }
type Area = Feature<Polygon | MultiPolygon>

const pathOf = (layer: string, t: Tile) => `/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`

const fetchTile = async (layer: string, t: Tile, headers: Record<string, string> = as.dutyLeader) => {
  const res = await fetch(city.server.url + pathOf(layer, t), { headers })
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
}

/** A tile's one layer read back by Mapbox's reader, each feature in lon/lat with its properties. */
const decode = (bytes: Uint8Array, layer: TileLayer, t: Tile) => {
  const read = new VectorTile(new PbfReader(bytes)).layers[layer]
  if (!read) return []
  return Array.from({ length: read.length }, (_, i) => {
    const f = read.feature(i).toGeoJSON(t.x, t.y, t.z)
    return { ...f, properties: (f.properties ?? {}) as Record<string, string | number | boolean> }
  })
}
const square = (t: Tile) => turf.bboxPolygon([...tileBbox(t.z, t.x, t.y)] as [number, number, number, number])

/** The city's current grids as the GeoJSON route gives them: the independent answer a tile is checked against. */
const gridsOfCity = async (): Promise<Area[]> => GridCollection.parse((await call(`${city.server.url}/api/v1/grids`, 'GET', undefined, as.dutyLeader)).body).features as Area[]

/** The town centre (a street's point on surface) and the city's: where tiles are full and where they are sparse. */
const places = async () => {
  const [row] = await city.db.query<{ town: [number, number]; middle: [number, number] }>(`
    SELECT json_build_array(ST_X(ST_PointOnSurface(s.geom)), ST_Y(ST_PointOnSurface(s.geom))) AS town,
           json_build_array(ST_X(ST_Centroid(c.geom)), ST_Y(ST_Centroid(c.geom))) AS middle
    FROM regions s, regions c WHERE s.kind = 'street' AND c.level = 'county' ORDER BY s.code LIMIT 1`)
  return row!
}

describe('vector tiles of the grids', () => {
  it('hold every grid that meets the tile and none that does not, each with its shape inside the tile, at three zooms', async () => {
    const grids = await gridsOfCity()
    const { town, middle } = await places()
    for (const t of [tileAt(town, 15), tileAt(town, 13), tileAt(middle, 11)]) {
      const { res, bytes } = await fetchTile('grids', t)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
      const box = square(t)
      const expected = grids.filter((g) => turf.booleanIntersects(g, box)).map((g) => g.properties!.code as string).sort()
      const found = decode(bytes, 'grids', t)
      expect(found.map((f) => f.properties.code).sort(), `tile ${pathOf('grids', t)}`).toEqual(expected)
      expect(expected.length).toBeGreaterThan(0)
      for (const f of found) {
        const grid = grids.find((g) => g.properties!.code === f.properties.code)!
        expect(f.properties).toMatchObject({ name: grid.properties!.name, kind: grid.properties!.kind, community: grid.properties!.communityCode, township: grid.properties!.townshipCode })
        // Within the tile the shape is the grid's, to the tile's resolution (1/4096 of its width).
        const truth = turf.intersect(turf.featureCollection([grid, box]))
        const drawn = turf.intersect(turf.featureCollection([f as Area, box]))
        const truthArea = truth ? turf.area(truth) : 0
        const unit = turf.area(box) / 4096
        expect(Math.abs((drawn ? turf.area(drawn) : 0) - truthArea), `${f.properties.code} in ${pathOf('grids', t)}`).toBeLessThan(Math.max(truthArea * 0.01, unit * 50))
      }
    }
  })

  it('are the same whoever encodes them: PostGIS where it can, Node on the embedded engine', async () => {
    const { town } = await places()
    const t = tileAt(town, 14)
    const node = await createTileSource(city.db, { encoder: 'node' })
    const served = city.server.tiles
    expect(served.encoder).toBe(engine === 'pg' ? 'postgis' : 'node')
    if (engine !== 'pg') return
    const postgis = await createTileSource(city.db, { encoder: 'postgis' })
    for (const layer of ['grids', 'regions', 'cameras'] as const) {
      const a = decode(await node.tile({ layer, ...t }), layer, t)
      const b = decode(await postgis.tile({ layer, ...t }), layer, t)
      expect(a.map((f) => f.properties).sort((p, q) => String(p.code).localeCompare(String(q.code))))
        .toEqual(b.map((f) => f.properties).sort((p, q) => String(p.code).localeCompare(String(q.code))))
      for (const f of a.filter((g) => g.geometry.type !== 'Point')) {
        const twin = b.find((g) => g.properties.code === f.properties.code)!
        // Both clip at the buffer and snap to whole tile units, not always the same way: at most a unit's
        // width along the shape's outline apart.
        const unit = Math.sqrt(turf.area(square(t))) / 4096
        const outline = turf.length(turf.polygonToLine(f as Area) as Parameters<typeof turf.length>[0], { units: 'meters' })
        expect(Math.abs(turf.area(twin as Area) - turf.area(f as Area))).toBeLessThan(outline * unit)
      }
    }
  })
})

describe('vector tiles of regions and cameras', () => {
  it('show the city and its townships at zoom 10 and communities from 11', async () => {
    const { middle } = await places()
    const at10 = tileAt(middle, 10)
    const levels10 = new Set(decode((await fetchTile('regions', at10)).bytes, 'regions', at10).map((f) => f.properties.level))
    expect([...levels10].sort()).toEqual(['county', 'township'])
    const at12 = tileAt(middle, 12)
    const regions12 = decode((await fetchTile('regions', at12)).bytes, 'regions', at12)
    expect(regions12.some((f) => f.properties.level === 'community' && typeof f.properties.parent === 'string')).toBe(true)
  })

  it('hold the cameras in the tile with their state, and nothing personal', async () => {
    const { town } = await places()
    const t = tileAt(town, 15)
    const [lon0, lat0, lon1, lat1] = tileBbox(t.z, t.x, t.y)
    const inTile = await city.db.query<{ code: string; state: string }>(
      'SELECT code, state FROM cameras WHERE ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)) ORDER BY code', [lon0, lat0, lon1, lat1])
    expect(inTile.length).toBeGreaterThan(0)
    const found = decode((await fetchTile('cameras', t)).bytes, 'cameras', t)
    expect(found.map((f) => ({ code: f.properties.code, state: f.properties.state })).sort((a, b) => String(a.code).localeCompare(String(b.code)))).toEqual(inTile)
    expect(Object.keys(found[0]!.properties).sort()).toEqual(['class', 'code', 'state'])
  })
})

describe('the tile route', () => {
  it('answers only a signed-in caller, and names the part of the address that is wrong', async () => {
    const { town } = await places()
    const t = tileAt(town, 14)
    expect((await fetchTile('grids', t, {})).res.status).toBe(401)
    for (const [path, field] of [
      [`/tiles/grids/${TILE_LAYERS.grids.minZoom - 1}/0/0.mvt`, 'z'],
      ['/tiles/grids/12/4096/0.mvt', 'x'],
      ['/tiles/grids/12/0/4096.mvt', 'y'],
      ['/tiles/grids/12/0/-1.mvt', 'y'],
      ['/tiles/roads/12/0/0.mvt', 'layer'],
    ] as const) {
      const { status, body } = await call(city.server.url + path, 'GET', undefined, as.dutyLeader)
      expect(status, path).toBe(400)
      expect((body as { issues: { field: string }[] }).issues.map((i) => i.field), path).toContain(field)
    }
    expect((await call(`${city.server.url}/tiles/grids/12/0/0.mvt?x=1`, 'GET', undefined, as.dutyLeader)).status).toBe(400)
  })

  it('sends an empty tile, with no body, where there is nothing', async () => {
    const { res, bytes } = await fetchTile('grids', { z: 10, x: 0, y: 0 })
    expect(res.status).toBe(200)
    expect(bytes.length).toBe(0)
  })
})

describe('the tile cache', () => {
  it('forgets the tiles over a community whose grids are published, before the screens hear of it, and keeps the rest', async () => {
    const COMMUNITY = '231281001001'
    const [pair] = await city.db.query<{ a: string; b: string; inside: [number, number]; far: [number, number] }>(`
      SELECT a.code AS a, b.code AS b,
             json_build_array(ST_X(ST_PointOnSurface(b.geom)), ST_Y(ST_PointOnSurface(b.geom))) AS inside,
             (SELECT json_build_array(ST_X(ST_PointOnSurface(o.geom)), ST_Y(ST_PointOnSurface(o.geom)))
              FROM regions o WHERE o.level = 'community' AND NOT ST_DWithin(o.geom, c.geom, 0.05) ORDER BY o.code LIMIT 1) AS far
      FROM grids a JOIN grids b ON a.community_id = b.community_id AND a.code < b.code AND ST_Relate(a.geom, b.geom, '****1****')
      JOIN regions c ON c.id = a.community_id
      WHERE c.code = $1 AND a.valid_to IS NULL AND b.valid_to IS NULL ORDER BY a.code, b.code LIMIT 1`, [COMMUNITY])
    const here = tileAt(pair!.inside, 15)
    const there = tileAt(pair!.far, 15)
    expect(decode((await fetchTile('grids', here)).bytes, 'grids', here).map((f) => f.properties.code)).toContain(pair!.b)
    await fetchTile('grids', there)
    expect(city.server.tiles.holds({ layer: 'grids', ...here })).toBe(true)
    expect(city.server.tiles.holds({ layer: 'grids', ...there })).toBe(true)

    const api = (method: string, path: string, body?: unknown) => call(city.server.url + path, method, body, as.analyst)
    const draft = Draft.parse((await api('POST', '/api/v1/drafts', { community: COMMUNITY })).body)
    const merged = DraftEdit.parse((await api('POST', `/api/v1/drafts/${draft.id}/merge`, { codes: [pair!.a, pair!.b], expectedVersion: draft.version })).body)
    const watcher = watch(city.server.url, ['city'])
    await watcher.hello
    const published = await api('POST', `/api/v1/drafts/${draft.id}/publish`, { expectedVersion: merged.draft.version, note: '合并相邻网格，测试切片缓存' })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    await until(() => watcher.received.some((c) => c.entity === 'grid'), 'the published grids')
    // By the time a screen hears of the change, the tile it would ask for again is gone from the cache.
    expect(city.server.tiles.holds({ layer: 'grids', ...here })).toBe(false)
    expect(city.server.tiles.holds({ layer: 'grids', ...there })).toBe(true)
    const after = decode((await fetchTile('grids', here)).bytes, 'grids', here).map((f) => f.properties.code)
    expect(after).toContain(pair!.a)
    expect(after).not.toContain(pair!.b)
  })

  it('forgets the camera tile at a camera whose state changed, and keeps the one beside it', async () => {
    const [cam] = await city.db.query<{ id: number; at: [number, number]; far: [number, number] }>(`
      SELECT c.id, json_build_array(ST_X(c.geom), ST_Y(c.geom)) AS at,
             (SELECT json_build_array(ST_X(o.geom), ST_Y(o.geom)) FROM cameras o WHERE NOT ST_DWithin(o.geom, c.geom, 0.05) ORDER BY o.id LIMIT 1) AS far
      FROM cameras c WHERE c.state = 'online' ORDER BY c.id LIMIT 1`)
    const here = { layer: 'cameras' as const, ...tileAt(cam!.at, 15) }
    const there = { layer: 'cameras' as const, ...tileAt(cam!.far, 15) }
    await fetchTile('cameras', here)
    await fetchTile('cameras', there)
    expect([city.server.tiles.holds(here), city.server.tiles.holds(there)]).toEqual([true, true])
    const watcher = watch(city.server.url, ['city'])
    await watcher.hello
    expect((await call(`${city.server.url}/api/v1/cameras/${cam!.id}/state`, 'POST', { state: 'faulty' }, as.dutyLeader)).status).toBe(200)
    await until(() => watcher.received.some((c) => c.entity === 'camera' && c.data.id === cam!.id), 'the camera change')
    expect([city.server.tiles.holds(here), city.server.tiles.holds(there)]).toEqual([false, true])
    const states = decode((await fetchTile('cameras', here)).bytes, 'cameras', here)
    expect(states.find((f) => f.properties.code !== undefined && f.properties.state === 'faulty')).toBeDefined()
  })
})
