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
 * A statement whose text holds this line is planned for each call, never prepared (on PostgreSQL; PGlite
 * plans every statement anyway): PostgreSQL's generic plan, made for no batch in particular, ran a
 * gateway's batch of thousands of fixes half again as long as the plan made for it, against a
 * millisecond to plan it. A small batch gains from the prepared plan: planning was a sixth of it.
 */
export const PLANNED_EACH_CALL = '-- planned for each call'

/** `sql` planned for each call (see `PLANNED_EACH_CALL`). */
export const plannedEachCall = (sql: string): string => `${sql}\n${PLANNED_EACH_CALL}\n`

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
