import { createHash } from 'node:crypto'
import pg from 'pg'
import type { Db, Queryable, Row } from './Db'
import { INT8_OID, NUMERIC_OID, parseNumber } from './Db'
import type { Logger } from '../log'

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID ? parseNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

const names = new Map<string, string>()
function statementName(sql: string): string {
  let name = names.get(sql)
  if (!name) {
    name = `s${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`
    names.set(sql, name)
  }
  return name
}

/** PostgreSQL + PostGIS through node-postgres. */
export function pgDb(connectionString: string, log: Logger, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max, types })
  // An idle client's error (the database restarting) would otherwise crash the process.
  pool.on('error', (err) => log.warn({ err: err.message }, 'idle database connection lost'))

  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends Row>(sql: string, params?: readonly unknown[]) {
      // Statements with parameters are prepared once per connection and their plans reused: planning
      // costs as much as running most of our statements.
      const res = params?.length
        ? await client.query({ name: statementName(sql), text: sql, values: params as unknown[] })
        : await client.query(sql)
      return res.rows as R[]
    },
    async exec(sql: string) {
      await client.query(sql)
    },
  })

  return {
    engine: 'pg',
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(on(client))
        await client.query('COMMIT')
        return result
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
