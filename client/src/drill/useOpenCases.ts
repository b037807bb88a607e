import { useCallback, useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { CaseSummary, type Change, type Room } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import type { Connection } from '../live/useLive'
import { useRoom } from '../live/useRoom'
import { errorText } from '../ui/format'

const Cases = z.array(CaseSummary)

/** The most the list route gives at once: a city's open cases are some hundreds. */
const LIMIT = 1000

export type OpenCases = { kind: 'loading' } | { kind: 'ready'; cases: ReadonlyMap<number, CaseSummary> } | { kind: 'failed'; message: string }

/**
 * The open cases of the account's scope (`GET /api/v1/cases?state=open`), kept live through `room` (the city's, or
 * the scope's own) by applying each case the room streams, put in while open and taken out once closed, so the
 * city's stream of patrols and cameras costs no read. Read afresh on every (re)connect; null `room` reads nothing.
 */
export function useOpenCases(room: Room | null): { status: OpenCases; connection: Connection; reload: () => void } {
  const [status, setStatus] = useState<OpenCases>({ kind: 'loading' })
  const held = useRef<Map<number, CaseSummary> | null>(null)
  // Cases that changed while a read was under way: applied on top of what it brings.
  const pending = useRef<CaseSummary[]>([])
  const asked = useRef(0)

  const apply = useCallback((cases: readonly CaseSummary[]) => {
    const byId = held.current
    if (!byId) return void pending.current.push(...cases)
    for (const c of cases) {
      const had = byId.get(c.id)
      if (had && had.version >= c.version) continue
      if (c.state === 'closed') byId.delete(c.id)
      else byId.set(c.id, c)
    }
    setStatus({ kind: 'ready', cases: new Map(byId) })
  }, [])

  const reload = useCallback(() => {
    if (!room) return
    // Reads may answer out of order: only the latest one asked for is kept.
    const n = ++asked.current
    held.current = null
    fetchJson(`/api/v1/cases?${new URLSearchParams({ state: 'open', limit: String(LIMIT) })}`, Cases).then(
      (cases) => {
        if (n !== asked.current) return
        held.current = new Map(cases.map((c) => [c.id, c]))
        setStatus({ kind: 'ready', cases: new Map(held.current) })
        const missed = pending.current.splice(0)
        if (missed.length) apply(missed)
      },
      (e: unknown) => n === asked.current && setStatus({ kind: 'failed', message: errorText(e) }),
    )
  }, [room, apply])
  useEffect(reload, [reload])

  const onChanges = useCallback((changes: Change[]) => {
    // Told nothing on a (re)connect or a frame that did not parse: what was missed is read afresh.
    if (changes.length === 0) return reload()
    const cases = changes.flatMap((c) => (c.entity === 'case' ? [c.data] : []))
    if (cases.length) apply(cases)
  }, [reload, apply])
  const connection = useRoom(room, onChanges)
  return { status, connection, reload }
}
