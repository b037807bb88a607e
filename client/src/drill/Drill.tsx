import { useCallback, useEffect, useMemo, useState } from 'react'
import { type AnyAreaProfile, type CaseSummary, isWideLevel, type Me, type WideAreaProfile } from '../../../contract'
import { casesOnlyLevel, codeLevel, coversArea, may, reachOf } from '../../../domain/access'
import { needingAttention } from '../../../domain/triage'
import { LiveStatus } from '../live/LiveStatus'
import { useNow } from '../live/useNow'
import { displayScale } from '../map/displayScale'
import { areaCamerasLayer } from '../map/layers/areaCamerasLayer'
import { areaMaskLayer } from '../map/layers/areaMaskLayer'
import { areaOutlineLayer } from '../map/layers/areaOutlineLayer'
import { childAreasLayers } from '../map/layers/childAreasLayer'
import { casesLayer } from '../map/layers/casesLayer'
import { mediationBodiesLayer } from '../map/layers/mediationBodiesLayer'
import { selectedCaseLayer } from '../map/layers/selectedCaseLayer'
import { DESK_PADDING, MapView } from '../map/MapView'
import { FlyTo } from '../map/parts/FlyTo'
import { OverLayers } from '../map/parts/OverLayers'
import { ReadyMark } from '../map/parts/ReadyMark'
import { ShowPoint } from '../map/parts/ShowPoint'
import { UnderLayers } from '../map/parts/UnderLayers'
import { cityRead } from '../map/loadCity'
import { tiledStyle } from '../map/tiledStyle'
import { useCity } from '../map/useCity'
import { useMapArea } from '../map/mapArea'
import { type Notice, NoticeLine } from '../ui/Notice'
import { useKpis } from '../api/useKpis'
import { AreaHeader, Cover, Numbers, Responsible } from './AreaPanel'
import { AreaMediation } from './AreaMediation'
import { areaOptions, namedAreaOptions } from './areaOptions'
import { AreaPicker } from './AreaPicker'
import { CaseList } from '../cases/CaseList'
import { CasePane } from '../cases/CasePane'
import { placeNames } from '../cases/placeNames'
import { useMediationBodies } from '../cases/useMediationBodies'
import { childHolding, clickedArea, holdingAt } from './clickedArea'
import { deskScope, roomOf, withinScope } from './deskScope'
import './drill.css'
import { DrillPicking, type PickedGrid } from './DrillPicking'
import { LocalNames } from './LocalNames'
import { MapNoTabStop } from './MapNoTabStop'
import { type DrillTarget, drillPath, drillTarget } from './drillRoute'
import { SignedInBar } from '../session/SignedInBar'
import { CLOSED_DAYS, shownOf, useArea } from './useArea'
import { useDepartmentCases } from './useDepartmentCases'
import { useOpenCases } from './useOpenCases'
import { useRegionNames } from './useRegionNames'
import { Triage } from './Triage'
import { ChildAreas, WideCover, WideMediation } from './WideArea'

const isWide = (p: AnyAreaProfile): p is WideAreaProfile => isWideLevel(p.level)

/**
 * The desks' drill-down screen (duty leaders, and officers of a township, community, grid or department).
 * Before an area is chosen it answers "what needs me now": the scope's overdue, nearly due, moved-up and urgent
 * cases by time left, and its open cases on the map, live from the scope's room. Click a case point or a row to
 * open the case. Type an area's name, or click one on the map (or open its link, `/drill/county/<code>`,
 * `/drill/grid/<code>`), and the map flies there with the rest dimmed, while the panel shows who answers for it,
 * its cases, what watches over it and its figures against the whole scope's, live from its room; a case opened
 * there can be taken through the loop, and by a duty leader escalated, assigned, and its parties read (logged).
 * It goes down a level at a time, province → prefecture → county → township → grid: an area above the township
 * lists and outlines its areas one level down, and a click on one (in the list or on the map) opens it; its
 * parents above are one click away in the header. Only inside the account's scope: a township officer starts on
 * their township, which is their "whole city", and is offered nothing outside it.
 */
export function Drill({ initial, me }: { initial: DrillTarget; me: Me }) {
  const scope = useMemo(() => deskScope(me), [me])
  const [target, setTarget] = useState(() => withinScope(scope, initial))
  const [notice, setNotice] = useState<Notice | null>(null)
  const open = useCallback((asked: DrillTarget) => {
    const t = withinScope(scope, asked)
    window.history.pushState(null, '', drillPath(t))
    setNotice(null)
    setTarget(t)
  }, [scope])
  useEffect(() => {
    // An address outside the scope (an old link, another desk's) shows the scope's own area instead.
    if (drillPath(target) !== window.location.pathname) window.history.replaceState(null, '', drillPath(target))
    const back = () => setTarget(withinScope(scope, drillTarget(window.location.pathname) ?? null))
    window.addEventListener('popstate', back)
    return () => window.removeEventListener('popstate', back)
  }, [scope])

  // A province's or prefecture's desk draws its map from the tiles and names places from the regions' names:
  // its GeoJSON would be tens of megabytes. Its grids are not listed to dispatch to (a case is dispatched in its county).
  const tiledScope = 'region' in me.scope && casesOnlyLevel(codeLevel(me.scope.region)) ? me.scope.region : null
  const cityStatus = useCity(0, tiledScope ? null : cityRead.take)
  const city = cityStatus.kind === 'ready' ? cityStatus.city : null
  const regionNames = useRegionNames(tiledScope)
  // A township's (or a grid's) case list names grids too: the township's are read as it is opened.
  const shownTownship = tiledScope && (target?.level === 'township' || target?.level === 'grid') ? holdingAt(target.code, 'township') : null
  const gridNames = useRegionNames(shownTownship)
  const scopeArea = useMapArea(tiledScope)
  const grids = useMemo(() => city?.grids.features.map((f) => f.properties) ?? [], [city])
  const places = useMemo(
    () => (regionNames ? new Map([...regionNames, ...(gridNames ?? [])].map((r) => [r.code, r.name])) : placeNames(city)),
    [city, regionNames, gridNames],
  )
  const areas = useMemo(() => (regionNames ? namedAreaOptions(regionNames, scope.reaches) : areaOptions(city, scope.reaches)), [city, regionNames, scope])
  // A department's desk has no area: its cases are those routed to it, live from its room.
  const byDepartment = 'department' in me.scope
  const area = useArea(target, byDepartment || !target ? null : roomOf(scope, target))
  const department = useDepartmentCases(byDepartment ? scope.homeRoom : null)
  // Nothing chosen: the whole scope's open cases, of which those needing attention are listed.
  const triage = useOpenCases(!byDepartment && !target ? roomOf(scope, null) : null)
  const { status, reload } = area
  const connection = byDepartment ? department.connection : target ? area.connection : triage.connection
  const departmentCases = department.status.kind === 'ready' ? department.status.cases : null
  const triageCases = !byDepartment && !target && triage.status.kind === 'ready' ? triage.status.cases : null
  const [selected, setSelected] = useState<number | null>(null)
  const now = useNow(15_000)
  const needing = useMemo(() => (triageCases ? needingAttention(triageCases.values(), now) : null), [triageCases, now])
  // The whole scope's figures (the city's, or the officer's own area), beside the area's: read apart from
  // the area, so a click waits for the area alone.
  const cityKpis = useKpis(0, 4, undefined, !byDepartment)
  // While another area is read, the one on screen stays (the panel marked busy): taking its mask and
  // points down for a tenth of a second would cost the map a redraw just before the new one.
  const data = shownOf(status)
  // The bodies serving a township, or a grid's community (its own, the township's, the city's); an account
  // whose area is smaller than the community (a grid's) asks for those serving its own area, which are the same.
  // An area above the township counts its bodies in its profile: a province's would be thousands of rings.
  const bodiesArea = !data || isWide(data.profile) ? null : data.profile.level === 'township' ? data.profile.code
    : coversArea(reachOf(me.scope, me.whole), data.profile.parents[0]!.code) ? data.profile.parents[0]!.code : ''
  const bodies = useMediationBodies(bodiesArea)
  const bodyList = bodies?.kind === 'ready' ? bodies.bodies : null
  useEffect(() => setSelected(null), [target?.code])

  const onPick = useCallback((grid: PickedGrid, zoom: number) => {
    const gridTarget = { level: 'grid', code: grid.code } as const
    const asked = clickedArea(target, scope.area, grid, zoom)
    // Outside the scope a click opens nothing; a township beyond it may still hold a grid inside (a community's officer).
    const shown = scope.reaches(asked) ? asked : scope.reaches(gridTarget) ? gridTarget : null
    if (shown) open(shown)
    else setNotice({ kind: 'error', text: `${grid.name}不在本账号的辖区（${me.scopeName}）内` })
  }, [open, target, scope, me.scopeName])

  // Zoomed out past the grids on the tiles: the area one level down of the one on screen (or of the scope's) that holds the region clicked.
  const onRegion = useCallback((code: string) => {
    const shown = target ?? scope.area
    const child = shown && childHolding(shown.code, code)
    const level = child && codeLevel(child)
    // A township's communities are not a level of their own: its grids are clicked, drawn by then.
    if (!child || !level || level === 'community' || level === 'grid') return
    const asked = { level, code: child }
    if (scope.reaches(asked)) open(asked)
  }, [open, target, scope])

  const scale = displayScale()
  const base = useMemo(
    () => (scopeArea.kind === 'ready' ? { style: tiledStyle({ area: scopeArea.area.code, origin: window.location.origin, scale }), bounds: scopeArea.area.bbox } : null),
    [scopeArea, scale],
  )
  const shownCode = data?.profile.code
  // The mask changes with the area, not with every read of it: each new one redraws the map. Under the names, or the tiles' outlines.
  const under = useMemo(
    () => (data ? [areaMaskLayer({ area: data.profile.geometry, beforeId: tiledScope ? 'community-line' : 'community-label' })] : []),
    [shownCode],
  )
  const openCases = useMemo(
    () => triageCases ?? new Map((data?.cases ?? departmentCases ?? []).filter((c) => c.state !== 'closed').map((c) => [c.id, c] as [number, CaseSummary])),
    [data, departmentCases, triageCases],
  )
  const selectedCase = (data?.cases ?? departmentCases ?? undefined)?.find((c) => c.id === selected) ?? (selected === null ? undefined : triageCases?.get(selected))
  const selectedAt = selectedCase?.location ?? null
  // A click finds a case by its point on screen (DrillPicking), not by deck.gl's picking pass.
  const over = useCallback(() => [
    ...(data && isWide(data.profile) ? [
      // A county's townships are named by the city's base map; the tiles' map names nothing.
      ...childAreasLayers({ children: data.profile.children, named: data.profile.level !== 'county' || tiledScope !== null, scale }),
      areaOutlineLayer({ area: data.profile.geometry, scale }),
    ] : []),
    ...(data && !isWide(data.profile) ? [
      areaOutlineLayer({ area: data.profile.geometry, scale }),
      areaCamerasLayer({ cameras: data.profile.cover.cameras, scale }),
      mediationBodiesLayer({ bodies: bodyList ?? [], scale }),
    ] : []),
    casesLayer({ cases: openCases, now, scale, pickable: false }),
    selectedCaseLayer({ at: selectedAt, scale }),
  ], [data, bodyList, openCases, now, scale, selectedAt?.join(), tiledScope])

  return (
    <div className="drill">
      <MapView city={city} base={base} view={null} padding={DESK_PADDING} interactive>
        <UnderLayers layers={under} />
        <OverLayers layers={over} animating={false} />
        <FlyTo bbox={data?.profile.bbox ?? null} padding={DESK_PADDING} />
        <DrillPicking cases={openCases} scale={scale} onCase={setSelected} onGrid={onPick} onRegion={onRegion} />
        <ShowPoint at={selectedAt} />
        <ReadyMark complete={city !== null || base !== null} />
        <MapNoTabStop />
        <LocalNames shown={!(data && (data.profile.level === 'province' || data.profile.level === 'prefecture'))} />
      </MapView>
      <aside className="drill-panel" data-testid="drill-panel" data-loaded={data ? data.profile.code : ''} aria-busy={status.kind === 'loading'}>
        <div className="drill-top">
          <SignedInBar me={me} />
          {may(me.role, 'step') && <a href="/desk" className="to-desk">工作台</a>}
          {'region' in me.scope && <a href="/ranking" className="to-desk">考核排名</a>}
          <LiveStatus connection={connection} />
        </div>
        {!byDepartment && <AreaPicker options={areas} onOpen={open} />}
        <NoticeLine notice={notice} />
        {!target && !byDepartment && (
          <Triage scopeName={me.scopeName} status={triage.status} hint={noneHint(me)} onArea={scope.area && (() => open(scope.area))}>
            {needing && <CaseList title="需要处理" cases={needing} now={now} selected={selected} onSelect={setSelected} places={places} />}
            {selected !== null && <CasePane id={selected} version={selectedCase?.version} me={me} grids={grids} onActed={triage.reload} />}
          </Triage>
        )}
        {byDepartment && (
          <>
            <header className="area-header"><h1 data-testid="area-name">{me.scopeName}</h1><p className="area-kind">派往本部门的案件</p></header>
            {department.status.kind === 'failed' && <NoticeLine notice={{ kind: 'error', text: department.status.message }} />}
            {departmentCases && (
              <CaseList title="案件" cases={departmentCases} now={now} selected={selected} onSelect={setSelected} places={places} department={'department' in me.scope ? me.scope.department : null} closedDays={CLOSED_DAYS} />
            )}
            {selected !== null && <CasePane id={selected} version={selectedCase?.version} me={me} grids={grids} onActed={department.reload} />}
          </>
        )}
        {status.kind === 'failed' && <NoticeLine notice={{ kind: 'error', text: status.message }} />}
        {data && (
          <AreaHeader profile={data.profile} onOpen={open} reaches={scope.reaches} root={scope.home ? null : '首页'} />
        )}
        {data && isWide(data.profile) && (
          <>
            <ChildAreas profile={data.profile} onOpen={open} reaches={scope.reaches} />
            <CaseList title="在办案件" cases={data.cases} now={now} selected={selected} onSelect={setSelected} places={places} />
            {selected !== null && <CasePane id={selected} version={selectedCase?.version} me={me} grids={grids} onActed={reload} />}
            <Responsible profile={data.profile} />
            <WideMediation profile={data.profile} />
            <WideCover profile={data.profile} />
            <Numbers area={data.kpis} city={data.profile.code === scope.area?.code ? data.kpis : cityKpis} wholeName={me.scopeName} />
          </>
        )}
        {data && !isWide(data.profile) && (
          <>
            <CaseList title="案件" cases={data.cases} now={now} selected={selected} onSelect={setSelected} places={places} closedDays={CLOSED_DAYS} />
            {selected !== null && <CasePane id={selected} version={selectedCase?.version} me={me} grids={grids} onActed={reload} />}
            <Responsible profile={data.profile} />
            <AreaMediation profile={data.profile} bodies={bodies} />
            <Cover profile={data.profile} />
            {/* The scope's own area on screen (a township officer's township): its figures are the whole's. */}
            <Numbers area={data.kpis} city={data.profile.code === scope.home?.code ? data.kpis : cityKpis} wholeName={me.scopeName} />
          </>
        )}
      </aside>
    </div>
  )
}

/** What the panel says before an area is chosen, by what the scope reaches. */
function noneHint(me: Me): string {
  const { area } = deskScope(me)
  if (area && area.level !== 'county') return '在地图上点击案件打开它；逐级点击下辖区域直至网格，或在上方输入其名称，查看其责任体系、案件、视频巡防与指标。'
  if (area) return '在地图上点击案件打开它；点击乡镇（街道）或网格，或在上方输入其名称，查看其责任体系、案件、视频巡防与指标。'
  return `在地图上点击案件打开它；点击${me.scopeName}的网格，或在上方输入其名称，查看其责任体系、案件、视频巡防与指标。`
}
