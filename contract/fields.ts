import { z } from 'zod'

/**
 * Building blocks of request fields that every schema taking one uses, so that what the store cannot
 * hold is refused where the request enters, naming the field, instead of failing in SQL as a 500.
 */

const textError = (iss: { input?: unknown }) => (iss.input === undefined ? 'is required' : 'must be text')
const NO_NUL = 'must not contain the NUL character (U+0000)'

/**
 * Text a person writes, trimmed, at most `max` characters, e.g. a case's description; `''` when empty.
 * NUL, which no PostgreSQL text can hold, is refused.
 */
export const Text = (max: number) =>
  z.string({ error: textError }).trim().max(max, `must be at most ${max} characters`).refine((s) => !s.includes('\u0000'), NO_NUL)

/** `Text` that must not be empty, e.g. a party's name or a grid's name. */
export const RequiredText = (max: number) => Text(max).min(1, 'is required')

/** The largest `integer` (int4) id: cameras' and patrol units'. */
export const INT4_MAX = 2_147_483_647

/**
 * An id in a path or query string, e.g. the `42` of `/api/v1/cases/42`: a positive whole number at most `max`,
 * INT4_MAX for an `integer` column, Number.MAX_SAFE_INTEGER for a `bigint` one (a larger one would be read as
 * another id: 2^53 + 1 is 2^53 as a number).
 */
export const IdText = (max: number) =>
  z.string({ error: textError })
    .regex(/^[1-9]\d*$/, 'must be a positive whole number')
    .refine((s) => !/^\d+$/.test(s) || (s.length <= String(max).length && BigInt(s) <= BigInt(max)), `must be at most ${max}`)
    .transform(Number)

/**
 * An instant as a device reports it, e.g. `2026-11-23T08:00:00Z` or `2026-11-23T16:00:00+08:00`: ISO 8601 with
 * its offset, from 1970 on (the store has no year 0000, and no device clock is older than the epoch). How far
 * from the server's clock it may be is the server's to say.
 */
export const DeviceTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
  .refine((s) => Date.parse(s) >= 0, 'must be from 1970 on')
