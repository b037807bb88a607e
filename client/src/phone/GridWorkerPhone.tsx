import { useCallback, useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { AreaProfile, CaseSummary, type Me } from '../../../contract'
import { useNow } from '../live/useNow'
import { type Notice, NoticeLine } from '../ui/Notice'
import { enqueue, type QueuedReport } from './outbox'
import { OutboxList } from './OutboxList'
import { GridCases } from './GridCases'
import { PhoneCase } from './PhoneCase'
import { ReportForm } from './ReportForm'
import { signOutPhone } from './signOutPhone'
import { useHere } from './useHere'
import { useKeptRead } from './useKeptRead'
import { useOnline } from './useOnline'
import { useOutbox } from './useOutbox'
import { usePhoneView } from './usePhoneView'

const Cases = z.array(CaseSummary)
const NOTICE_MS = 6000

/**
 * The grid worker's phone: report (the form, and the reports still on the phone), the grid's open cases, and one
 * case to act on; a bar at the bottom, in the thumb's reach, to go between the two. `grid`: the worker's grid code.
 */
export function GridWorkerPhone({ me, grid, sessionOffline }: { me: Me; grid: string; sessionOffline: boolean }) {
  const online = useOnline()
  const offline = sessionOffline || !online
  const [view, go] = usePhoneView()
  const now = useNow(30_000)
  const { here, locate } = useHere()
  const area = useKeptRead(`/api/v1/areas/grid/${grid}`, AreaProfile)
  const profile = area.read.kind === 'ready' ? area.read.value : null
  const cases = useKeptRead(`/api/v1/cases?grid=${grid}&state=open`, Cases)
  const reloadCases = cases.reload
  const outbox = useOutbox(me.login, reloadCases)
  const [notice, setNotice] = useState<Notice | null>(null)
  const main = useRef<HTMLElement>(null)
  const [signOutError, setSignOutError] = useState<string | null>(null)

  const made = useCallback(async (r: QueuedReport) => {
    await enqueue(r)
    setNotice({ kind: 'done', text: '已保存到本机' })
    main.current?.scrollTo({ top: 0, behavior: 'smooth' })
    outbox.send()
  }, [outbox.send])
  // Each view opens at its top.
  useEffect(() => {
    main.current?.scrollTo(0, 0)
  }, [view])
  // The word that the tap was taken, for a few seconds: the report's own card says how it stands.
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])
  const openCase = useCallback((id: number) => go({ view: 'case', id }), [go])
  const list = cases.read.kind === 'ready' ? cases.read.value : []
  const opened = view.view === 'case' ? list.find((c) => c.id === view.id) : undefined
  const waiting = outbox.reports.filter((r) => r.state === 'waiting').length
  const signOut = async () => {
    if (waiting > 0 && !window.confirm(`还有 ${waiting} 条上报未发送，将在你再次登录后发送。确定退出？`)) return
    setSignOutError(await signOutPhone())
  }
  const title = profile?.name ?? me.scopeName

  return (
    <div className="phone" data-testid="phone" data-offline={offline} data-view={view.view}>
      <header className="phone-top">
        <div className="who">
          <h1 data-testid="grid-name">{title}</h1>
          <p>{me.displayName} · {grid}</p>
        </div>
        <span className={`net ${offline ? 'off' : 'on'}`} role="status" data-testid="net">{offline ? '离线' : '在线'}</span>
        <button type="button" className="sign-out" onClick={() => void signOut()} data-testid="sign-out">退出</button>
      </header>
      {signOutError && <p className="notice error phone-notice" role="alert">{signOutError}</p>}
      <main className="phone-main" ref={main}>
        {view.view === 'report' && (
          <>
            <NoticeLine notice={notice} className="notice phone-notice" />
            <OutboxList reports={outbox.reports} sending={outbox.sending} offline={offline} drop={(key) => void outbox.drop(key)} open={openCase} />
            <ReportForm me={me} grid={profile} here={here} locate={locate} onMade={made} />
          </>
        )}
        {view.view === 'cases' && <GridCases read={cases.read} now={now} open={openCase} reload={reloadCases} />}
        {view.view === 'case' && (
          <PhoneCase id={view.id} version={opened?.version} me={me} offline={offline} back={() => go({ view: 'cases' })}
            onActed={reloadCases} />
        )}
      </main>
      <nav className="phone-nav" aria-label="页面">
        <button type="button" aria-current={view.view === 'report' ? 'page' : undefined} onClick={() => go({ view: 'report' })} data-testid="nav-report">
          <span className="icon report" aria-hidden="true" />上报
          {waiting > 0 && <span className="badge" data-testid="nav-waiting">{waiting}</span>}
        </button>
        <button type="button" aria-current={view.view !== 'report' ? 'page' : undefined} onClick={() => go({ view: 'cases' })} data-testid="nav-cases">
          <span className="icon cases" aria-hidden="true" />本网格
          {list.length > 0 && <span className="badge quiet">{list.length}</span>}
        </button>
      </nav>
    </div>
  )
}

/** The grid a grid worker works in: their scope's 15-digit code; null for any other account. */
export const gridOf = (me: Me) => (me.role === 'grid_worker' && 'region' in me.scope && /^\d{15}$/.test(me.scope.region) ? me.scope.region : null)
