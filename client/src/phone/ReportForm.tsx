import { type FormEvent, useState } from 'react'
import { type AreaProfile, type CaseCategory, type CaseReport, labels, type Me } from '../../../contract'
import { pointInside, type Outline } from './gridShape'
import { newIdempotencyKey } from './idempotencyKey'
import type { QueuedReport } from './outbox'
import { PhotoField } from './PhotoField'
import { type PlaceChoice, PlaceField } from './PlaceField'
import type { Here } from './useHere'

const CATEGORIES: [CaseCategory, string][] = [['dispute', '矛盾纠纷'], ['hazard', '安全隐患']]
const kindsOf = (c: CaseCategory) => Object.entries(c === 'dispute' ? labels.disputeKind : labels.hazardKind) as [string, string][]

type Issues = Partial<Record<'kind' | 'description' | 'place', string>>

/**
 * A grid worker's report from the phone: what it is (category, then kind), what was seen, photos, and where
 * (the phone's fix, or a point inside the grid). Nothing is chosen beforehand. Made into a queued report with
 * its idempotency key at once, and handed to `onMade`, which keeps it on the phone and sends it when it can.
 */
export function ReportForm({ me, grid, here, locate, onMade }: {
  me: Me; grid: AreaProfile | null; here: Here; locate: () => void; onMade: (r: QueuedReport) => Promise<void>
}) {
  const [category, setCategory] = useState<CaseCategory | null>(null)
  const [kind, setKind] = useState('')
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<File[]>([])
  const [placeChoice, setPlaceChoice] = useState<PlaceChoice | null>(null)
  const [issues, setIssues] = useState<Issues>({})
  const [busy, setBusy] = useState(false)

  // Without a fix the grid's own point is offered (and chosen) rather than nothing.
  const choice: PlaceChoice = placeChoice ?? (here.kind === 'failed' && grid ? 'grid' : 'here')
  const at: [number, number] | null = choice === 'here'
    ? (here.kind === 'located' ? here.at : null)
    : (grid ? pointInside(grid.geometry.coordinates as Outline) : null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const found: Issues = {}
    if (!category || !kind) found.kind = '请选择事件类型'
    if (!description.trim()) found.description = '请简要描述现场情况'
    if (!at) found.place = here.kind === 'locating' ? '正在定位，请稍候或改用网格内位置' : '请定位，或改用网格内位置'
    setIssues(found)
    if (Object.keys(found).length > 0 || !category || !at) return
    const report: CaseReport = { category, kind: kind as CaseReport['kind'], source: 'grid_worker', location: at, description: description.trim() }
    setBusy(true)
    try {
      await onMade({
        key: newIdempotencyKey(), login: me.login, report, madeAt: new Date().toISOString(),
        photos: photos.map((blob) => ({ blob, state: 'waiting', refused: null })),
        case: null, state: 'waiting', attempts: 0, lastError: null, sentAt: null,
      })
      setCategory(null)
      setKind('')
      setDescription('')
      setPhotos([])
      setPlaceChoice(null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="report-form" onSubmit={(e) => void submit(e)} noValidate aria-label="上报事件" data-testid="report-form">
      <fieldset className="phone-field" aria-invalid={issues.kind ? true : undefined}>
        <legend>事件类型</legend>
        <div className="segmented big" role="radiogroup" aria-label="类别">
          {CATEGORIES.map(([c, name]) => (
            <button key={c} type="button" role="radio" aria-checked={category === c} data-category={c}
              onClick={() => { setCategory(c); setKind(''); setIssues({ ...issues, kind: undefined }) }}>{name}</button>
          ))}
        </div>
        {category && (
          <div className="chips" role="radiogroup" aria-label={category === 'dispute' ? '纠纷类型' : '隐患类型'}>
            {kindsOf(category).map(([k, name]) => (
              <button key={k} type="button" role="radio" aria-checked={kind === k} data-kind={k}
                onClick={() => { setKind(k); setIssues({ ...issues, kind: undefined }) }}>{name}</button>
            ))}
          </div>
        )}
        {issues.kind && <span className="field-error" role="alert">{issues.kind}</span>}
      </fieldset>
      <label className="phone-field">
        <span className="field-name">情况描述</span>
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={4} maxLength={2000}
          placeholder="发生了什么、涉及几户几人、现场情况…" aria-label="情况描述" aria-invalid={issues.description ? true : undefined} />
        {issues.description && <span className="field-error" role="alert">{issues.description}</span>}
      </label>
      <PhotoField photos={photos} setPhotos={setPhotos} />
      <PlaceField here={here} locate={locate} grid={grid} choice={choice} setChoice={setPlaceChoice} at={at} error={issues.place} />
      <div className="report-submit">
        <button type="submit" className="primary" disabled={busy} data-testid="report-submit">上报</button>
      </div>
    </form>
  )
}
