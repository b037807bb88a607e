import type { Role } from '../../../contract'

/** Where each role starts after signing in on the sign-in page: the screen its work is done on. */
const HOME: Record<Role, string> = {
  // An operator is a seat of the centre: calls, alerts, petitions and visitors come in there (the wall is a link away).
  operator: '/intake', wall_display: '/wall', service: '/wall',
  // The levels and departments work their inbox; a duty leader watches the city from the drill-down (and may open /desk).
  duty_leader: '/drill', township_officer: '/desk', community_officer: '/desk', grid_worker: '/desk', department_officer: '/desk',
  analyst: '/editor', admin: '/admin',
}

export const homePath = (role: Role) => HOME[role]

/** This page's path and query, for coming back to it after signing in elsewhere (the identity provider). */
export const hereNow = () => window.location.pathname + window.location.search
