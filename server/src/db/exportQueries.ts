import type { ExportLayer } from '../../../contract'
import type { Db } from './Db'
import { sqlFiles } from './sqlFiles'

const sql = sqlFiles(['export_region'])

/** The region's `layers` as one GeoJSON FeatureCollection (text, sent as it is); public fields only. */
export async function regionExport(db: Db, regionCode: string, layers: readonly ExportLayer[]): Promise<string> {
  const [row] = await db.query<{ body: string }>(sql.export_region, [
    regionCode, layers.includes('grids'), layers.includes('cameras'), layers.includes('cases'),
  ])
  return row!.body
}
