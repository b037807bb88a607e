import type { CaseSource, DisputeKind, HazardKind, Satisfaction } from '../../contract/domain'

/**
 * The shape of a county's case traffic, as the governance reports describe it: used for the demo
 * city's year of history and for the simulator's live traffic alike.
 */

/** The mix of dispute kinds: family and neighbour quarrels lead. */
export const DISPUTE_MIX: Record<DisputeKind, number> = {
  family: 26, neighbour: 22, property_mgmt: 11, land: 11, labour: 9, financial: 9, traffic: 8, petition: 4,
}
export const HAZARD_MIX: Record<HazardKind, number> = { fire: 30, building: 20, electric: 18, gas: 14, road: 12, flood: 6 }

/** Where reports come from: grid workers' rounds most of all; hazards almost only from patrols. The seeded year has no visits to the hall (来访): the channel came with the seat. */
export const SOURCES: { dispute: Record<CaseSource, number>; hazard: Record<CaseSource, number> } = {
  dispute: { grid_worker: 52, mini_program: 14, hotline_12345: 16, police_110: 12, petition_office: 6, walk_in: 0 },
  hazard: { grid_worker: 75, mini_program: 12, hotline_12345: 10, police_110: 3, petition_office: 0, walk_in: 0 },
}

/** The parties' satisfaction at close, for a resolved case and for one that was not; a few could not be reached (未回访). */
export const SATISFACTION: { resolved: Record<Satisfaction, number>; unresolved: Record<Satisfaction, number> } = {
  resolved: { satisfied: 86, basically_satisfied: 9, unsatisfied: 3, not_visited: 2 },
  unresolved: { satisfied: 18, basically_satisfied: 38, unsatisfied: 38, not_visited: 6 },
}
