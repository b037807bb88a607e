import type { Role } from '../contract/auth'
import type { CaseSummary } from '../contract/cases'
import type { CaseLevel } from '../contract/domain'
import type { Reach } from './access'
import { LEVEL_OF } from './caseLoop'

/** Whose inbox a desk reads: a level's within an area (by code prefix, '' for everything), or a department's. */
export type InboxOf = { level: CaseLevel; prefix: string; department: null } | { level: null; prefix: null; department: string }

/** A scope's own level by its code prefix: a grid's, a community's, a township's; the city's for anything wider. */
function levelOfPrefix(prefix: string): CaseLevel {
  if (prefix.length === 15) return 'grid'
  if (prefix.length === 12) return 'community'
  if (prefix.length === 9) return 'township'
  return 'city'
}

/** The inbox of an account: an officer's level in their area, a department's, or the level a wider scope is (the city's for a city-wide desk). */
export function inboxOf(role: Role, reach: Reach): InboxOf {
  if (reach.prefix === null) return { level: null, prefix: null, department: reach.department }
  return { level: LEVEL_OF[role] ?? levelOfPrefix(reach.prefix), prefix: reach.prefix, department: null }
}

/**
 * Whether a case waits in an inbox: open, and at the inbox's level inside its area, or routed to its department
 * now. The server's inbox queries (desk_inbox_level.sql, desk_inbox_department.sql) select the same.
 */
export function inInbox(c: Pick<CaseSummary, 'state' | 'level' | 'gridCode' | 'departments'>, inbox: InboxOf): boolean {
  if (c.state === 'closed') return false
  if (inbox.department !== null) return c.departments.some((d) => d.name === inbox.department)
  return c.level === inbox.level && c.gridCode.startsWith(inbox.prefix)
}

/** The inbox's order: the least time left first (the most overdue first), then the oldest case. */
export const byTimeLeft = (a: Pick<CaseSummary, 'dueAt' | 'id'>, b: Pick<CaseSummary, 'dueAt' | 'id'>): number =>
  (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9') || a.id - b.id
