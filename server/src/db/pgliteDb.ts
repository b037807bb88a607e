import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import type { Db, Queryable, Row } from './Db'
import { INT8_OID, NUMERIC_OID, parseNumber } from './Db'

/**
 * Embedded PostgreSQL + PostGIS in WebAssembly. `dataDir` is a folder (persisted) or `memory://`;
 * `loadDataDir` starts from a dump made by `dumpDataDir` (tests start many stores from one seeded city).
 */
export async function pgliteDb(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Db> {
  const pglite = await PGlite.create({
    ...options,
    extensions: { postgis },
    parsers: { [INT8_OID]: parseNumber, [NUMERIC_OID]: parseNumber },
  } satisfies PGliteOptions)

  const on = (client: PGlite | Transaction): Queryable => ({
    async query<R extends Row>(sql: string, params?: readonly unknown[]) {
      const res = await client.query<R>(sql, params as unknown[] | undefined)
      return res.rows
    },
    async exec(sql: string) {
      await client.exec(sql)
    },
  })

  return {
    engine: 'pglite',
    ...on(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(on(tx))),
    close: () => pglite.close(),
    dump: () => pglite.dumpDataDir('gzip'),
  } as Db & { dump: () => Promise<Blob> }
}
