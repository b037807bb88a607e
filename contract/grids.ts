import { z } from 'zod'
import { BboxParam, featureCollection, QueryNumber, Latitude, Longitude } from './geo'
import { GridKind, RegionLevel, RegionKind } from './domain'
import { GridCode, RegionCode } from './fields'

/** A grid (网格) as the API sends it. `code` is its community's 12-digit code plus a 3-digit number. */
export const GridProps = z.object({
  code: GridCode,
  name: z.string(),
  kind: GridKind,
  version: z.number().int(),
  communityCode: z.string(),
  townshipCode: z.string(),
  households: z.number().int(),
  leaders: z.number().int(),
  fulltimeWorkers: z.number().int(),
  parttimeWorkers: z.number().int(),
  validFrom: z.string(),
})
export type GridProps = z.infer<typeof GridProps>

export const GridCollection = featureCollection(GridProps)
export type GridCollection = z.infer<typeof GridCollection>

/**
 * `GET /api/v1/grids?bbox=125.2,46.3,125.4,46.5&region=231281001000&level=township`.
 * `region` keeps the grids under that region; `level` (with `region`) names the region's level
 * and must match it, so a client can say "grids of this township" and be told if the code is not one.
 */
export const GridsQuery = z.strictObject({
  bbox: BboxParam.optional(),
  region: RegionCode().optional(),
  level: RegionLevel.optional(),
  kind: GridKind.optional(),
})
export type GridsQuery = z.infer<typeof GridsQuery>

/** `GET /api/v1/grids/at?lon=125.32&lat=46.40` */
export const GridAtQuery = z.strictObject({
  lon: QueryNumber.pipe(Longitude),
  lat: QueryNumber.pipe(Latitude),
})
export type GridAtQuery = z.infer<typeof GridAtQuery>

export const RegionRef = z.object({ code: z.string(), name: z.string(), level: RegionLevel, kind: RegionKind })
export type RegionRef = z.infer<typeof RegionRef>

/** The grid at a point and its chain of regions, nearest first: community/village, township/street, city. */
export const GridAt = z.object({ grid: GridProps, regions: z.array(RegionRef) })
export type GridAt = z.infer<typeof GridAt>
