import { join } from 'node:path'
import { sqlFiles } from '../../server/src/db/sqlFiles'

export const citySql = sqlFiles([
  'city_cells', 'insert_region', 'insert_grids', 'rollup_households', 'insert_roads', 'insert_cameras', 'fill_grid_cover',
  'insert_patrols', 'insert_patrol_fixes', 'reserve_case_ids', 'insert_cases', 'insert_history', 'insert_routes', 'insert_departments',
  'insert_parties', 'grid_areas', 'insert_mediation_bodies', 'insert_mediations', 'acknowledge_urgent',
], join(import.meta.dirname, 'sql'))
