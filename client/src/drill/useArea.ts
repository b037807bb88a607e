import { useCallback, useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { AreaProfile, CaseSummary, Kpis, type Room } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import type { Connection } from '../live/useLive'
import { errorText } from '../ui/errorText'
import { useRoomReload } from '../live/useRoomReload'
import type { DrillTarget } from './drillRoute'

/** How far back the closed cases behind the toggle reach. */
export const CLOSED_DAYS = 30

export type AreaData = { profile: AreaProfile; cases: CaseSummary[]; kpis: Kpis }
export type AreaStatus =
  | { kind: 'none' }
  /** `shown`: the area on screen until this one has been read, so nothing is taken down and redrawn meanwhile. */
  | { kind: 'loading'; target: NonNullable<DrillTarget>; shown: AreaData | null }
  | { kind: 'ready'; target: NonNullable<DrillTarget>; data: AreaData }
  | { kind: 'failed'; target: NonNullable<DrillTarget>; message: string }

const Cases = z.array(CaseSummary)

async function readArea({ level, code }: NonNullable<DrillTarget>): Promise<AreaData> {
  const cases = new URLSearchParams({ [level === 'grid' ? 'grid' : 'region']: code, closedDays: String(CLOSED_DAYS), limit: '1000' })
  const [profile, list, kpis] = await Promise.all([
    fetchJson(`/api/v1/areas/${level}/${code}`, AreaProfile),
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
 * One township or grid as a desk sees it, kept live through `room` alone (the area's, inside the account's scope): every
 * change there (a case reported or stepped, a camera or a patrol) reads the area again, so what is
 * shown is what the store holds, committed. `reload` reads it at once (after an action of one's own).
 */
export function useArea(target: DrillTarget, room: Room | null): { status: AreaStatus; connection: Connection; reload: () => void } {
  const [status, setStatus] = useState<AreaStatus>({ kind: 'none' })
  const key = target ? `${target.level}:${target.code}` : null
  const current = useRef(key)
  current.current = key

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

  const connection = useRoomReload(room, reload)
  return { status, connection, reload }
}
