import { useCallback, useEffect, useMemo, useState } from 'react'
import type { CaseSummary, GridProps } from '../../../contract'
import { useToken } from '../api/token'
import { LiveStatus } from '../live/LiveStatus'
import { useNow } from '../live/useNow'
import { displayScale } from '../map/displayScale'
import { areaCamerasLayer } from '../map/layers/areaCamerasLayer'
import { areaMaskLayer } from '../map/layers/areaMaskLayer'
import { areaOutlineLayer } from '../map/layers/areaOutlineLayer'
import { casesLayer } from '../map/layers/casesLayer'
import { DESK_PADDING, MapView } from '../map/MapView'
import { FlyTo } from '../map/parts/FlyTo'
import { GridPicking } from '../map/parts/GridPicking'
import { OverLayers } from '../map/parts/OverLayers'
import { ReadyMark } from '../map/parts/ReadyMark'
import { UnderLayers } from '../map/parts/UnderLayers'
import { useCity } from '../map/useCity'
import { NoticeLine } from '../ui/Notice'
import { useKpis } from '../api/useKpis'
import { AreaHeader, Cover, Numbers, Responsible } from './AreaPanel'
import { CaseList } from './CaseList'
import { CasePane } from './CasePane'
import { type DrillTarget, drillPath, drillTarget } from './drillRoute'
import { SignIn } from '../session/SignIn'
import { shownOf, useArea } from './useArea'
import { useMe } from '../session/useMe'

/** Below this zoom a click on the city opens the township under it; closer in, the grid. */
const GRID_CLICK_ZOOM = 11

/**
 * The duty leader's desk screen: click a township or a grid (or open its link, `/drill/grid/<code>`)
 * and the map flies there with the rest of the city dimmed, while the panel shows who answers for
 * it, its cases, what watches over it and its figures against the city's, live from its room; a case
 * opened there can be taken through the loop, escalated, assigned, and its parties read (logged).
 */
export function Drill({ initial }: { initial: DrillTarget }) {
  const [target, setTarget] = useState(initial)
  const open = useCallback((t: DrillTarget) => {
    window.history.pushState(null, '', drillPath(t))
    setTarget(t)
  }, [])
  useEffect(() => {
    const back = () => setTarget(drillTarget(window.location.pathname) ?? null)
    window.addEventListener('popstate', back)
    return () => window.removeEventListener('popstate', back)
  }, [])

  const cityStatus = useCity()
  const city = cityStatus.kind === 'ready' ? cityStatus.city : null
  const { status, connection, reload } = useArea(target)
  const [token, setToken] = useToken()
  const me = useMe(token)
  const [selected, setSelected] = useState<number | null>(null)
  const now = useNow(15_000)
  // The city's figures, beside the area's: read apart from the area, so a click waits for the area alone.
  const cityKpis = useKpis(0, 4)
  // While another area is read, the one on screen stays (the panel marked busy): taking its mask and
  // points down for a tenth of a second would cost the map a redraw just before the new one.
  const data = shownOf(status)
  useEffect(() => setSelected(null), [target?.code])

  const onPick = useCallback((grid: GridProps, zoom: number) => {
    const inTownship = target?.level === 'township' && grid.townshipCode === target.code
    open(zoom >= GRID_CLICK_ZOOM || inTownship || target?.level === 'grid' ? { level: 'grid', code: grid.code } : { level: 'township', code: grid.townshipCode })
  }, [open, target])

  const scale = displayScale()
  const shownCode = data?.profile.code
  // The mask changes with the area, not with every read of it: each new one redraws the map.
  const under = useMemo(() => (data ? [areaMaskLayer({ area: data.profile.geometry, beforeId: 'community-label' })] : []), [shownCode])
  const openCases = useMemo(() => new Map((data?.cases ?? []).filter((c) => c.state !== 'closed').map((c) => [c.id, c] as [number, CaseSummary])), [data])
  const over = useCallback(() => (data ? [
    areaOutlineLayer({ area: data.profile.geometry, scale }),
    areaCamerasLayer({ cameras: data.profile.cover.cameras, scale }),
    // A click opens the grid under it (MapLibre's query), not a case.
    casesLayer({ cases: openCases, now, scale, pickable: false }),
  ] : []), [data, openCases, now, scale])
  const selectedCase = data?.cases.find((c) => c.id === selected)

  return (
    <div className="drill">
      <MapView city={city} view={null} padding={DESK_PADDING} interactive>
        <UnderLayers layers={under} />
        <OverLayers layers={over} animating={false} />
        <FlyTo bbox={data?.profile.bbox ?? null} padding={DESK_PADDING} />
        <GridPicking onPick={onPick} />
        <ReadyMark complete={city !== null} />
      </MapView>
      <aside className="drill-panel" data-testid="drill-panel" data-loaded={data ? data.profile.code : ''} aria-busy={status.kind === 'loading'}>
        <div className="drill-top">
          <SignIn me={me} onToken={setToken} />
          <LiveStatus connection={connection} />
        </div>
        {status.kind === 'none' && <p className="hint">在地图上点击乡镇（街道）或网格，查看其责任体系、案件、视频巡防与指标。</p>}
        {status.kind === 'failed' && <NoticeLine notice={{ kind: 'error', text: status.message }} />}
        {data && (
          <>
            <AreaHeader profile={data.profile} onOpen={open} />
            <CaseList cases={data.cases} now={now} selected={selected} onSelect={setSelected} />
            {selected !== null && (
              <CasePane
                id={selected} version={selectedCase?.version} token={token} roster={data.profile.responsible.roster}
                canAct={me.kind === 'known' && me.me.role === 'duty_leader'} onActed={reload}
              />
            )}
            <Responsible profile={data.profile} />
            <Cover profile={data.profile} />
            <Numbers area={data.kpis} city={cityKpis} />
          </>
        )}
      </aside>
    </div>
  )
}
