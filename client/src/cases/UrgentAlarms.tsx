import { useState } from 'react'
import { CaseSummary, type Room } from '../../../contract'
import { postJson } from '../api/fetchJson'
import { useNow } from '../live/useNow'
import { ageText } from '../ui/ageText'
import { errorText } from '../ui/errorText'
import { NoticeLine } from '../ui/Notice'
import { kindLabel } from './kindLabel'
import type { PlaceNames } from './placeNames'
import { useUrgentHazards } from './useUrgentHazards'
import './urgentAlarms.css'

/**
 * The urgent hazards (fire, gas, electricity, flood) whose alarm stands on the wall, each with 确认收到: a seat or a
 * duty leader confirms it was received, and it leaves the wall and every desk. Live from `room`; nothing is shown
 * while none waits. `onOpen`: opens the case beside, where the screen has a pane for it.
 */
export function UrgentAlarms({ room, places, onOpen }: { room: Room | null; places: PlaceNames; onOpen?: (c: CaseSummary) => void }) {
  const { status, applied } = useUrgentHazards(room)
  const now = useNow(30_000)
  const [busy, setBusy] = useState<number | null>(null)
  const [refused, setRefused] = useState<{ id: number; text: string } | null>(null)

  const acknowledge = async (c: CaseSummary) => {
    setBusy(c.id)
    setRefused(null)
    try {
      applied(await postJson(`/api/v1/cases/${c.id}/acknowledge`, {}, CaseSummary))
    } catch (e) {
      setRefused({ id: c.id, text: errorText(e) })
    } finally {
      setBusy(null)
    }
  }

  if (status.kind === 'loading' || (status.kind === 'ready' && status.cases.length === 0)) return null
  const place = (c: CaseSummary) => [places.get(c.townshipCode), places.get(c.communityCode)].filter(Boolean).join(' · ')
  return (
    <section className="urgent-alarms" data-testid="urgent-alarms" aria-label="紧急隐患待确认">
      <h2>紧急隐患待确认<b>{status.cases.length}</b><span>大屏上的告警卡片在确认收到后撤下</span></h2>
      {status.kind === 'failed' && <NoticeLine notice={{ kind: 'error', text: `紧急隐患读取失败：${status.message}` }} />}
      <ul>
        {status.cases.map((c) => (
          <li key={c.id} data-code={c.code}>
            <p className="what"><span className="kind">{kindLabel(c)}</span> <span className="place">{place(c)}</span></p>
            <p className="when">
              <time dateTime={c.reportedAt}>{ageText(c.reportedAt, now)}上报</time>
              {onOpen
                ? <button type="button" className="code" onClick={() => onOpen(c)} title="打开此案件">{c.code}</button>
                : <span className="code">{c.code}</span>}
            </p>
            <button type="button" className="acknowledge" disabled={busy === c.id} onClick={() => void acknowledge(c)}>
              {busy === c.id ? '正在确认…' : '确认收到'}
            </button>
            {refused?.id === c.id && <NoticeLine notice={{ kind: 'error', text: `确认未成功：${refused.text}` }} />}
          </li>
        ))}
      </ul>
    </section>
  )
}
