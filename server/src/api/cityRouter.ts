import { Router, type Response } from 'express'
import { GridAtQuery, GridsQuery, RegionNamesQuery, RegionsQuery } from '../../../contract'
import { codeLevel, codePrefix } from '../../../domain/access'
import { gridAt, gridsGeoJson, regionByCode, regionNames, regionsGeoJson, roadsGeoJson } from '../db/cityQueries'
import type { Db } from '../db/Db'
import { allow } from './auth'
import { HttpError, parseOr400 } from './errors'
import { noQuery } from './noQuery'

const sendGeoJson = (res: Response, body: string) => res.type('application/geo+json').send(body)

/** The most grids one GeoJSON answer carries: a large county's (the demo city has 1,011); a province's are read as tiles. */
export const GEOJSON_MAX_GRIDS = 20_000

/**
 * The city's regions, grids and roads: `GET /regions`, `GET /regions/names`, `GET /grids`, `GET /grids/at`, `GET /roads`. Published
 * boundaries, the same for every signed-in caller whatever their scope: a desk draws its area on the city's map.
 */
export function cityRouter(db: Db, maxGrids = GEOJSON_MAX_GRIDS): Router {
  const router = Router()
  router.use(['/regions', '/grids', '/roads'], allow('read'))

  router.get('/regions', async (req, res) => {
    const q = parseOr400(RegionsQuery, req.query, 'query')
    sendGeoJson(res, await regionsGeoJson(db, q))
  })

  router.get('/regions/names', async (req, res) => {
    const { within } = parseOr400(RegionNamesQuery, req.query, 'query')
    const level = within ? codeLevel(within) : null
    res.json(await regionNames(db, within ? codePrefix(within) : '', level === 'township' || level === 'community'))
  })

  router.get('/grids', async (req, res) => {
    const q = parseOr400(GridsQuery, req.query, 'query')
    if (q.region) {
      const region = await regionByCode(db, q.region)
      if (!region) throw new HttpError(404, 'not_found', `no region with code ${q.region}`)
      if (q.level && region.level !== q.level) {
        throw new HttpError(400, 'invalid_query', `level: region ${q.region} is a ${region.level}, not a ${q.level}`, [
          { field: 'level', reason: `region ${q.region} is a ${region.level}, not a ${q.level}` },
        ])
      }
    }
    const body = await gridsGeoJson(db, q, maxGrids)
    if (body === null) {
      const reason = `more than ${maxGrids.toLocaleString('en')} grids${q.region ? ` in region ${q.region}` : ''}: ask for a smaller region or a bbox, or read the vector tiles /tiles/grids/{z}/{x}/{y}.mvt`
      throw new HttpError(400, 'too_many_grids', reason, [{ field: q.region ? 'region' : 'bbox', reason }])
    }
    sendGeoJson(res, body)
  })

  router.get('/grids/at', async (req, res) => {
    const q = parseOr400(GridAtQuery, req.query, 'query')
    const found = await gridAt(db, q.lon, q.lat)
    if (!found) throw new HttpError(404, 'not_found', `no grid at ${q.lon},${q.lat}: the point is outside the city`)
    res.json(found)
  })

  router.get('/roads', noQuery, async (_req, res) => {
    sendGeoJson(res, await roadsGeoJson(db))
  })

  return router
}
