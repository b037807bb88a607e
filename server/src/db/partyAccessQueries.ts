import type { PartyAccess, PartyAccessQuery } from '../../../contract'
import type { Db } from './Db'
import { sqlFiles } from './sqlFiles'

const sql = sqlFiles(['party_access_log', 'case_summary'])

/**
 * Reads of parties, newest first, of one case or all, of the cases whose grid code begins with `prefix`
 * (the reader's area); null when the case asked for does not exist there.
 */
export async function partyAccessLog(db: Db, q: PartyAccessQuery, prefix: string): Promise<PartyAccess[] | null> {
  const rows = await db.query<PartyAccess>(sql.party_access_log, [q.case ?? null, q.limit, prefix])
  if (rows.length > 0 || q.case === undefined) return rows
  const [found] = await db.query<{ summary: { gridCode: string } }>(sql.case_summary, [q.case])
  return found?.summary.gridCode.startsWith(prefix) ? rows : null
}
