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

const CODE_12 = /^\d{12}$/
const CODE_15 = /^\d{15}$/

/** A region's 12-digit division code, e.g. `231281001000` (a township) or `231281001002` (a community). */
export const RegionCode = (what = 'region') => z.string({ error: textError }).regex(CODE_12, `must be a 12-digit ${what} code`)

/** A grid's 15-digit code: its community's 12 digits and a three-digit number, e.g. `231281001002003`. */
export const GridCode = z.string({ error: textError }).regex(CODE_15, 'must be a 15-digit grid code')

/** Any area a figure or a list is read for: a region's 12-digit code or a grid's 15-digit one. */
export const AreaCode = z.string({ error: textError }).regex(/^(\d{12}|\d{15})$/, 'must be a 12-digit region code or a 15-digit grid code')

/** A post of a grid: its code, the kind (L leader, F full-time, P part-time worker) and a number, e.g. `231281001001001-F1`. */
export const PostCode = z.string({ error: textError }).regex(/^\d{15}-[LFP][1-9]\d*$/, 'must be a post code like 231281001001001-F1')

/**
 * The `version` of a record the screen saw and decided on, e.g. `4`: a record changed since is refused with
 * a 409 that carries it as it is now.
 */
export const ExpectedVersion = z.number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a whole number') })
  .int('must be a whole number').min(1, 'must be at least 1')

/** A count: a whole number, never negative; with `max`, at most that. */
export const Count = (max = Number.MAX_SAFE_INTEGER) => z.number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a whole number') })
  .int('must be a whole number').min(0, 'must not be negative').max(max, `must be at most ${max}`)
