import { z } from 'zod'

export const Longitude = z.number().min(-180, 'longitude must be within -180..180').max(180, 'longitude must be within -180..180')
export const Latitude = z.number().min(-90, 'latitude must be within -90..90').max(90, 'latitude must be within -90..90')

/** A position as [longitude, latitude] in WGS 84 degrees, e.g. `[125.32, 46.40]`. */
export const LonLat = z.tuple([Longitude, Latitude])
export type LonLat = z.infer<typeof LonLat>

/** A decimal number as a query string writes one, e.g. `125.32`: no exponent, no hexadecimal, no `Infinity`. */
const DECIMAL = /^-?\d+(\.\d+)?$/

/** A number given in a query string, e.g. `lon=125.32`. */
export const QueryNumber = z.string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a decimal number') }).trim().regex(DECIMAL, 'must be a decimal number').transform(Number)

/**
 * A bounding box in a query string, `minLon,minLat,maxLon,maxLat` in degrees, e.g. `bbox=125.2,46.3,125.4,46.5`.
 * Four decimal numbers (as `QueryNumber` takes them), parsed to a 4-tuple; a box whose minimum exceeds its maximum is rejected.
 */
export const BboxParam = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => p.trim())
    const nums = parts.map(Number)
    if (parts.length !== 4 || !parts.every((p) => DECIMAL.test(p))) {
      ctx.addIssue({ code: 'custom', message: 'must be four numbers: minLon,minLat,maxLon,maxLat' })
      return z.NEVER
    }
    const [minLon, minLat, maxLon, maxLat] = nums as [number, number, number, number]
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
      ctx.addIssue({ code: 'custom', message: 'longitudes must be within -180..180 and latitudes within -90..90' })
      return z.NEVER
    }
    if (minLon > maxLon || minLat > maxLat) {
      ctx.addIssue({ code: 'custom', message: 'minimum must not exceed maximum' })
      return z.NEVER
    }
    return [minLon, minLat, maxLon, maxLat] as const
  })
export type Bbox = readonly [number, number, number, number]

/** GeoJSON geometry as the server sends it (RFC 7946, WGS 84). */
export const Geometry = z.object({ type: z.string(), coordinates: z.unknown() })
export type Geometry = { type: string; coordinates: unknown }

export type Feature<P, G extends Geometry = Geometry> = { type: 'Feature'; id: string; geometry: G; properties: P }
export type FeatureCollection<P, G extends Geometry = Geometry> = { type: 'FeatureCollection'; features: Feature<P, G>[] }

export const featureCollection = <P extends z.ZodType>(properties: P) =>
  z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), id: z.string(), geometry: Geometry, properties })),
  })
