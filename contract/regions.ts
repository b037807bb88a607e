import { z } from 'zod'
import { BboxParam, featureCollection } from './geo'
import { RegionKind, RegionLevel } from './domain'
import { RegionCode } from './fields'

/** An administrative region as the API sends it, e.g. `{ code: '231281100000', name: '安达镇', level: 'township', kind: 'township', parentCode: '231281000000' }`. */
export const RegionProps = z.object({
  code: RegionCode(),
  name: z.string(),
  level: RegionLevel,
  kind: RegionKind,
  parentCode: z.string().nullable(),
  households: z.number().int(),
  gridCount: z.number().int(),
  /** Where the region's seat (镇政府, 村委会) stands: `[lon, lat]`. */
  seat: z.tuple([z.number(), z.number()]).nullable(),
})
export type RegionProps = z.infer<typeof RegionProps>

export const RegionCollection = featureCollection(RegionProps)
export type RegionCollection = z.infer<typeof RegionCollection>

/**
 * A region (or, inside a township, a current grid) named, without its shape: `GET /api/v1/regions/names?within=520000000000`
 * lists them, in code order.
 */
export const RegionName = z.object({ code: z.string(), name: z.string(), level: z.union([RegionLevel, z.literal('grid')]), parentCode: z.string().nullable() })
export type RegionName = z.infer<typeof RegionName>
export const RegionNames = z.array(RegionName)
export type RegionNames = z.infer<typeof RegionNames>

/** `?within=520100000000`: the regions in that area (itself included), and its grids when it is a township or a community; without it, the whole store's regions. */
export const RegionNamesQuery = z.strictObject({ within: RegionCode().optional() })
export type RegionNamesQuery = z.infer<typeof RegionNamesQuery>

/** `GET /api/v1/regions?level=township&parent=231281000000&bbox=…` */
export const RegionsQuery = z.strictObject({
  level: RegionLevel.optional(),
  parent: RegionCode().optional(),
  bbox: BboxParam.optional(),
})
export type RegionsQuery = z.infer<typeof RegionsQuery>
