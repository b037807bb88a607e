import { useLayoutEffect, useRef, useState } from 'react'
import { type AttentionCase, type AttentionCases, labels } from '../../../contract'
import { LEVEL_MARK } from '../map/layers/caseLevelsLayer'
import { count } from '../ui/format'
import { waitText } from './rates'

const kindName = (c: AttentionCase) => (c.category === 'dispute' ? labels.disputeKind : labels.hazardKind)[c.kind as never] ?? c.kind

/**
 * The open cases moved up (上移督办) or past their due time, the longest waiting first: what (kind), where
 * (township and community by name), and how long over or since moved up. As many whole rows as the panel
 * holds, and how many more there are. Read from the store (`GET /api/v1/wall/attention`) as the city moves.
 */
export function AttentionList({ attention, now }: { attention: AttentionCases | null; now: number }) {
  const list = useRef<HTMLOListElement>(null)
  const [fits, setFits] = useState(0)
  useLayoutEffect(() => {
    const ol = list.current!
    const measure = () => {
      const row = parseFloat(getComputedStyle(ol).getPropertyValue('--row-height')) * window.innerHeight / 100
      setFits(Math.max(1, Math.floor(ol.clientHeight / row)))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(ol)
    return () => observer.disconnect()
  }, [])
  const cases = attention?.cases ?? []
  const shown = cases.slice(0, fits)
  const more = attention ? attention.total - shown.length : 0
  return (
    <section className="wall-attention" data-testid="wall-attention">
      <h2>
        超期 · 上移督办
        <span className="totals">超期 <b className={attention && attention.overdue > 0 ? 'alarm' : ''} data-testid="attention-overdue">{attention ? count(attention.overdue) : '—'}</b>
          {' '}上移 <b data-testid="attention-escalated">{attention ? count(attention.escalated) : '—'}</b></span>
      </h2>
      <ol ref={list}>
        {attention && cases.length === 0 && <li className="none">无超期、上移案件</li>}
        {shown.map((c) => <AttentionRow key={c.code} c={c} now={now} />)}
      </ol>
      {more > 0 && <p className="more">另有 {count(more)} 件</p>}
    </section>
  )
}

function AttentionRow({ c, now }: { c: AttentionCase; now: number }) {
  const overdue = c.overdueSince !== null
  const since = Date.parse((overdue ? c.overdueSince : c.escalatedAt) ?? new Date(now).toISOString())
  return (
    <li className={overdue ? 'overdue' : 'escalated'} data-testid="attention-row" data-code={c.code}>
      <span className="what">
        <b className="reason">{overdue ? '超期' : '上移'}</b>
        {c.level !== 'grid' && c.escalations > 0 && <i className="level-mark">{LEVEL_MARK[c.level]}</i>}
        <span className="kind">{kindName(c)}</span>
        <span className="wait" data-testid="attention-wait">{overdue ? '超' : '已'}{waitText(now - since)}</span>
      </span>
      <span className="where" data-testid="attention-where">{c.township} {c.community}</span>
    </li>
  )
}
