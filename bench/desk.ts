import { join } from 'node:path'
import { CaseDetail, CaseSummary, Inbox } from '../contract'
import { pgDb } from '../server/src/db/pgDb'
import { sqlFiles } from '../server/src/db/sqlFiles'
import { createLogger } from '../server/src/log'
import type { Row } from './foundation'
import { benchKeys, benchStore, startServer, stopServer } from './processes'
import { median, p95 } from './stats'

const TOWNSHIP = '231281001000'
const BACKLOG = 2000
const RUNS = 30
const sql = sqlFiles(['desk_backlog'], join(import.meta.dirname, 'sql'))
const bareSql = sqlFiles(['desk_inbox_level', 'case_detail'])
const both = (xs: number[]) => `${median(xs).toFixed(0)} / ${p95(xs).toFixed(0)} ms`

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now()
  const result = await work()
  return [performance.now() - t, result]
}

/**
 * A township's desk with `BACKLOG` open cases on a PostGIS server: the inbox read as the screen reads it (over
 * HTTP with the township officer's key, parsed), beside the same SQL run bare on the store; then an action's
 * round trip as the screen makes it (sign for a case, then read the case with its history, which the pane
 * shows next; the inbox takes the returned case without reading itself again), beside a bare UPDATE of the
 * case's row and the detail's SQL.
 */
export async function deskBench(pgUrl: string): Promise<Row[]> {
  const store = await benchStore('pg', 'desk', pgUrl)
  const port = 22_000 + (process.pid % 1000)
  const base = `http://127.0.0.1:${port}`
  const server = await startServer('server/src/main.ts', store.env, port)
  const db = pgDb(store.env.DATABASE_URL!, createLogger('silent'), 2)
  try {
    const [{ made }] = (await db.query<{ made: number }>(sql.desk_backlog, [BACKLOG, TOWNSHIP, new Date()])) as [{ made: number }]
    await db.exec('ANALYZE cases')
    const { township } = await benchKeys(base)
    const headers = { authorization: `Bearer ${township}` }
    const readInbox = async () => Inbox.parse(await (await fetch(`${base}/api/v1/desk/inbox`, { headers })).json())
    const bareInbox = () => db.query(bareSql.desk_inbox_level, ['township', '231281001', 5000])
    const first = await readInbox()
    await bareInbox()
    const inbox: number[] = []
    const bare: number[] = []
    for (let i = 0; i < RUNS; i++) {
      inbox.push((await timed(readInbox))[0])
      bare.push((await timed(bareInbox))[0])
    }

    const waiting = first.cases.filter((c) => c.signedAt === null).slice(0, RUNS)
    const action: number[] = []
    const bareAction: number[] = []
    for (const c of waiting) {
      action.push((await timed(async () => {
        const res = await fetch(`${base}/api/v1/cases/${c.id}/steps`, {
          method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ step: 'sign_for', expectedVersion: c.version }),
        })
        if (!res.ok) throw new Error(`sign_for ${c.id}: ${res.status} ${await res.text()}`)
        CaseSummary.parse(await res.json())
        CaseDetail.parse(await (await fetch(`${base}/api/v1/cases/${c.id}`, { headers })).json())
      }))[0])
      bareAction.push((await timed(async () => {
        await db.query('UPDATE cases SET version = version + 1 WHERE id = $1', [c.id])
        await db.query(bareSql.case_detail, [c.id])
      }))[0])
    }
    return [
      {
        measure: `/desk: a township's inbox of ${first.cases.length} open cases (${made} made for the bench), read and parsed, median / p95 of ${RUNS}`,
        engine: 'pg', value: both(inbox), baseline: `${both(bare)} the inbox's SQL run bare; target ≤ 300 ms`,
      },
      {
        measure: `/desk: sign for a case in that inbox, then the case read again with its history, median / p95 of ${action.length}`,
        engine: 'pg', value: both(action), baseline: `${both(bareAction)} a bare UPDATE and the detail's SQL; target p95 ≤ 200 ms`,
      },
    ]
  } finally {
    await db.close()
    await stopServer(server)
    await store.drop()
  }
}
