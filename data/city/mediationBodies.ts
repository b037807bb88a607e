import type { DisputeKind } from '../../contract/domain'
import type { MediationBodyKind, MediationField } from '../../contract/mediation'
import { ANDA } from './anda'
import { DISPUTE_MIX } from './caseMix'
import { offsetKm, type Pt } from './geo'
import type { CityLayout } from './layout'
import type { CityIds } from './regions'
import type { Rng } from './rng'

/** A mediation body as laid out: whom it serves (the store id of its region, and that region's level), where it sits, what it takes. */
export type MediationBodyPlan = {
  name: string
  kind: MediationBodyKind
  field: MediationField | null
  regionId: number
  level: 'city' | 'township' | 'community'
  at: Pt
  disputeKinds: DisputeKind[]
}

type Where = 'urban' | 'rural' | 'any'

/**
 * Anda's 159 specialised committees (专业人民调解委员会) by field. Its report names labour, family and traffic
 * committees and gives only the total, so the split is our judgement: one of each field for the city; a
 * labour and a traffic committee in every township and street; family committees, as family quarrels lead
 * the disputes, also in the larger communities and villages; land contracts in the rural townships and the
 * larger villages, property management in the streets and the town's communities; finance and medicine, which
 * need experts, at the city and the streets. A place takes its field's committee in order of households.
 * No dispute kind is medical: a medical committee takes traffic accidents' injury claims (人身损害赔偿), the
 * kind nearest its own work, as several counties' combined committees do.
 */
const FIELDS: Record<MediationField, { count: number; name: string; kinds: DisputeKind[]; where: Where }> = {
  family: { count: 52, name: '婚姻家庭纠纷', kinds: ['family'], where: 'any' },
  land: { count: 29, name: '土地承包纠纷', kinds: ['land'], where: 'rural' },
  property: { count: 27, name: '物业纠纷', kinds: ['property_mgmt'], where: 'urban' },
  labour: { count: 19, name: '劳动争议', kinds: ['labour'], where: 'any' },
  traffic: { count: 19, name: '交通事故纠纷', kinds: ['traffic'], where: 'any' },
  financial: { count: 8, name: '金融纠纷', kinds: ['financial'], where: 'any' },
  medical: { count: 5, name: '医疗纠纷', kinds: ['traffic'], where: 'any' },
}

/** A people's mediation committee of a community, village or township takes any dispute of its area. */
const EVERY_KIND = Object.keys(DISPUTE_MIX) as DisputeKind[]

/**
 * The mediation bodies: the people's mediation committee (人民调解委员会) of every community, village,
 * township and street at its seat, and Anda's 159 specialised committees, each a few tens of metres from
 * its area's seat so the markers do not hide each other. Names are unique: a community's committee is
 * named with its township's name, as villages' names repeat across townships.
 */
export function layOutMediationBodies(rng: Rng, layout: CityLayout, ids: CityIds): MediationBodyPlan[] {
  const households = (keep: (community: number) => boolean) =>
    layout.grids.reduce((s, g) => (keep(g.community) ? s + g.households : s), 0)
  const townships = layout.townships.map((t, k) => ({
    ...t, regionId: ids.townships[k]!, households: households((c) => layout.communities[c]!.parent === k),
  }))
  const communities = layout.communities.map((c, k) => ({
    ...c, name: `${layout.townships[c.parent]!.name}${c.name}`, regionId: ids.communities[k]!, households: households((i) => i === k),
  }))
  const committee = (r: { name: string; regionId: number; seat: Pt }, kind: 'township' | 'community'): MediationBodyPlan => ({
    name: `${r.name}人民调解委员会`, kind, field: null, regionId: r.regionId, level: kind, at: r.seat, disputeKinds: EVERY_KIND,
  })
  const bodies = [...townships.map((t) => committee(t, 'township')), ...communities.map((c) => committee(c, 'community'))]

  const urban = (kind: string) => kind === 'street' || kind === 'community'
  const fits = (where: Where, kind: string) => where === 'any' || (where === 'urban') === urban(kind)
  const byHouseholds = <T extends { households: number }>(xs: T[]) => [...xs].sort((a, b) => b.households - a.households)
  const city = { name: ANDA.name, regionId: ids.city, seat: ANDA.center, level: 'city' as const }
  for (const [field, f] of Object.entries(FIELDS) as [MediationField, (typeof FIELDS)[MediationField]][]) {
    const places = [
      city,
      ...byHouseholds(townships.filter((t) => fits(f.where, t.kind))).map((t) => ({ ...t, level: 'township' as const })),
      ...byHouseholds(communities.filter((c) => fits(f.where, c.kind))).map((c) => ({ ...c, level: 'community' as const })),
    ]
    for (const p of places.slice(0, f.count)) {
      bodies.push({
        name: `${p.name}${f.name}人民调解委员会`, kind: 'specialised', field, regionId: p.regionId, level: p.level,
        at: offsetKm(p.seat, rng.range(-0.06, 0.06), rng.range(-0.06, 0.06)), disputeKinds: f.kinds,
      })
    }
  }
  return bodies
}
