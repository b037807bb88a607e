import type { Clock } from '../clock'
import type { CaseCommands } from '../commands/cases'
import type { Logger } from '../log'

/** Runs the platform's escalation every `everyMs`; one run at a time. Returns a stop function. */
export function startEscalationClock(cases: CaseCommands, clock: Clock, everyMs: number, log: Logger): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      const moved = await cases.escalateOverdue(clock.now())
      if (moved > 0) log.info({ moved }, 'overdue cases moved up a level')
    } catch (err) {
      log.error({ err }, 'escalation run failed')
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), everyMs)
  timer.unref()
  void tick()
  return () => clearInterval(timer)
}
