import type { ReactNode } from 'react'
import { SOON_HOURS } from '../../../domain/triage'
import { NoticeLine } from '../ui/Notice'
import type { CaseRoom } from '../cases/useCaseRoom'

/**
 * The drill-down's first screen, before an area is chosen: the scope named, what its list holds (`children`: the
 * cases needing attention and the one opened), and how to go further (`hint`; `onArea`, for a scope above the
 * township, opens its own area's panel: its areas one level down and its figures).
 */
export function Triage({ scopeName, status, hint, onArea, children }: {
  scopeName: string; status: CaseRoom; hint: string; onArea: (() => void) | null; children: ReactNode
}) {
  return (
    <section className="triage" data-testid="triage" data-ready={status.kind === 'ready'} aria-busy={status.kind === 'loading'}>
      <header className="area-header">
        <h1>
          {scopeName}
          {onArea && <button type="button" className="to-area" onClick={onArea} data-testid="scope-area">下辖区域与指标 ›</button>}
        </h1>
        <p className="area-kind">超期、{SOON_HOURS} 小时内到期、上移督办与紧急的在办案件，剩余时间最少的在前</p>
      </header>
      {status.kind === 'loading' && <p className="hint" aria-busy="true">正在读取在办案件…</p>}
      {status.kind === 'failed' && <NoticeLine notice={{ kind: 'error', text: `在办案件读取失败：${status.message}` }} />}
      {children}
      <p className="triage-hint">{hint}</p>
    </section>
  )
}
