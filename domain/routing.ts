import type { DepartmentInfo } from '../contract/departments'
import type { CaseLevel } from '../contract/domain'

/**
 * Why a level may not summon a department for a case of a township (街道吹哨、部门报到), or null when it may:
 * a city bureau from the township or the city, a township office only for its own township's cases (or by
 * the city, which summons any). The server refuses a route by it; a screen offers only the departments it allows.
 */
export function mayRoute(d: DepartmentInfo, router: CaseLevel, caseTownship: string): string | null {
  if (!d.enabled) return 'is disabled'
  if (router !== 'township' && router !== 'city') return 'cannot be summoned below the township'
  if (d.level === 'township' && router === 'township' && d.townshipCode !== caseTownship) return `is an office of township ${d.townshipCode}, not of the case's township ${caseTownship}`
  return null
}
