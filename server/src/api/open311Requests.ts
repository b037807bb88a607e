import { type CaseStep, type CaseSummary, labels, type Open311Channel, type Open311Request } from '../../../contract'
import { reachesCase } from '../../../domain/access'
import type { Identity } from '../commands/identity'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import { serviceName } from './open311Services'

const sql = sqlFiles(['open311_requests', 'open311_channel'])

type Row = {
  id: string; summary: CaseSummary; address: string; requestedAt: string; updatedAt: string; lastStep: CaseStep
  description: string | null; township: string; community: string
}

/** Which requests `GET requests` asks for: by id, or by kind, report time and status. */
export type RequestFilter =
  | { ids: readonly number[] }
  | { kinds: readonly string[] | null; from: Date; to: Date; statuses: readonly ('open' | 'closed')[] | null }

/** An instant as the specification writes them, to the second: `2026-12-05T01:02:03Z`. */
const w3c = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z')

/** A report of a case as a service request. Names and phones are not in the row to leak: the parties are never read. */
function asRequest(row: Row): Open311Request {
  const c = row.summary
  const lead = c.departments.find((d) => d.lead)
  return {
    service_request_id: row.id,
    status: c.state === 'closed' ? 'closed' : 'open',
    status_notes: labels.caseStep[row.lastStep] ?? null,
    service_name: serviceName(c.kind),
    service_code: c.kind,
    description: row.description,
    agency_responsible: lead?.name ?? labels.caseLevel[c.level],
    service_notice: c.code,
    requested_datetime: w3c(row.requestedAt),
    updated_datetime: w3c(row.updatedAt),
    expected_datetime: c.state === 'closed' || !c.dueAt ? null : w3c(c.dueAt),
    address: row.address || `${row.township}${row.community}`,
    address_id: null,
    zipcode: null,
    lat: c.location[1],
    long: c.location[0],
    media_url: null,
  }
}

/** The store's side of Open311: which channel an account files by, and its service requests as the caller may see them. */
export function open311Requests(db: Db) {
  return {
    async channelOf(accountId: number): Promise<Open311Channel | null> {
      const [row] = await db.query<{ channel: Open311Channel }>(sql.open311_channel, [accountId])
      return row?.channel ?? null
    },

    /** The requests the filter names within the caller's reach, newest first, at most `limit`. */
    async find(filter: RequestFilter, caller: Identity, limit: number): Promise<Open311Request[]> {
      const byIds = 'ids' in filter
      const rows = await db.query<Row>(sql.open311_requests, [
        byIds ? filter.ids : null,
        byIds ? null : filter.kinds,
        byIds ? null : filter.from,
        byIds ? null : filter.to,
        byIds ? null : filter.statuses,
        caller.reach.prefix, caller.reach.department, caller.accountId, limit,
      ])
      // The query keeps to the reach already; the domain's rule has the last word.
      return rows.filter((r) => reachesCase(caller.reach, r.summary)).map(asRequest)
    },
  }
}
export type Open311Requests = ReturnType<typeof open311Requests>
