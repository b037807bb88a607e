/**
 * A read that can be started before the screen's first render, while its script is still being
 * evaluated, and is taken up once by the code that needs it; after that, `take` reads afresh. The
 * screen's effects, which would otherwise ask, run only after React's first commit.
 */
export function earlyRead<T>(read: () => Promise<T>): { start(): void; take(): Promise<T> } {
  let started: Promise<T> | null = null
  return {
    start() {
      started ??= read()
    },
    take() {
      const answer = started ?? read()
      started = null
      return answer
    },
  }
}
