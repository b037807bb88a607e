import type { NewDepartment } from '../../contract/departments'
import type { DisputeKind } from '../../contract/domain'
import type { Routing } from '../city/cases'
import { DISPUTE_MIX } from '../city/caseMix'
import { TOWNSHIP_OFFICES } from '../city/departments'
import type { MediationBodyPlan } from '../city/mediationBodies'
import { COUNTY_BUREAUS } from './guizhou'
import type { ProvinceLayout, ProvinceRegion } from './layout'

/** What the province's cases are routed to and mediated by: departments, routing by township, mediation bodies. */
export type ProvinceServices = { departments: NewDepartment[]; routing: Routing; bodies: MediationBodyPlan[] }

/** A people's mediation committee takes any dispute of its area. */
const EVERY_KIND = Object.keys(DISPUTE_MIX) as DisputeKind[]

/**
 * The least a province's loop needs, named after their county so names are unique in the province: each county's
 * bureaus (level `city`, the county-level centre's, as the loop names it), each township's justice office and
 * police station, and the people's mediation committee of every township and every community or village (no
 * specialised committees: the seeds count them for one city only). `ids` are the regions' store ids by code.
 */
export function provinceServices(layout: ProvinceLayout, ids: ReadonlyMap<string, number>): ProvinceServices {
  const { regions } = layout
  const countyOf = (r: ProvinceRegion): ProvinceRegion => (r.level === 'county' ? r : countyOf(regions[r.parent]!))
  const counties = regions.filter((r) => r.level === 'county')
  const townships = regions.filter((r) => r.level === 'township')
  const bureausOf = new Map(counties.map((c) => [c.code, COUNTY_BUREAUS.map((b) => `${c.name}${b}`)]))
  const officesOf = (t: ProvinceRegion) => TOWNSHIP_OFFICES.map((o) => `${countyOf(t).name}${t.name}${o}`)
  const departments: NewDepartment[] = [
    ...[...bureausOf.values()].flat().map((name) => ({ name, level: 'city' as const })),
    ...townships.flatMap((t) => officesOf(t).map((name) => ({ name, level: 'township' as const, townshipCode: t.code }))),
  ]
  const routing: Routing = {
    bureaus: [],
    offices: new Map(townships.map((t) => [ids.get(t.code)!, officesOf(t)])),
    bureausOf: new Map(townships.map((t) => [ids.get(t.code)!, bureausOf.get(countyOf(t).code)!])),
  }
  const committee = (r: ProvinceRegion, kind: 'township' | 'community'): MediationBodyPlan => {
    const township = kind === 'community' ? regions[r.parent]! : r
    return {
      name: `${countyOf(r).name}${township.name}${kind === 'community' ? r.name : ''}人民调解委员会`, kind, field: null,
      regionId: ids.get(r.code)!, level: kind, at: r.seat, disputeKinds: EVERY_KIND,
    }
  }
  const bodies = [
    ...townships.map((t) => committee(t, 'township')),
    ...regions.filter((r) => r.level === 'community').map((c) => committee(c, 'community')),
  ]
  return { departments, routing, bodies }
}
