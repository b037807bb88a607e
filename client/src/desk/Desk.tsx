import { useCallback, useMemo, useState } from 'react'
import type { CaseSummary, Me } from '../../../contract'
import { homeRooms, may, reachOf } from '../../../domain/access'
import { inboxOf } from '../../../domain/inbox'
import { CaseList } from '../cases/CaseList'
import { CasePane } from '../cases/CasePane'
import { placeNames } from '../cases/placeNames'
import { UrgentAlarms } from '../cases/UrgentAlarms'
import { useDepartments } from '../cases/useDepartments'
import { LiveStatus } from '../live/LiveStatus'
import { useNow } from '../live/useNow'
import { displayScale } from '../map/displayScale'
import { DESK_PADDING, MapView } from '../map/MapView'
import { FlyTo } from '../map/parts/FlyTo'
import { OverLayers } from '../map/parts/OverLayers'
import { ReadyMark } from '../map/parts/ReadyMark'
import { ShowPoint } from '../map/parts/ShowPoint'
import { UnderLayers } from '../map/parts/UnderLayers'
import { useCity } from '../map/useCity'
import { SignedInBar } from '../session/SignedInBar'
import { NoticeLine } from '../ui/Notice'
import { deskArea } from './deskArea'
import { DeskFigures } from './DeskFigures'
import { deskOverLayers, deskUnderLayers } from './deskLayers'
import { SoundToggle } from './SoundToggle'
import { useArrivalSound } from './useArrivalSound'
import { useDeskFigures } from './useDeskFigures'
import { useInbox } from './useInbox'

/**
 * The desk, one screen for any level (a grid, a community, a township, the city) and for a department: the
 * account's area on the map (a township office's township; the whole city for a city bureau) with the cases
 * waiting for it; the inbox, the most pressing first, live from the account's room (a case that arrives
 * appears at once, with a chime that can be turned off); the case opened from it, with the steps this account
 * may take now; and how the desk works the loop beside its parent. A duty leader's desk has the urgent hazards whose
 * alarm waits on the wall above the inbox, to confirm they were received.
 */
export function Desk({ me }: { me: Me }) {
  const cityStatus = useCity()
  const city = cityStatus.kind === 'ready' ? cityStatus.city : null
  const grids = useMemo(() => city?.grids.features.map((f) => f.properties) ?? [], [city])
  const places = useMemo(() => placeNames(city), [city])
  const department = 'department' in me.scope ? me.scope.department : null
  // A township office's area is its township: the departments' list says which.
  const departments = useDepartments(department !== null)
  const area = useMemo(() => (city ? deskArea(city, me.scope, departments) : null), [city, me.scope, departments])
  const room = useMemo(() => homeRooms(me.scope, me.whole)[0] ?? null, [me.scope, me.whole])

  const sound = useArrivalSound()
  const [arrived, setArrived] = useState<ReadonlySet<number>>(new Set())
  const onArrive = useCallback((ids: number[]) => {
    setArrived((a) => new Set([...a, ...ids]))
    sound.play()
  }, [sound.play])
  const of = useMemo(() => inboxOf(me.role, reachOf(me.scope, me.whole)), [me.role, me.scope, me.whole])
  const inbox = useInbox(room, of, onArrive)
  const status = inbox.status
  const cases = useMemo(() => (status.kind === 'ready' ? status.cases : status.kind === 'failed' ? status.cases ?? [] : []), [status])
  const figures = useDeskFigures(status.kind === 'ready' ? status.at : undefined)
  const now = useNow(15_000)

  // The case open in the pane, as the inbox had it when opened: it stays open when an action sends it elsewhere.
  const [opened, setOpened] = useState<CaseSummary | null>(null)
  const open = useCallback((id: number) => {
    setOpened(cases.find((c) => c.id === id) ?? null)
    setArrived((a) => new Set([...a].filter((x) => x !== id)))
  }, [cases])
  const inList = opened ? cases.find((c) => c.id === opened.id) : undefined

  const scale = displayScale()
  const under = useMemo(() => deskUnderLayers(area), [area])
  const byId = useMemo(() => new Map(cases.map((c) => [c.id, c] as [number, CaseSummary])), [cases])
  const over = useCallback(
    () => deskOverLayers({ area, cases: byId, selected: inList ?? opened, now, scale }),
    [area, byId, inList, opened, now, scale],
  )

  return (
    <div className="desk">
      <MapView city={city} view={null} padding={DESK_PADDING} interactive>
        <UnderLayers layers={under} />
        <OverLayers layers={over} animating={false} />
        <FlyTo bbox={area?.bbox ?? null} padding={DESK_PADDING} />
        <ShowPoint at={opened?.location ?? null} />
        <ReadyMark complete={city !== null && status.kind !== 'loading'} />
      </MapView>
      <aside className="desk-panel" data-testid="desk-panel" data-ready={status.kind === 'ready'}>
        <header className="desk-top">
          <SignedInBar me={me} />
          <div className="desk-controls">
            <a href="/drill">区域研判</a>
            <SoundToggle on={sound.on} toggle={sound.toggle} chimes={sound.chimes} />
            <LiveStatus connection={inbox.connection} />
          </div>
        </header>
        <div className="desk-head">
          <h1 data-testid="area-name">{me.scopeName}<span>工作台</span></h1>
          <DeskFigures figures={figures} />
        </div>
        <div className="desk-inbox">
          {may(me.role, 'acknowledge') && <UrgentAlarms room={room} places={places} />}
          {status.kind === 'failed' && <NoticeLine notice={{ kind: 'error', text: `待办读取失败：${status.message}` }} />}
          {status.kind === 'loading'
            ? <p className="hint" aria-busy="true">正在读取待办…</p>
            : <CaseList title="待办" cases={cases} now={now} selected={opened?.id ?? null} onSelect={open} places={places} department={department} arrived={arrived} />}
        </div>
        <div className="desk-case">
          {opened
            ? (
              <>
                {!inList && <p className="left-inbox" data-testid="left-inbox">此案件已不在本工作台的待办中</p>}
                <CasePane id={opened.id} version={inList?.version} me={me} grids={grids} onActed={inbox.applied} />
              </>
            )
            : <p className="hint">在待办中选择一个案件：↑/↓ 或 j/k 移动，Enter 打开。</p>}
        </div>
      </aside>
    </div>
  )
}
