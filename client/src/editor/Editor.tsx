import * as turf from '@turf/turf'
import type * as maplibregl from 'maplibre-gl'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Draft, DraftCheck, DraftDiff, DraftFeature, DraftFeatures, DraftGridProps, DraftNeighbours, Me, PublishResult, RegionCollection } from '../../../contract'
import { may } from '../../../domain/access'
import { ApiError } from '../api/fetchJson'
import { SignedInBar } from '../session/SignedInBar'
import { errorText } from '../ui/errorText'
import { dateTime } from '../ui/format'
import { type Notice, NoticeLine } from '../ui/Notice'
import { displayScale } from '../map/displayScale'
import { checkLayers } from '../map/layers/checkLayers'
import { DESK_PADDING, MapView } from '../map/MapView'
import { FlyTo } from '../map/parts/FlyTo'
import { OnMap } from '../map/parts/OnMap'
import { OverLayers } from '../map/parts/OverLayers'
import { ReadyMark } from '../map/parts/ReadyMark'
import { useCity } from '../map/useCity'
import { CommunityPicker } from './CommunityPicker'
import { CheckReport, DiffReport, GridForm, type GridFieldIssues, gridIssues, NO_ISSUES } from './EditorPanels'
import { MergePicker } from './MergePicker'
import { PublishConfirm } from './PublishConfirm'
import { draftApi } from './draftApi'
import { type DrawnGrid, startDrawing } from './drawing'
import { editorLayers, gridLabelsOf } from './editorLayers'
import { carryVertex } from './sharedVertex'
import './editor.css'

type Drawing = ReturnType<typeof startDrawing>
const NONE: DraftFeature[] = []
const NO_REGIONS: RegionCollection['features'] = []
/** A grid's attributes whose save was refused: what was typed, kept until it is saved, and the fields refused. */
type Refused = { code: string; typed: DraftGridProps; issues: GridFieldIssues }
/** A draft just published: its result, and its grids as published, shown read-only. */
type Published = { result: PublishResult; grids: DraftFeature[] }

/** A draft grid's shape as the drawing tools hold it: the outer ring of its (first) polygon. */
function drawn(f: DraftFeature): DrawnGrid {
  const polygon = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates[0]!
  return { code: f.properties.code, polygon: { type: 'Polygon', coordinates: polygon } }
}

/**
 * The analysts' grid editor (网格划分调整) at `/editor?community=<12-digit code>`, the community picked by name
 * under its township and outlined: the community's grids as a draft kept on the server, reshaped on the map
 * (vertices snap to neighbours, and a vertex they share moves in all of them), split by a drawn line (the grid
 * lit while the line is drawn), merged with a neighbour (offered only those, or clicked on the map), deleted, drawn anew, their attributes edited beside; every change saved and checked in
 * PostGIS at once, gaps and overlaps drawn where they are; undo and redo over the saved versions; a
 * diff before publishing, which the server refuses while errors remain. 发布 asks for confirmation with
 * the diff and a 调整说明; once published, the grids are shown read-only with the note.
 */
export function Editor({ initialCommunity, me }: { initialCommunity: string | null; me: Me }) {
  // Read again after a publish, so the map's own grids are the published ones.
  const [cityVersion, setCityVersion] = useState(0)
  const cityStatus = useCity(cityVersion)
  const city = cityStatus.kind === 'ready' ? cityStatus.city : null
  const analyst = may(me.role, 'edit_grids')
  const api = useMemo(() => draftApi(), [])
  const [community, setCommunity] = useState(initialCommunity)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [check, setCheck] = useState<DraftCheck | null>(null)
  const [diff, setDiff] = useState<DraftDiff | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [refused, setRefused] = useState<Refused | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [published, setPublished] = useState<Published | null>(null)
  // The grid a line is being drawn across: drawing the line deselects it on the map.
  const [splitting, setSplitting] = useState<string | null>(null)
  // The grids sharing an edge, by the server's rule, for the draft's version shown.
  const [pairs, setPairs] = useState<DraftNeighbours | null>(null)
  // The grid a neighbour is being clicked on the map for, to merge with it.
  const [picking, setPicking] = useState<string | null>(null)
  const [focus, setFocus] = useState<[number, number, number, number] | null>(null)
  // Undo and redo walk the saved versions' grids: each step back is saved again as a new version.
  const history = useRef<{ past: DraftFeatures[]; future: DraftFeatures[] }>({ past: [], future: [] })
  const drawing = useRef<Drawing | null>(null)
  const latest = useRef<Draft | null>(null)
  latest.current = draft

  const communities = useMemo(() => (city?.regions.features ?? []).filter((f) => f.properties.level === 'community'), [city])
  const region = communities.find((f) => f.properties.code === community) ?? null
  const communityName = region?.properties.name ?? ''

  const shown = useCallback((d: Draft, keep?: string | null) => {
    setDraft(d)
    setPublished(null)
    setDiff(null)
    setPicking(null)
    drawing.current?.show(d.features.features.map(drawn))
    if (keep && d.features.features.some((f) => f.properties.code === keep)) drawing.current?.draw.selectFeature(keep)
    else setSelected(null)
    void api.check(d).then(setCheck, (e: unknown) => setNotice({ kind: 'error', text: errorText(e) }))
    void api.neighbours(d).then(setPairs, (e: unknown) => setNotice({ kind: 'error', text: errorText(e) }))
  }, [api])

  useEffect(() => {
    if (!community) return
    window.history.replaceState(null, '', `/editor?community=${community}`)
    setDraft(null)
    setCheck(null)
    setRefused(null)
    setConfirming(false)
    setPublished(null)
    setPairs(null)
    history.current = { past: [], future: [] }
    api.openDraftOf(community).then(async (summary) => {
      if (summary) shown(await api.get(summary.id))
    }, (e: unknown) => setNotice({ kind: 'error', text: errorText(e) }))
    const region = communities.find((f) => f.properties.code === community)
    if (region) setFocus(turf.bbox(region as GeoJSON.Feature) as [number, number, number, number])
  }, [community, communities.length, api])

  /** Saves `features` as the draft's next version (remembered for undo unless it is an undo or redo itself); `done` is said once saved. */
  const save = useCallback(async (features: DraftFeatures, keep: string | null, remember = true, done?: string) => {
    const d = latest.current
    if (!d) return
    try {
      const next = await api.replace(d, features)
      if (remember) history.current = { past: [...history.current.past, d.features], future: [] }
      shown(next, keep)
      setNotice(done ? { kind: 'done', text: done } : null)
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) })
      shown(d, keep)
    }
  }, [api, shown])

  /**
   * Saves grid `code`'s attributes. Refused, the form keeps what was typed and marks the fields named; a draft
   * changed meanwhile (409) is shown as it is now, the typed values still in the form, to be saved on it.
   */
  const saveGrid = useCallback(async (code: string, props: DraftGridProps) => {
    const d = latest.current
    if (!d) return
    const features = d.features.features
    try {
      const next = await api.replace(d, { type: 'FeatureCollection', features: features.map((f) => (f.properties.code === code ? { ...f, id: props.code, properties: props } : f)) })
      history.current = { past: [...history.current.past, d.features], future: [] }
      setRefused(null)
      shown(next, props.code)
      setNotice(null)
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) })
      const index = features.findIndex((f) => f.properties.code === code)
      setRefused({ code, typed: props, issues: e instanceof ApiError ? gridIssues(e.issues, index) : NO_ISSUES })
      if (e instanceof ApiError && e.code === 'stale_draft' && e.detail.draft) shown(e.detail.draft, code)
    }
  }, [api, shown])

  const onPublished = useCallback((result: PublishResult) => {
    const grids = latest.current?.features.features ?? []
    setPublished({ result, grids })
    setNotice({ kind: 'done', text: `已发布：新增 ${result.added.length}，变更 ${result.changed.length}，撤销 ${result.removed.length}，案件移交 ${result.moves.length}` })
    setConfirming(false)
    setDraft(null)
    setCheck(null)
    setDiff(null)
    setRefused(null)
    setSelected(null)
    history.current = { past: [], future: [] }
    // Nothing left to drag: the published grids are drawn by the map and the overlay alone.
    drawing.current?.show([])
    setCityVersion((v) => v + 1)
  }, [])
  const onPublishRefused = useCallback((e: ApiError) => {
    if (e.detail.draft) shown(e.detail.draft, selected)
    if (e.detail.check) setCheck(e.detail.check)
  }, [shown, selected])

  const onShape = useCallback(async (id: string, polygon: GeoJSON.Polygon) => {
    const d = latest.current
    if (!d) return
    const features = d.features.features
    const geometry: DraftFeature['geometry'] = { type: 'Polygon', coordinates: polygon.coordinates as [number, number][][] }
    const known = features.find((f) => f.properties.code === id)
    if (known) {
      // A vertex the neighbours share moves in them too, so the grids keep tiling the community.
      const { grids, touched } = carryVertex(features, id, drawn(known).polygon.coordinates[0] as [number, number][], polygon.coordinates[0] as [number, number][])
      const done = touched.length > 0 ? `共用顶点已在相邻网格 ${touched.map((c) => c.slice(12)).join('、')} 中一同移动` : undefined
      return void save({ type: 'FeatureCollection', features: grids }, id, true, done)
    }
    // A new grid's code is the server's to give: it knows the codes the community's retired grids had.
    let code: string
    try {
      code = (await api.nextCode(d)).code
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) })
      return void shown(d, null)
    }
    const grid: DraftFeature = {
      type: 'Feature', id: code, geometry,
      properties: { code, name: `${communityName}新网格（${code.slice(12)}）`, kind: features[0]?.properties.kind ?? 'urban', households: 0, leaders: 1, fulltimeWorkers: 0, parttimeWorkers: 0, sourceCode: null },
    }
    void save({ type: 'FeatureCollection', features: [...features, grid] }, code)
  }, [api, save, shown, communityName])

  const onLine = useCallback((line: [number, number][]) => {
    const d = latest.current
    const code = splitting
    setSplitting(null)
    if (!d || !code) return
    const before = d.features
    api.split(d, code, line).then((edit) => {
      history.current = { past: [...history.current.past, before], future: [] }
      shown(edit.draft, edit.codes[0] ?? null)
      setNotice({ kind: 'done', text: `已分割为 ${edit.codes.join('、')}` })
    }, (e: unknown) => setNotice({ kind: 'error', text: errorText(e) }))
  }, [api, shown, splitting])

  const neighboursOf = useCallback((code: string | null) => (code === null || !pairs || pairs.version !== latest.current?.version ? null
    : pairs.pairs.flatMap(([a, b]) => (a === code ? [b] : b === code ? [a] : []))), [pairs])

  const merge = useCallback((a: string, b: string) => {
    const d = latest.current
    if (!d) return
    api.merge(d, [a, b]).then((edit) => {
      history.current = { past: [...history.current.past, d.features], future: [] }
      shown(edit.draft, edit.codes[0] ?? null)
      setNotice({ kind: 'done', text: `已将 ${b.slice(12)} 并入 ${a.slice(12)}` })
    }, (e: unknown) => setNotice({ kind: 'error', text: errorText(e, 'MergeRequest') }))
  }, [api, shown])

  /**
   * A grid clicked on the map. While a neighbour is picked to merge with, a click on one merges it, a click on another
   * grid ends the picking and selects that one; terra-draw's deselect before the select is not a choice then.
   */
  const onSelect = useCallback((id: string | null) => {
    if (picking && id === null) return
    if (picking && id !== picking) {
      setPicking(null)
      if (neighboursOf(picking)?.includes(id!)) return merge(picking, id!)
    }
    setSelected(id)
  }, [picking, neighboursOf, merge])
  const onSelectRef = useRef(onSelect)
  onSelectRef.current = onSelect

  const onMap = useCallback((map: maplibregl.Map) => {
    if (drawing.current) return
    drawing.current = startDrawing(map, { onShape: (id, p) => onShapeRef.current(id, p), onLine: (l) => onLineRef.current(l), onSelect: (id) => onSelectRef.current(id) })
    if (latest.current) drawing.current.show(latest.current.features.features.map(drawn))
  }, [])
  const onShapeRef = useRef(onShape)
  onShapeRef.current = onShape
  const onLineRef = useRef(onLine)
  onLineRef.current = onLine
  useEffect(() => () => drawing.current?.stop(), [])

  const act = (what: () => Promise<unknown>) => void what().catch((e: unknown) => setNotice({ kind: 'error', text: errorText(e) }))
  const features = draft?.features.features ?? NONE
  const grid = features.find((f) => f.properties.code === selected) ?? null
  const step = (from: 'past' | 'future') => {
    const h = history.current
    const target = h[from].at(-1)
    if (!target || !draft) return
    history.current = from === 'past'
      ? { past: h.past.slice(0, -1), future: [...h.future, draft.features] }
      : { past: [...h.past, draft.features], future: h.future.slice(0, -1) }
    void save(target, selected, false)
  }

  const scale = displayScale()
  const shownGrids = published?.grids ?? features
  const labels = useMemo(() => gridLabelsOf(shownGrids), [shownGrids])
  const splitGrid = features.find((f) => f.properties.code === splitting) ?? null
  const selectedNeighbours = neighboursOf(selected)
  const pickable = useMemo(() => {
    const codes = picking ? neighboursOf(picking) ?? [] : []
    return features.filter((f) => codes.includes(f.properties.code))
  }, [features, picking, neighboursOf])
  const over = useCallback(() => [
    ...editorLayers({ labels, splitting: splitGrid, published: published?.grids ?? [], community: region, neighbours: pickable, scale }),
    ...(check ? checkLayers({ check, scale }) : []),
  ], [check, scale, labels, splitGrid, published, region, pickable])
  const errors = check?.errors.length ?? 0

  return (
    <div className="editor">
      <MapView city={city} view={null} padding={DESK_PADDING} interactive>
        <OverLayers layers={over} animating={false} />
        <FlyTo bbox={focus} padding={DESK_PADDING} />
        <OnMap onMap={onMap} />
        <ReadyMark complete={city !== null} />
      </MapView>
      <aside className="editor-panel" data-testid="editor-panel" data-draft={draft?.id ?? ''} data-version={draft?.version ?? ''} data-errors={check ? errors : ''}>
        <SignedInBar me={me} />
        <CommunityPicker regions={city?.regions.features ?? NO_REGIONS} value={community} onChange={setCommunity} />
        {community && !draft && analyst && <button type="button" onClick={() => act(async () => shown(await api.create(community)))} data-testid="new-draft">以现有网格新建草稿</button>}
        {community && !analyst && <p className="hint">只有分析人员可以编辑和发布网格；当前可查看。</p>}
        <NoticeLine notice={notice} />
        {draft && (
          <>
            <p className="draft-line">草稿 #{draft.id} · 第 {draft.version} 版 · {features.length} 个网格</p>
            <div className="tools" role="toolbar" aria-label="编辑">
              <button type="button" disabled={!analyst} onClick={() => drawing.current?.draw.setMode('polygon')}>新建网格</button>
              {splitting
                ? <button type="button" data-testid="split" aria-pressed onClick={() => {
                  drawing.current?.draw.setMode('select')
                  drawing.current?.draw.selectFeature(splitting)
                  setSplitting(null)
                }}>取消分割</button>
                : <button type="button" disabled={!analyst || !selected} data-testid="split" onClick={() => {
                  setPicking(null)
                  setSplitting(selected)
                  drawing.current?.draw.setMode('linestring')
                }}>分割</button>}
              <MergePicker disabled={!analyst || !selected} picking={picking !== null && picking === selected} onMerge={(other) => merge(selected!, other)}
                onPick={(on) => setPicking(on ? selected : null)}
                neighbours={selectedNeighbours && selectedNeighbours.map((code) => ({ code, name: features.find((f) => f.properties.code === code)?.properties.name ?? '' }))} />
              <button type="button" disabled={!analyst || !selected} onClick={() => void save({ type: 'FeatureCollection', features: features.filter((f) => f.properties.code !== selected) }, null)}>删除</button>
              <button type="button" disabled={!analyst || history.current.past.length === 0} onClick={() => step('past')} data-testid="undo">撤销</button>
              <button type="button" disabled={!analyst || history.current.future.length === 0} onClick={() => step('future')} data-testid="redo">重做</button>
            </div>
            {splitting && <p className="hint">在地图上画一条穿过 {splitting} 的线：单击加点，回车结束。</p>}
            {picking && <p className="hint" data-testid="merge-hint">单击地图上绿色的相邻网格，与 {picking.slice(12)} 合并；单击其他网格则取消。</p>}
            {grid && <GridForm key={`${grid.properties.code}-${draft.version}`} grid={grid} disabled={!analyst}
              typed={refused?.code === grid.properties.code ? refused.typed : null}
              issues={refused?.code === grid.properties.code ? refused.issues : NO_ISSUES}
              onSave={(props) => void saveGrid(grid.properties.code, props)} />}
            {check && <CheckReport check={check} onShow={(at) => setFocus([at[0] - 0.002, at[1] - 0.0015, at[0] + 0.002, at[1] + 0.0015])}
              onRepair={analyst ? (code, repair) => void save({
                type: 'FeatureCollection',
                features: features.map((f) => (f.properties.code === code ? { ...f, geometry: repair as DraftFeature['geometry'] } : f)),
              }, code) : null} />}
            <div className="publish">
              <button type="button" onClick={() => act(async () => setDiff(await api.diff(draft)))} data-testid="diff">预览变更</button>
              <button type="button" disabled={!analyst || errors > 0 || confirming} data-testid="publish" onClick={() => {
                setDiff(null)
                setConfirming(true)
              }}>发布</button>
              <a href={`/api/v1/export/${draft.communityCode}`} download>导出 GeoJSON</a>
            </div>
            {confirming && <PublishConfirm draft={draft} api={api} onPublished={onPublished} onRefused={onPublishRefused} onCancel={() => setConfirming(false)} />}
            {diff && !confirming && <DiffReport diff={diff} />}
          </>
        )}
        {published && (
          <section className="published" aria-labelledby="published-title" data-testid="published">
            <h2 id="published-title">已发布</h2>
            <p>草稿 #{published.result.draft.id} · {published.grids.length} 个网格 · {published.result.draft.publishedAt ? dateTime(published.result.draft.publishedAt) : ''}</p>
            <p className="note">调整说明：<span data-testid="published-note">{published.result.draft.publishNote}</span></p>
            <p className="hint">地图上是已发布的网格，只读；要再调整，请以现有网格新建草稿。</p>
          </section>
        )}
        {community && !draft && analyst && (
          <label className="import">导入（GeoJSON 或 Shapefile 压缩包）
            <input type="file" accept=".geojson,.json,.zip" onChange={(e) => {
              const file = e.target.files?.[0]
              if (file) act(async () => shown(await api.importFile(community, file)))
            }} />
          </label>
        )}
      </aside>
    </div>
  )
}

