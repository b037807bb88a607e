import type { Bbox, OgcCollectionId, OgcDateTime } from '../../../contract'
import type { Db } from './Db'
import { sqlFiles } from './sqlFiles'

const sql = sqlFiles(['ogc_grids', 'ogc_regions', 'ogc_cameras', 'ogc_extents'])

/** Which features of a collection, and which page of them in code order. */
export type OgcSelection = { bbox?: Bbox; datetime?: OgcDateTime; limit: number; offset: number; code?: string }

/** A page: how many features matched, how many it holds, and those as a GeoJSON array (text, sent as it is). */
export type OgcPage = { matched: number; returned: number; features: string }

const bboxParams = (bbox?: Bbox) => (bbox ? [...bbox] : [null, null, null, null])

/** Each collection's statement and its parameters; only the grids have a time (their validity). */
const QUERIES: Record<OgcCollectionId, { sql: string; params(s: OgcSelection): unknown[] }> = {
  grids: {
    sql: sql.ogc_grids,
    params: (s) => [...bboxParams(s.bbox), s.datetime?.end ?? null, s.limit, s.offset, s.code ?? null],
  },
  regions: { sql: sql.ogc_regions, params: (s) => [...bboxParams(s.bbox), s.limit, s.offset, s.code ?? null] },
  cameras: { sql: sql.ogc_cameras, params: (s) => [...bboxParams(s.bbox), s.limit, s.offset, s.code ?? null] },
}

export async function ogcFeatures(db: Db, collection: OgcCollectionId, selection: OgcSelection): Promise<OgcPage> {
  const q = QUERIES[collection]
  const [row] = await db.query<OgcPage>(q.sql, q.params(selection))
  return row!
}

/** The feature with `code` in `collection` (a GeoJSON Feature), or null. */
export async function ogcFeature(db: Db, collection: OgcCollectionId, code: string): Promise<Record<string, unknown> | null> {
  const page = await ogcFeatures(db, collection, { limit: 1, offset: 0, code })
  return page.returned ? (JSON.parse(page.features) as Record<string, unknown>[])[0]! : null
}

/** A collection's extent from its data: the CRS84 box, and the earliest validity for the grids; nulls when empty. */
export type OgcExtentRow = {
  id: OgcCollectionId
  west: number | null
  south: number | null
  east: number | null
  north: number | null
  valid_from: string | null
}

/** The extent of one collection, or of all three when `only` is not given. */
export async function ogcExtents(db: Db, only?: OgcCollectionId): Promise<OgcExtentRow[]> {
  const rows = await db.query<OgcExtentRow>(sql.ogc_extents, [only ?? null])
  return only ? rows.filter((r) => r.id === only) : rows
}
