import { Router } from 'express'
import { ExportLayer, ExportParams, ExportQuery } from '../../../contract'
import { regionByCode } from '../db/cityQueries'
import type { Db } from '../db/Db'
import { regionExport } from '../db/exportQueries'
import { coversArea } from '../../../domain/access'
import { allow, outsideScope } from './auth'
import { HttpError, parseOr400 } from './errors'

/**
 * `GET /:regionCode?layers=grids,cameras,cases`: a city's, township's or community's current grids,
 * the cameras in it and its cases as one GeoJSON download for desktop GIS. Public fields only: a
 * case's description and parties never leave the store this way.
 */
export function exportRouter(db: Db): Router {
  return Router().get('/:regionCode', allow('export'), async (req, res) => {
    const { regionCode } = parseOr400(ExportParams, req.params, 'path')
    if (!coversArea(req.caller!.reach, regionCode)) throw outsideScope(req.caller!, regionCode)
    const { layers } = parseOr400(ExportQuery, req.query, 'query')
    if (!(await regionByCode(db, regionCode))) throw new HttpError(404, 'not_found', `no region with code ${regionCode}`)
    const body = await regionExport(db, regionCode, layers ?? ExportLayer.options)
    res.type('application/geo+json').set('Content-Disposition', `attachment; filename="${regionCode}.geojson"`).send(body)
  })
}
