import { join } from 'node:path'
import { sqlFiles } from '../../server/src/db/sqlFiles'

export const provinceSql = sqlFiles([
  'province_tables', 'province_voronoi', 'index_voronoi', 'province_cells', 'community_shapes', 'parent_shapes', 'insert_regions', 'insert_grids',
  'rollup_households', 'region_ids', 'province_area',
], join(import.meta.dirname, 'sql'))
