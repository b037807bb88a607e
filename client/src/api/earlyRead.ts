/**
 * A read that can be started before the screen's first render, while its script is still being
 * evaluated, and is taken up once by the code that needs it; after that, `take` reads afresh. Asked
 * for that early, a read the page preloads (see server/src/api/clientAssets.ts) is always taken from
 * the preload: a fetch made later, from an effect after the page's load event, may not be.
 */
export function earlyRead<T>(read: () => Promise<T>): { start(): void; take(): Promise<T> } {
  let started: Promise<T> | null = null
  return {
    start() {
      if (started) return
      started = read()
      // Not taken (a page that turns out to be signed out): no unhandled rejection; `take` still sees it.
      started.catch(() => {})
    },
    take() {
      const answer = started ?? read()
      started = null
      return answer
    },
  }
}
