import { useCallback, useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { type AnyAreaProfile, AreaProfile, CaseSummary, type Change, isWideLevel, Kpis, type Room, WideAreaProfile } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import type { Connection } from '../live/useLive'
import { useRoom } from '../live/useRoom'
import { errorText } from '../ui/errorText'
import type { DrillTarget } from './drillRoute'

/** How far back the closed cases behind the toggle reach. */
export const CLOSED_DAYS = 30

/** Changes arriving together are read once, this long after the first; an area above the township's, this long. */
const COALESCE_MS = 120
const WIDE_COALESCE_MS = 2000

export type AreaData = { profile: AnyAreaProfile; cases: CaseSummary[]; kpis: Kpis }
export type AreaStatus =
  | { kind: 'none' }
  /** `shown`: the area on screen until this one has been read, so nothing is taken down and redrawn meanwhile. */
  | { kind: 'loading'; target: NonNullable<DrillTarget>; shown: AreaData | null }
  | { kind: 'ready'; target: NonNullable<DrillTarget>; data: AreaData }
  | { kind: 'failed'; target: NonNullable<DrillTarget>; message: string }

const Cases = z.array(CaseSummary)

/**
 * A township's or grid's profile, cases (open, and closed in the last days) and figures; for an area above the
 * township its open cases only: a county closes a thousand a month.
 */
async function readArea({ level, code }: NonNullable<DrillTarget>): Promise<AreaData> {
  const wide = isWideLevel(level)
  const cases = new URLSearchParams({
    [level === 'grid' ? 'grid' : 'region']: code, ...(wide ? { state: 'open' } : { closedDays: String(CLOSED_DAYS) }), limit: '1000',
  })
  const [profile, list, kpis] = await Promise.all([
    fetchJson<AnyAreaProfile>(`/api/v1/areas/${level}/${code}`, wide ? WideAreaProfile : AreaProfile),
    fetchJson(`/api/v1/cases?${cases}`, Cases),
    fetchJson(`/api/v1/kpis?region=${code}`, Kpis),
  ])
  return { profile, cases: list, kpis }
}

/** The area a status has on screen. */
export function shownOf(s: AreaStatus): AreaData | null {
  return s.kind === 'ready' ? s.data : s.kind === 'loading' ? s.shown : null
}

/**
 * What of a room's changes reads an area again: for a township or grid every one (a case reported or stepped, a camera
 * or a patrol); for an area above the township a case's or a camera's (`[]` on a reconnect too), not the patrols'
 * fixes that a county's room hears every second or so: its patrol counts wait for the next read.
 */
const heeds = (wide: boolean, changes: Change[]) => !wide || changes.length === 0 || changes.some((c) => c.entity === 'case' || c.entity === 'camera')

/**
 * One area as a desk sees it, kept live through `room` alone (the area's, inside the account's scope): a change
 * there reads the area again (see `heeds`), so what is shown is what the store holds, committed. `reload` reads it
 * at once (after an action of one's own).
 */
export function useArea(target: DrillTarget, room: Room | null): { status: AreaStatus; connection: Connection; reload: () => void } {
  const [status, setStatus] = useState<AreaStatus>({ kind: 'none' })
  const key = target ? `${target.level}:${target.code}` : null
  const current = useRef(key)
  current.current = key
  const wide = target !== null && isWideLevel(target.level)

  const reload = useCallback(() => {
    if (!target) return
    const asked = `${target.level}:${target.code}`
    readArea(target).then(
      (data) => current.current === asked && setStatus({ kind: 'ready', target, data }),
      (err: unknown) => current.current === asked && setStatus({ kind: 'failed', target, message: errorText(err) }),
    )
    // A target is a level and a code: `key` says when it changed.
  }, [key])

  useEffect(() => {
    setStatus((s) => (target ? { kind: 'loading', target, shown: shownOf(s) } : { kind: 'none' }))
    reload()
  }, [reload])

  // Changes arriving together are read once; a pending read is dropped when another area is on screen.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => {
    clearTimeout(timer.current)
    timer.current = undefined
  }, [reload])
  const onChanges = useCallback((changes: Change[]) => {
    if (timer.current !== undefined || !heeds(wide, changes)) return
    timer.current = setTimeout(() => {
      timer.current = undefined
      reload()
    }, wide ? WIDE_COALESCE_MS : COALESCE_MS)
  }, [reload, wide])
  const connection = useRoom(room, onChanges)
  return { status, connection, reload }
}
