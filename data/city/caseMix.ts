import type { CaseSource, DisputeKind, HazardKind, Satisfaction } from '../../contract/domain'

/**
 * The shape of a county's case traffic, used for the demo city's two years of history and for the
 * simulator's live traffic alike. The governance reports (the seeds) give counts and rates, rarely shares:
 * the shares here are our judgement, and say so where no report gives them.
 */

/** The mix of dispute kinds, our judgement: family and neighbour quarrels lead. */
export const DISPUTE_MIX: Record<DisputeKind, number> = {
  family: 26, neighbour: 22, property_mgmt: 11, land: 11, labour: 9, financial: 9, traffic: 8, petition: 4,
}
export const HAZARD_MIX: Record<HazardKind, number> = { fire: 30, building: 20, electric: 18, gas: 14, road: 12, flood: 6 }

/**
 * Where reports come from. The reports name the channels a centre takes in (the grids' rounds, the 12345
 * hotline, 110, the petition office's hall, the mini-program: Danjiangkou's and Guizhou's) but give no
 * shares, so these are our judgement: grid workers find about half the disputes on their rounds and almost
 * every hazard; the hotline leads the rest; visitors at the hall (来访) come above all with a dispute to be
 * mediated (一站式受理), seldom with a hazard.
 */
export const SOURCES: { dispute: Record<CaseSource, number>; hazard: Record<CaseSource, number> } = {
  dispute: { grid_worker: 48, hotline_12345: 15, mini_program: 12, police_110: 11, walk_in: 9, petition_office: 5 },
  hazard: { grid_worker: 74, mini_program: 12, hotline_12345: 10, police_110: 2, walk_in: 2, petition_office: 0 },
}

/** The parties' satisfaction at close, for a resolved case and for one that was not; a few could not be reached (未回访). */
export const SATISFACTION: { resolved: Record<Satisfaction, number>; unresolved: Record<Satisfaction, number> } = {
  resolved: { satisfied: 86, basically_satisfied: 9, unsatisfied: 3, not_visited: 2 },
  unresolved: { satisfied: 18, basically_satisfied: 38, unsatisfied: 38, not_visited: 6 },
}
