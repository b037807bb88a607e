/** A row as the driver returns it; callers name its shape with the type parameter. */
export type Row = Record<string, unknown>

export interface Queryable {
  /** One statement, values only as `$n`. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export type Engine = 'pg' | 'pglite'

/** The store: the same SQL runs on both engines. */
export interface Db extends Queryable {
  readonly engine: Engine
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/**
 * int8 and numeric arrive as strings from the wire protocol; both engines turn them into numbers so
 * rows compare equal across engines. Our int8 values (ids, counts, log positions) stay below 2^53.
 */
export const INT8_OID = 20
export const NUMERIC_OID = 1700
export const parseNumber = (value: string): number => Number(value)

/**
 * The store cannot be reached now (restarting, stopped, out of connections): nothing was written that the
 * caller was told of, and the same request may succeed in a few seconds. The API answers 503 with a retry hint.
 */
export class StoreUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the store is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}
