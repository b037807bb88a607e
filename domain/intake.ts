import type { ActorRole, CaseSource } from '../contract/domain'

/**
 * Who collects a case that comes in by each channel, when no grid worker or duty leader files it
 * themselves: a citizen's own report from the mini-program, the city's hotline seat, the police or
 * the petition office as a department.
 */
export const COLLECTED_BY: Readonly<Record<CaseSource, ActorRole>> = {
  grid_worker: 'grid_worker', mini_program: 'citizen', hotline_12345: 'city', police_110: 'department', petition_office: 'department', walk_in: 'city',
}
