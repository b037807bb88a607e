/** Where the server reads the time, so tests can drive it without sleeping. */
export type Clock = { now(): Date }

export const systemClock: Clock = { now: () => new Date() }

/** A clock a test sets and advances by hand. */
export function manualClock(start: Date): Clock & { set(t: Date): void; advance(ms: number): void } {
  let t = start.getTime()
  return {
    now: () => new Date(t),
    set: (d) => { t = d.getTime() },
    advance: (ms) => { t += ms },
  }
}
