import { type Change, serverEvents } from '../../../contract'

/**
 * A `live:changes` frame parsed with the contract where it enters the screen, or null (logged) when it does
 * not parse: the screen then reads afresh rather than apply what it cannot trust.
 */
export function changesFrame(frame: unknown): Change[] | null {
  const parsed = serverEvents['live:changes'].safeParse(frame)
  if (parsed.success) return parsed.data
  console.error('live:changes frame refused: it does not parse with the contract', parsed.error.issues.slice(0, 5))
  return null
}
