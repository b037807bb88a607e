import type { Role, Scope } from '../contract/auth'
import type { RankedUnit } from '../contract/figures'

/**
 * Who may do what, and where. Division codes nest: a province's 12-digit code is its first 2 digits
 * and zeros, a prefecture's its first 4, a county-level city's its first 6, a township's its first 9,
 * a community's all 12, and a grid's 15 digits begin with its community's 12. So what lies in an
 * area is what its code's significant prefix begins, at every level, including levels above the city.
 */

/** The level a 12-digit region code or a 15-digit grid code names, by its significant digits. */
export type CodeLevel = 'province' | 'prefecture' | 'county' | 'township' | 'community' | 'grid'

const SIGNIFICANT: readonly [CodeLevel, number][] = [['province', 2], ['prefecture', 4], ['county', 6], ['township', 9], ['community', 12]]

export function codeLevel(code: string): CodeLevel {
  if (code.length === 15) return 'grid'
  for (const [level, digits] of SIGNIFICANT) if (/^0*$/.test(code.slice(digits))) return level
  return 'community'
}

/** `231281001000` (a township) → `231281001`; a grid's code is its own prefix. */
export function codePrefix(code: string): string {
  if (code.length === 15) return code
  const digits = SIGNIFICANT.find(([level]) => level === codeLevel(code))![1]
  return code.slice(0, digits)
}

/**
 * The area one level up: a grid's community, a community's township, a township's county-level city, and so
 * on up to the province; null for a province. E.g. `231281001001` → `231281001000`.
 */
export function parentCode(code: string): string | null {
  if (code.length === 15) return code.slice(0, 12)
  const i = SIGNIFICANT.findIndex(([level]) => level === codeLevel(code))
  if (i <= 0) return null
  return code.slice(0, SIGNIFICANT[i - 1]![1]).padEnd(12, '0')
}

/**
 * What an account's scope reaches: the area whose codes begin with `prefix`, or the cases routed to
 * `department`. Exactly one of the two is set. `whole`: the area is the whole store's (its root region
 * or wider: the demo's county-level city, a province seed's province), so the account also sees what
 * stands outside every grid and the whole live stream.
 */
export type Reach = { prefix: string; department: null; whole: boolean } | { prefix: null; department: string; whole: false }

/** Whether a scope's region covers the store's root region (null: the store holds no region yet). */
export const coversStore = (scope: Scope, storeRoot: string | null): boolean =>
  'region' in scope && storeRoot !== null && scope.region.length === 12 && codePrefix(storeRoot).startsWith(codePrefix(scope.region))

export const reachOf = (scope: Scope, whole: boolean): Reach =>
  'region' in scope ? { prefix: codePrefix(scope.region), department: null, whole } : { prefix: null, department: scope.department, whole: false }

/** Whether a region or grid code (or anything coded under one) lies in the reach; a department's reach has no area. */
export const coversCode = (reach: Reach, code: string | null | undefined): boolean =>
  reach.prefix !== null && !!code && code.startsWith(reach.prefix)

/** Whether the reach is the whole store (the centre's own accounts): it sees what stands outside every grid too. */
export const citywide = (reach: Reach): boolean => reach.whole

/** Whether a whole area (region or grid code) lies in the reach: an officer of a township may ask for its communities, not for the city. */
export const coversArea = (reach: Reach, code: string): boolean => coversCode(reach, codePrefix(code))

/** What a case carries that decides who reaches it: its grid, the lead department it was last routed to, the departments it is routed to now. */
export type CasePlace = { gridCode: string; department: string | null; departments?: readonly { name: string }[] }

/** A case in the reach's area; for a department, one it leads or was last routed to, or assists now. */
export const reachesCase = (reach: Reach, c: CasePlace): boolean =>
  reach.prefix !== null
    ? c.gridCode.startsWith(reach.prefix)
    : c.department === reach.department || (c.departments ?? []).some((d) => d.name === reach.department)

/** The scope each role works in: a grid worker's grid, an officer's community, township or department, any region for the rest. */
export function scopeFits(role: Role, scope: Scope): string | null {
  const region = 'region' in scope ? scope.region : null
  const level = region ? codeLevel(region) : null
  switch (role) {
    case 'grid_worker':
      return level === 'grid' ? null : 'a grid worker works one grid: the scope is its 15-digit code'
    case 'community_officer':
      return level === 'community' ? null : "a community officer's scope is a community's 12-digit code"
    case 'township_officer':
      return level === 'township' ? null : "a township officer's scope is a township's 12-digit code"
    case 'department_officer':
      return region === null ? null : "a department officer's scope is a department"
    default:
      return region !== null && level !== 'grid' ? null : `the ${role} role's scope is a region's 12-digit code`
  }
}

/** Everything an identity may be allowed, one name per kind of act. */
export type Act =
  | 'read' | 'read_photos' | 'report' | 'intake' | 'match_callers' | 'step' | 'escalate' | 'assign' | 'read_parties' | 'read_party_log'
  | 'mediate' | 'acknowledge' | 'edit_grids' | 'patrol_fixes' | 'camera_state' | 'export' | 'administer'

const PEOPLE_WHO_HANDLE: readonly Role[] = ['grid_worker', 'community_officer', 'township_officer', 'department_officer', 'duty_leader']

const MAY: Record<Act, readonly Role[]> = {
  read: ['operator', 'grid_worker', 'community_officer', 'township_officer', 'department_officer', 'duty_leader', 'analyst', 'admin', 'wall_display', 'service'],
  report: ['operator', 'grid_worker', 'community_officer', 'township_officer', 'duty_leader', 'service'],
  // Photos from the scene may show people: those who handle cases see them, as they see a case's free text.
  read_photos: [...PEOPLE_WHO_HANDLE, 'service'],
  // The seats file what callers, alerts, petitions and visitors report; a service for an outside system (12345, the mini-program).
  intake: ['operator', 'duty_leader', 'service'],
  // A seat offers a caller's earlier cases by the phone they gave: only who takes the calls, and each match is logged.
  match_callers: ['operator', 'duty_leader'],
  step: [...PEOPLE_WHO_HANDLE, 'operator', 'service'],
  escalate: ['duty_leader'],
  assign: ['duty_leader', 'township_officer', 'community_officer'],
  read_parties: ['duty_leader'],
  read_party_log: ['duty_leader', 'admin'],
  // Referring a dispute to mediation and recording what came of it is handling the case: its handlers, and a service acting for them.
  mediate: [...PEOPLE_WHO_HANDLE, 'service'],
  // An urgent hazard's alarm is taken at the centre: its seats and the duty leaders confirm it was received.
  acknowledge: ['operator', 'duty_leader'],
  edit_grids: ['analyst'],
  patrol_fixes: ['grid_worker', 'duty_leader', 'service'],
  camera_state: ['duty_leader', 'service'],
  export: ['operator', 'community_officer', 'township_officer', 'duty_leader', 'analyst', 'admin'],
  administer: ['admin'],
}

export const may = (role: Role, act: Act): boolean => MAY[act].includes(role)

export const rolesThatMay = (act: Act): readonly Role[] => MAY[act]

/**
 * A case's free text (its description, step notes, reasons) often names people: shown to the roles
 * that handle cases and to services acting for them, not to the wall, the watching seats, analysts or admins.
 */
export const seesFreeText = (role: Role): boolean => PEOPLE_WHO_HANDLE.includes(role) || role === 'service'

/** The area a room of the live stream covers, by code prefix: the city is everything (''), a department's room none (null). */
function roomPrefix(room: string): string | null {
  if (room === 'city') return ''
  if (room.startsWith('department:')) return null
  const code = room.slice(room.indexOf(':') + 1)
  return codePrefix(code)
}

/**
 * Whether a client of this reach may join a room: an area inside its scope; the city only from a scope
 * of the city or above (a county-level code or shorter prefix); a department's room from that department or the city.
 */
export function roomWithin(reach: Reach, room: string): boolean {
  const prefix = roomPrefix(room)
  if (prefix === null) return reach.department === room.slice('department:'.length) || citywide(reach)
  if (reach.prefix === null) return false
  return prefix === '' ? citywide(reach) : prefix.startsWith(reach.prefix)
}

/** Whether two rooms' areas nest (the city and anything, a township and one of its grids): a client asks for one of them. */
export function roomsNest(a: string, b: string): boolean {
  const [pa, pb] = [roomPrefix(a), roomPrefix(b)]
  return pa !== null && pb !== null && (pa.startsWith(pb) || pb.startsWith(pa))
}

/**
 * Whether an area of this level is followed by its cases only: a province's or prefecture's room carries no patrol
 * fix or camera change, and its snapshot no patrols or cameras (tens of thousands of workers, hundreds of thousands
 * of cameras), so a wall that wide gets what it shows (roll-ups, cases) and not what it cannot.
 */
export const casesOnlyLevel = (level: string): boolean => level === 'province' || level === 'prefecture'

/** The rooms a client of this scope watches when it asks for none: the whole store's ('city'), its area's, or its department's. */
export function homeRooms(scope: Scope, whole: boolean): string[] {
  if ('department' in scope) return [`department:${scope.department}`]
  if (whole) return ['city']
  return [`${codeLevel(scope.region)}:${scope.region}`]
}

/** The roles that sign in with API keys only, never a password. */
export const KEY_ONLY: readonly Role[] = ['wall_display', 'service']

/**
 * The units one level below an area, which its figures are split by and its ranking ranks: a province's
 * prefectures, a prefecture's counties, a county's townships, a township's communities, a community's grids;
 * none below a grid.
 */
export const unitBelow = (level: CodeLevel | string): RankedUnit | null =>
  ({ province: 'prefecture', prefecture: 'county', county: 'township', township: 'community', community: 'grid' } as Record<string, RankedUnit>)[level] ?? null
