import type { RegionLevel } from '../../../contract'
import { citywide, coversArea } from '../../../domain/access'
import { gridByCode, regionByCode } from '../db/cityQueries'
import type { Db } from '../db/Db'
import { type Caller, outsideScope } from './auth'
import { HttpError } from './errors'

/** An area figures are read for: a region of any level or one current grid, by code, with its name; `root`: the store's top region. */
export type AreaRef = { code: string; name: string; level: RegionLevel | 'grid'; root: boolean }

/** The region or current grid a code names; 404 naming it when there is none. */
export async function areaByCode(db: Db, code: string): Promise<AreaRef> {
  if (code.length === 15) {
    const grid = await gridByCode(db, code)
    if (grid) return { code, name: grid.name, level: 'grid', root: false }
    throw new HttpError(404, 'not_found', `no grid with code ${code}`)
  }
  const region = await regionByCode(db, code)
  if (!region) throw new HttpError(404, 'not_found', `no region with code ${code}`)
  return { code: region.code, name: region.name, level: region.level, root: region.root }
}

/**
 * The area a caller's figures (or live snapshot) are read for: the one asked for if it lies in their scope, else
 * their own (null: the whole city, for a scope of the city or above). A department's scope is not an area.
 */
export function areaAsked(caller: Caller, region: string | undefined): string | null {
  const { reach, scope } = caller
  if (!('region' in scope) || reach.prefix === null) throw new HttpError(403, 'out_of_scope', 'figures and areas are read by an account with an area; a department\'s scope has none')
  if (region) {
    if (!coversArea(reach, region)) throw outsideScope(caller, region)
    return region
  }
  return citywide(reach) ? null : scope.region
}
