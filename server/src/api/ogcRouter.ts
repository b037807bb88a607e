import { type Request, type Response, Router } from 'express'
import {
  CRS84, GREGORIAN, OGC_CONFORMANCE, OGC_LIMIT, OPENAPI_JSON, type OgcCollection, OgcCollectionId, type OgcExtent,
  OgcFeatureQuery, OgcItemsQuery, type OgcLandingPage, type OgcLink, OgcQuery,
} from '../../../contract'
import { citywide } from '../../../domain/access'
import type { Db } from '../db/Db'
import { ogcExtents, type OgcExtentRow, ogcFeature, ogcFeatures } from '../db/ogcQueries'
import { HttpError, parseOr400 } from './errors'
import { noQuery } from './noQuery'
import { outsideScope } from './auth'
import { ogcApiDocument, ogcApiHtml } from './ogcApiDocument'

const JSON_TYPE = 'application/json'
const GEOJSON_TYPE = 'application/geo+json'

const COLLECTIONS: Record<OgcCollectionId, { title: string; description: string }> = {
  grids: {
    title: '网格 Grids',
    description: '当前网格及其户数、网格长和网格员人数。The current grids, with their households and their grid leader and worker posts.',
  },
  regions: {
    title: '行政区划 Regions',
    description: '市、乡镇（街道）、村（社区）。The city, its townships and streets, and their villages and communities.',
  },
  cameras: {
    title: '雪亮工程点位 Sharp Eyes cameras',
    description: '视频监控点位及其朝向、视角、距离和状态。The camera points, where each looks (bearing, field of view, range) and its state.',
  },
}

/** Where the API is mounted, as the client reached it; every link is absolute, so no client has to resolve one. */
const rootOf = (req: Request) => `${req.protocol}://${req.get('host')}${req.baseUrl}`

/** `url` with the request's query, `changes` set over it (so a page link keeps bbox, datetime and f). */
function withQuery(url: string, query: Request['query'], changes: Record<string, number> = {}): string {
  const params = new URLSearchParams(query as Record<string, string>)
  for (const [k, v] of Object.entries(changes)) params.set(k, String(v))
  const search = params.toString()
  return search ? `${url}?${search}` : url
}

function collectionOr404(id: string): OgcCollectionId {
  const parsed = OgcCollectionId.safeParse(id)
  if (!parsed.success) throw new HttpError(404, 'not_found', `no collection ${id}; the collections are ${OgcCollectionId.options.join(', ')}`)
  return parsed.data
}

function extentOf(row: OgcExtentRow): OgcExtent {
  const { west, south, east, north, valid_from } = row
  return {
    ...(west === null ? {} : { spatial: { bbox: [[west, south!, east!, north!]], crs: CRS84 } }),
    ...(valid_from === null ? {} : { temporal: { interval: [[valid_from, null]], trs: GREGORIAN } }),
  }
}

/** The same object in `/collections` and `/collections/{id}` (/req/core/sfc-md-success B). */
function collectionOf(root: string, row: OgcExtentRow): OgcCollection {
  const url = `${root}/collections/${row.id}`
  return {
    id: row.id,
    ...COLLECTIONS[row.id],
    extent: extentOf(row),
    itemType: 'feature',
    // No Part 2 `storageCrs`: GDAL, given one, sends `crs` and `bbox-crs` on every request, which the
    // Core refuses as parameters the definition does not name.
    crs: [CRS84],
    links: [
      { href: url, rel: 'self', type: JSON_TYPE, title: 'this collection' },
      { href: `${url}/items`, rel: 'items', type: GEOJSON_TYPE, title: COLLECTIONS[row.id].title },
    ],
  }
}

const sendGeoJson = (res: Response, body: string) => res.type(GEOJSON_TYPE).send(body)

/**
 * The city's current grids, regions and cameras, read-only, as OGC API – Features – Part 1: Core
 * (17-069r4) with GeoJSON and an OpenAPI 3.0 definition. Each resource has one representation, so
 * there are no `alternate` links, and `Accept` is not negotiated: the one representation is sent.
 * No CORS header (/rec/core/cross-origin is a recommendation): the server stands on the command
 * centre's network, and a page from anywhere else must not read where the cameras are.
 * Grids and regions are published boundaries, open to desktop GIS without a key; the cameras are
 * not: they need an API key (`X-API-Key`, which GDAL's GDAL_HTTP_HEADERS and QGIS's API-header
 * authentication send) of an account whose scope is the whole city.
 */
export function ogcRouter(db: Db): Router {
  const router = Router()

  router.use('/collections/:collectionId', (req, _res, next) => {
    if (req.params.collectionId !== 'cameras') return next()
    const caller = req.caller
    if (!caller) throw new HttpError(401, 'unauthenticated', 'the cameras need an API key: send it as X-API-Key (or Authorization: Bearer)')
    if (!citywide(caller.reach)) throw outsideScope(caller, 'the city\'s cameras')
    next()
  })

  router.get('/', (req, res) => {
    parseOr400(OgcQuery, req.query, 'query')
    const root = rootOf(req)
    const body: OgcLandingPage = {
      title: '城市社会治理指挥中心 · Grid-governance command centre',
      description: '本市当前网格、行政区划和雪亮工程点位（OGC API – Features）。The city’s current grids, regions and Sharp Eyes cameras as OGC API – Features.',
      links: [
        { href: `${root}/`, rel: 'self', type: JSON_TYPE, title: 'this document' },
        { href: `${root}/api`, rel: 'service-desc', type: OPENAPI_JSON, title: 'the API definition' },
        { href: `${root}/api.html`, rel: 'service-doc', type: 'text/html', title: 'the API documentation' },
        { href: `${root}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'the conformance classes implemented' },
        { href: `${root}/collections`, rel: 'data', type: JSON_TYPE, title: 'the feature collections' },
      ],
    }
    res.json(body)
  })

  // The API definition takes no parameters, not even `f`: it has its own media type.
  router.get('/api', noQuery, (req, res) => {
    res.type(OPENAPI_JSON).send(JSON.stringify(ogcApiDocument(rootOf(req))))
  })

  router.get('/api.html', noQuery, (req, res) => {
    res.type('html').send(ogcApiHtml(ogcApiDocument(rootOf(req))))
  })

  router.get('/conformance', (req, res) => {
    parseOr400(OgcQuery, req.query, 'query')
    res.json({ conformsTo: OGC_CONFORMANCE })
  })

  router.get('/collections', async (req, res) => {
    parseOr400(OgcQuery, req.query, 'query')
    const root = rootOf(req)
    const rows = await ogcExtents(db)
    res.json({
      links: [{ href: `${root}/collections`, rel: 'self', type: JSON_TYPE, title: 'this document' }],
      collections: rows.map((row) => collectionOf(root, row)),
    })
  })

  router.get('/collections/:collectionId', async (req, res) => {
    const id = collectionOr404(req.params.collectionId)
    parseOr400(OgcQuery, req.query, 'query')
    const [row] = await ogcExtents(db, id)
    res.json(collectionOf(rootOf(req), row!))
  })

  router.get('/collections/:collectionId/items', async (req, res) => {
    const id = collectionOr404(req.params.collectionId)
    const q = parseOr400(OgcItemsQuery, req.query, 'query')
    const limit = q.limit ?? OGC_LIMIT.default
    const offset = q.offset ?? 0
    const page = await ogcFeatures(db, id, { bbox: q.bbox, datetime: q.datetime, limit, offset })
    const url = `${rootOf(req)}/collections/${id}/items`
    // A page link names the limit it was served with: a `limit` above the maximum then reads as what it gave.
    const pageAt = (at: number) => withQuery(url, req.query, { ...(q.limit === undefined ? {} : { limit }), offset: at })
    const links: OgcLink[] = [
      { href: withQuery(url, req.query), rel: 'self', type: GEOJSON_TYPE, title: 'this document' },
      { href: `${rootOf(req)}/collections/${id}`, rel: 'collection', type: JSON_TYPE, title: 'the collection' },
    ]
    if (offset + page.returned < page.matched) links.push({ href: pageAt(offset + limit), rel: 'next', type: GEOJSON_TYPE, title: 'the next page' })
    if (offset > 0) links.push({ href: pageAt(Math.max(0, offset - limit)), rel: 'prev', type: GEOJSON_TYPE, title: 'the previous page' })
    const head = {
      type: 'FeatureCollection', timeStamp: new Date().toISOString(),
      numberMatched: page.matched, numberReturned: page.returned, links,
    }
    // The features are PostGIS's text, spliced in rather than parsed and written again.
    sendGeoJson(res, `${JSON.stringify(head).slice(0, -1)},"features":${page.features}}`)
  })

  router.get('/collections/:collectionId/items/:featureId', async (req, res) => {
    const id = collectionOr404(req.params.collectionId)
    parseOr400(OgcFeatureQuery, req.query, 'query')
    const { featureId } = req.params
    // No code holds a NUL, and no text parameter can carry one to the store.
    const feature = featureId.includes('\u0000') ? null : await ogcFeature(db, id, featureId)
    if (!feature) throw new HttpError(404, 'not_found', `no feature ${featureId} in collection ${id}`)
    const root = rootOf(req)
    const links: OgcLink[] = [
      { href: withQuery(`${root}/collections/${id}/items/${encodeURIComponent(featureId)}`, req.query), rel: 'self', type: GEOJSON_TYPE, title: 'this document' },
      { href: `${root}/collections/${id}`, rel: 'collection', type: JSON_TYPE, title: 'the collection' },
    ]
    sendGeoJson(res, JSON.stringify({ ...feature, links }))
  })

  return router
}
