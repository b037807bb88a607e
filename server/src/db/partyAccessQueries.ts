import type { PartyAccess, PartyAccessQuery } from '../../../contract'
import type { Db } from './Db'
import { sqlFiles } from './sqlFiles'

const sql = sqlFiles(['party_access_log', 'case_summary'])

/** Reads of parties, newest first, of one case or all; null when the case asked for does not exist. */
export async function partyAccessLog(db: Db, q: PartyAccessQuery): Promise<PartyAccess[] | null> {
  const rows = await db.query<PartyAccess>(sql.party_access_log, [q.case ?? null, q.limit])
  if (rows.length === 0 && q.case !== undefined && (await db.query(sql.case_summary, [q.case])).length === 0) return null
  return rows
}
