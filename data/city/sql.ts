import { join } from 'node:path'
import { sqlFiles } from '../../server/src/db/sqlFiles'

export const citySql = sqlFiles(['city_cells', 'insert_region', 'insert_grids', 'rollup_households'], join(import.meta.dirname, 'sql'))
