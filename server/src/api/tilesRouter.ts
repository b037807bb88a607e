import { Router } from 'express'
import { TileAddress } from '../../../contract'
import type { TileSource } from '../tiles/tileSource'
import { allow } from './auth'
import { parseOr400 } from './errors'
import { noQuery } from './noQuery'

/**
 * `GET /tiles/{layer}/{z}/{x}/{y}.mvt`: published boundaries and camera points as Mapbox Vector Tiles, for
 * every signed-in caller as the GeoJSON routes are (a desk draws its area on the city's map). An empty tile
 * is a 200 with no body, as tile servers answer, so a map does not log a miss for every empty square.
 * Browsers revalidate each time (`no-cache` with an ETag): a tile changes when a grid is published.
 */
export function tilesRouter(tiles: TileSource): Router {
  const router = Router()
  router.use(allow('read'))
  router.get('/:layer/:z/:x/:y.mvt', noQuery, async (req, res) => {
    const address = parseOr400(TileAddress, req.params, 'path')
    const bytes = await tiles.tile(address)
    res.set('cache-control', 'private, no-cache').type('application/vnd.mapbox-vector-tile').send(bytes)
  })
  return router
}
