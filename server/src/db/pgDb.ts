import { createHash } from 'node:crypto'
import pg from 'pg'
import type { Db, Queryable, Row } from './Db'
import { INT8_OID, NUMERIC_OID, parseNumber, PLANNED_EACH_CALL, StoreUnavailable } from './Db'
import type { Logger } from '../log'

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID ? parseNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

const names = new Map<string, string | undefined>()
function statementName(sql: string): string | undefined {
  if (names.has(sql)) return names.get(sql)
  const name = sql.includes(PLANNED_EACH_CALL) ? undefined : `s${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`
  names.set(sql, name)
  return name
}

/**
 * SQLSTATEs and socket errors that say the server is not there now, not that a statement is wrong:
 * connection exceptions (class 08), a server shutting down or starting up (57P01-57P03), no free
 * connection (53300), and the driver's own words for a connection that died under it.
 */
const GONE_STATES = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])
const GONE_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/
export function storeGone(err: unknown): boolean {
  if (err instanceof StoreUnavailable) return true
  if (!(err instanceof Error)) return false
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string' && (GONE_STATES.has(code) || code.startsWith('08'))) return true
  return GONE_MESSAGES.test(err.message)
}

/** The driver's error as the store's: a lost server becomes `StoreUnavailable`, anything else passes as it is. */
const translated = (err: unknown) => (err instanceof StoreUnavailable || !storeGone(err) ? err : new StoreUnavailable(err))

/** PostgreSQL + PostGIS through node-postgres. */
export function pgDb(connectionString: string, log: Logger, max = 10): Db {
  // A connection attempt that hangs (a host gone from the network) fails after 5 s, as a refused one does at once.
  // No JIT: the planner's row guesses for a gateway's batch (thousands of unnested fixes) made PostgreSQL
  // compile it, 40 ms a statement that runs in 60; our statements are short, and none gains from it.
  const pool = new pg.Pool({ connectionString, max, types, connectionTimeoutMillis: 5000, options: '-c jit=off' })
  // An idle client's error (the database restarting) would otherwise crash the process.
  pool.on('error', (err) => log.warn({ err: err.message }, 'idle database connection lost'))

  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends Row>(sql: string, params?: readonly unknown[]) {
      // Statements with parameters are prepared once per connection and their plans reused: planning
      // costs as much as running most of our statements.
      try {
        const name = statementName(sql)
        const res = params?.length
          ? await client.query({ ...(name ? { name } : {}), text: sql, values: params as unknown[] })
          : await client.query(sql)
        return res.rows as R[]
      } catch (err) {
        throw translated(err)
      }
    },
    async exec(sql: string) {
      await client.query(sql).catch((err: unknown) => {
        throw translated(err)
      })
    },
  })

  return {
    engine: 'pg',
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect().catch((err: unknown) => {
        throw translated(err)
      })
      // A checked-out client's backend can die between two statements (the server restarting); node-postgres
      // then emits 'error' on the client, which the pool listens for only while the client is idle, and an
      // unheard 'error' ends the process. Heard here, the next statement fails and the transaction rolls back.
      let lost: unknown
      const onLost = (err: Error) => {
        lost = err
      }
      client.on('error', onLost)
      try {
        await client.query('BEGIN')
        const result = await fn(on(client))
        await client.query('COMMIT')
        return result
      } catch (err) {
        if (!lost && storeGone(err)) lost = err
        if (!lost) await client.query('ROLLBACK').catch(() => undefined)
        throw translated(lost ?? err)
      } finally {
        // A client whose connection died is destroyed, not put back for the next request.
        client.release(lost ? (lost as Error) : undefined)
        client.off('error', onLost)
      }
    },
    close: () => pool.end(),
  }
}
