/**
 * How failed sign-ins lock a login name: after `lockAfter` failures within `windowMinutes`, the name is
 * locked for `lockMinutes`, whether or not an account has it (so the answer never tells whether it exists).
 * A success clears the count.
 */
export type SignInPolicy = { lockAfter: number; windowMinutes: number; lockMinutes: number }

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = { lockAfter: 5, windowMinutes: 15, lockMinutes: 15 }

export type FailureCount = { failures: number; firstAt: Date; lockedUntil: Date | null }

export const lockedUntil = (count: FailureCount | null, now: Date): Date | null =>
  count?.lockedUntil && count.lockedUntil > now ? count.lockedUntil : null

/** The count after one more failure at `now`: a new window once the last one has passed, a lock once it reaches the limit. */
export function afterFailure(count: FailureCount | null, now: Date, policy: SignInPolicy): FailureCount {
  const windowOver = !count || now.getTime() - count.firstAt.getTime() > policy.windowMinutes * 60_000 || (count.lockedUntil !== null && count.lockedUntil <= now)
  const failures = windowOver ? 1 : count.failures + 1
  const firstAt = windowOver ? now : count.firstAt
  return { failures, firstAt, lockedUntil: failures >= policy.lockAfter ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null }
}
