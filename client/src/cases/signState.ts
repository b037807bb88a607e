import type { CaseSummary } from '../../../contract'

/** Whether a desk has taken a case in: a department's 报到 on its own route, a level's 签收 otherwise. */
export type SignState = { signed: boolean; text: '待签收' | '已签收' | '待报到' | '已报到' }

/**
 * The sign state a desk reads on a case: `department` is the desk's own (a department officer's), whose
 * route the case may be on; null for a level's desk, or a case no longer routed to it. Null for a closed case.
 */
export function signState(c: Pick<CaseSummary, 'state' | 'signedAt' | 'departments'>, department: string | null): SignState | null {
  if (c.state === 'closed') return null
  const route = department === null ? undefined : c.departments.find((d) => d.name === department)
  if (route) return route.signedAt ? { signed: true, text: '已报到' } : { signed: false, text: '待报到' }
  return c.signedAt ? { signed: true, text: '已签收' } : { signed: false, text: '待签收' }
}

/** Each department a case is routed to, the lead first: whether it has reported (报到), and whether its time to do so ran out. */
export function reports(c: Pick<CaseSummary, 'departments'>, now: number): { name: string; lead: boolean; signed: boolean; late: boolean }[] {
  return c.departments.map((d) => ({ name: d.name, lead: d.lead, signed: d.signedAt !== null, late: d.signedAt === null && Date.parse(d.signDueAt) < now }))
}
