import type { Db } from '../server/src/db/Db'
import { sqlFiles } from '../server/src/db/sqlFiles'
import { DEMO_ACCOUNTS } from './demoAccounts'

const sql = sqlFiles(['duty_shift_put'])

/** The name each demo duty leader account is shown by on the roster, and the desk phone it answers (安达's area code 0455): made up for the demo. */
const ON_ROSTER: Readonly<Record<string, { name: string; deskPhone: string }>> = {
  leader: { name: '王振国', deskPhone: '0455-7512345' },
}

const HOUR_MS = 3_600_000
/** A shift starts at 08:30 Beijing time (00:30 UTC) and lasts a day, as county command centres hand over. */
const HANDOVER_UTC_MS = 0.5 * HOUR_MS
const DAY_MS = 24 * HOUR_MS

/**
 * The demo's duty roster: from the day before `now` through `days` ahead, a day's shift each, taken in turn by the
 * demo accounts with the duty_leader role. Made at every start, adding only the shifts not there yet, so a demo
 * left running for weeks still has a leader on duty.
 */
export async function ensureDemoRoster(db: Db, now: Date, days = 30): Promise<void> {
  const leaders = DEMO_ACCOUNTS.filter((a) => a.role === 'duty_leader' && ON_ROSTER[a.login])
  if (leaders.length === 0) return
  const today = Math.floor((now.getTime() - HANDOVER_UTC_MS) / DAY_MS) * DAY_MS + HANDOVER_UTC_MS
  for (let d = -1; d <= days; d++) {
    const from = today + d * DAY_MS
    const account = leaders[((Math.floor(from / DAY_MS) % leaders.length) + leaders.length) % leaders.length]!
    const { name, deskPhone } = ON_ROSTER[account.login]!
    await db.query(sql.duty_shift_put, [account.login, name, deskPhone, new Date(from), new Date(from + DAY_MS)])
  }
}
