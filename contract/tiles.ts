import { z } from 'zod'

/**
 * The vector-tile layers (`/tiles/{layer}/{z}/{x}/{y}.mvt`, Mapbox Vector Tile 2.1, web-mercator XYZ),
 * each one MVT layer of the same name, and the zooms it is served at: a tile below `minZoom` would hold
 * too many features to be of use (a province's grids at zoom 6); above `maxZoom` a client overzooms.
 * Properties: grids `code name kind community township`; regions `code name level kind parent`
 * (city from zoom 0, townships from 9, communities from 11); cameras `code class state`.
 */
export const TILE_LAYERS = {
  grids: { minZoom: 10, maxZoom: 16 },
  regions: { minZoom: 0, maxZoom: 16 },
  cameras: { minZoom: 13, maxZoom: 16 },
} as const
export const TileLayer = z.enum(['grids', 'regions', 'cameras'])
export type TileLayer = z.infer<typeof TileLayer>

/** Each tile's size in its own units, as ST_AsMVT's default. */
export const TILE_EXTENT = 4096

const Whole = (what: string) => z.string().regex(/^\d{1,7}$/, `${what} must be a whole number`).transform(Number)

/** A tile's address as the path gives it: the layer, its zoom within the layer's, x and y within 0..2^z-1. */
export const TileAddress = z
  .strictObject({ layer: TileLayer, z: Whole('z'), x: Whole('x'), y: Whole('y') })
  .superRefine((t, ctx) => {
    const { minZoom, maxZoom } = TILE_LAYERS[t.layer]
    if (t.z < minZoom || t.z > maxZoom) ctx.addIssue({ code: 'custom', path: ['z'], message: `${t.layer} tiles are served at zooms ${minZoom}..${maxZoom}` })
    for (const axis of ['x', 'y'] as const) {
      if (t[axis] >= 2 ** t.z) ctx.addIssue({ code: 'custom', path: [axis], message: `${axis} must be below 2^z = ${2 ** t.z}` })
    }
  })
export type TileAddress = z.infer<typeof TileAddress>
