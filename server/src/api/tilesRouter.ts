import { Router } from 'express'
import { TileAddress } from '../../../contract'
import { citywide } from '../../../domain/access'
import type { TileSource } from '../tiles/tileSource'
import { allow, outsideScope } from './auth'
import { parseOr400 } from './errors'
import { noQuery } from './noQuery'

/**
 * `GET /tiles/{layer}/{z}/{x}/{y}.mvt`: published boundaries as Mapbox Vector Tiles for every signed-in caller,
 * as the GeoJSON routes are (a desk draws its area on the city's map); camera points only for an account
 * whose scope is the whole city, as the OGC cameras (a scoped screen has its own cameras from the
 * snapshot, and where the cameras are is not for everyone). An empty tile
 * is a 200 with no body, as tile servers answer, so a map does not log a miss for every empty square.
 * Browsers revalidate each time (`no-cache` with an ETag): a tile changes when a grid is published.
 */
export function tilesRouter(tiles: TileSource): Router {
  const router = Router()
  router.use(allow('read'))
  router.get('/:layer/:z/:x/:y.mvt', noQuery, async (req, res) => {
    const address = parseOr400(TileAddress, req.params, 'path')
    if (address.layer === 'cameras' && !citywide(req.caller!.reach)) throw outsideScope(req.caller!, "the city's cameras")
    const bytes = await tiles.tile(address)
    res.set('cache-control', 'private, no-cache').type('application/vnd.mapbox-vector-tile').send(bytes)
  })
  return router
}
