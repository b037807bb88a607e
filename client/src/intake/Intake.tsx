import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { z } from 'zod'
import { type CaseSummary, type IntakeResult, type Me, type Place, SimilarCase } from '../../../contract'
import { homeRooms, may } from '../../../domain/access'
import { CasePane } from '../cases/CasePane'
import { placeNames } from '../cases/placeNames'
import { UrgentAlarms } from '../cases/UrgentAlarms'
import { useNow } from '../live/useNow'
import { displayScale } from '../map/displayScale'
import { selectedCaseLayer } from '../map/layers/selectedCaseLayer'
import { MapView, type Padding } from '../map/MapView'
import { OverLayers } from '../map/parts/OverLayers'
import { ReadyMark } from '../map/parts/ReadyMark'
import { ShowPoint } from '../map/parts/ShowPoint'
import { useCity } from '../map/useCity'
import { SignedInBar } from '../session/SignedInBar'
import { CaseReportsList } from './CaseReportsList'
import { FiledList } from './FiledList'
import { type ChosenPoint, similarQuery } from './intakeDraft'
import { IntakeForm } from './IntakeForm'
import { intakeLayers } from './intakeLayers'
import { MapLegend } from './MapLegend'
import { FlyToPoint, PointPicking } from './MapPointParts'
import { NotASeat } from './NotASeat'
import { SearchBox } from './SearchBox'
import { ShortcutBar } from './ShortcutBar'
import { SimilarList } from './SimilarList'
import { useCall } from './useCall'
import { useDebouncedRead } from './useDebouncedRead'
import { useLocality } from './useLocality'
import { useOpenCases } from './useOpenCases'
import { useShortcuts } from './useShortcuts'
import './intake.css'

const Similar = z.array(SimilarCase)
/** The panel is on the left, beside the map, not over it. */
const PADDING: Padding = { top: 60, right: 60, bottom: 60, left: 60 }
/** Close enough to read the streets and see the 300 m round a place chosen from the gazetteer. */
const PLACE_ZOOM = 15

type Opened = Pick<CaseSummary, 'id' | 'location' | 'version'>

/**
 * The intake seat (受理席): a seat taking 12345 hotline calls, 110 alerts, petitions and visitors files each as a
 * case, or joins it to the case it repeats (并案). Keyboard first: every field by Tab, Enter files, the place found
 * in the gazetteer as it is typed, the duplicates offered as the form fills and merged with Alt+n. On the map:
 * the report's point and the 300 m round it, the open cases near it, the candidates numbered. A search box finds
 * a case by its number, a ticket or a place, and opens it in the shared case pane. An urgent hazard's alarm waits at the
 * top of the side until the seat confirms it was received. Operators and duty leaders only.
 */
export function Intake({ me }: { me: Me }) {
  return may(me.role, 'intake') ? <Seat me={me} /> : <NotASeat me={me} />
}

function Seat({ me }: { me: Me }) {
  const cityStatus = useCity()
  const city = cityStatus.kind === 'ready' ? cityStatus.city : null
  const grids = useMemo(() => city?.grids.features.map((f) => f.properties) ?? [], [city])
  const places = useMemo(() => placeNames(city), [city])
  const room = useMemo(() => homeRooms(me.scope, me.whole)[0] ?? null, [me.scope, me.whole])

  const call = useCall()
  const { draft, set, merging, mergeInto } = call
  const [filed, setFiled] = useState<IntakeResult[]>([])
  // The case open beside, and its version as last seen: the pane reads it again when that moves (a merge).
  const [opened, setOpened] = useState<Opened | null>(null)
  const [fly, setFly] = useState<{ at: [number, number]; zoom: number } | null>(null)
  const [reads, setReads] = useState(0)
  const [focusFirst, setFocusFirst] = useState(0)
  const firstRef = useRef<HTMLInputElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  useEffect(() => firstRef.current?.focus(), [focusFirst])

  const choosePlace = useCallback((p: ChosenPoint) => {
    set({ point: p })
    setFly({ at: p.location, zoom: PLACE_ZOOM })
  }, [set])
  const clickPoint = useCallback((at: [number, number], zoom: number) => {
    set({ point: { location: at, name: null, kind: null, within: '' } })
    // Clicked on the whole city, a pixel is a hundred metres: closer in, so a second click can set it right.
    if (zoom < PLACE_ZOOM - 2) setFly({ at, zoom: PLACE_ZOOM })
  }, [set])
  const placeSearched = useCallback((p: Place) => setFly({ at: p.location, zoom: PLACE_ZOOM }), [])
  const open = useCallback((c: Opened) => setOpened({ id: c.id, location: c.location, version: c.version }), [])

  const query = similarQuery(draft)
  const similarRead = useDebouncedRead(query ? `/api/v1/intake/similar?${query}` : null, Similar, 250, reads)
  const similar = similarRead.data ?? []
  const openCases = useOpenCases(reads)
  const locality = useLocality(draft.point?.location ?? null)

  const newCall = useCallback(() => {
    call.clear()
    setFocusFirst((n) => n + 1)
  }, [call.clear])
  const file = async () => {
    const result = await call.file()
    if (!result) {
      // Refused here or by the server: to the first field it names.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.intake-form [aria-invalid="true"]')?.focus())
      return
    }
    setFiled((f) => [result, ...f.filter((r) => r.report.id !== result.report.id)].slice(0, 8))
    open(result.case)
    setReads((n) => n + 1)
    setFocusFirst((n) => n + 1)
  }
  const mergeById = (id: number | null) => mergeInto(id === null ? null : similar.find((s) => s.case.id === id) ?? null)

  useShortcuts({
    mergeNth: (n) => {
      const s = similar[n]
      if (s) mergeInto(merging?.case.id === s.case.id ? null : s)
    },
    cancel: () => merging !== null && (mergeInto(null), true),
    newCall,
    search: () => searchRef.current?.focus(),
  })

  const now = useNow(30_000)
  const scale = displayScale()
  // The candidates too, though they lie outside what was read (a ticket's or a caller's case elsewhere).
  const shownCases = useMemo(() => {
    const all = new Map<number, CaseSummary>(openCases)
    for (const s of similar) all.set(s.case.id, s.case)
    return all
  }, [openCases, similar])
  const openedAt = opened?.location ?? null
  const over = useCallback(() => [
    ...intakeLayers({ nearby: shownCases, similar, mergeInto: merging?.case.id ?? null, point: draft.point?.location ?? null, now, scale }),
    selectedCaseLayer({ at: openedAt, scale }),
  ], [shownCases, similar, merging, draft.point, now, scale, openedAt?.join()])

  return (
    <div className="intake">
      <MapView city={city} view={null} padding={PADDING} interactive>
        <OverLayers layers={over} animating={false} />
        <PointPicking onPoint={clickPoint} />
        <FlyToPoint to={fly} />
        <ShowPoint at={openedAt} />
        <ReadyMark complete={city !== null} />
      </MapView>
      <MapLegend />
      <aside className="intake-panel" data-testid="intake-panel" data-ready={city !== null}>
        <header className="intake-top">
          <h1>受理席<span>12345 热线 · 110 警情 · 信访 · 来访接待</span></h1>
          <nav className="intake-links"><a href="/wall">指挥大屏</a><a href="/drill">区域研判</a></nav>
          <SignedInBar me={me} />
        </header>
        <div className="intake-main">
          <FiledList filed={filed} onOpen={open} />
          <IntakeForm
            draft={draft} set={set} issues={call.issues} merging={merging} onCancelMerge={() => mergeInto(null)} onSubmit={() => void file()}
            busy={call.busy} firstRef={firstRef} onChoosePlace={choosePlace} failure={call.failure} locality={locality}
          />
          <ShortcutBar />
        </div>
        <div className="intake-side">
          <UrgentAlarms room={room} places={places} onOpen={open} />
          <SimilarList
            similar={similar} asked={query !== null} busy={similarRead.busy} error={similarRead.error}
            mergeInto={merging?.case.id ?? null} onMerge={mergeById} onOpen={open}
          />
          <SearchBox inputRef={searchRef} onOpenCase={open} onPlace={placeSearched} />
          {opened && (
            <div className="intake-case">
              <CasePane id={opened.id} version={opened.version} me={me} grids={grids} onActed={() => setReads((n) => n + 1)} />
              <CaseReportsList id={opened.id} again={reads} />
            </div>
          )}
        </div>
      </aside>
    </div>
  )
}
