import { type FormEvent, useEffect, useState } from 'react'
import { type DraftCheck, type DraftDiff, type DraftFeature, DraftGridProps, issuesOf, labels } from '../../../contract'
import { reasonText } from '../ui/errorText'
import { area } from '../ui/format'

/** A grid attribute a save was refused for, each with its reason: by the form before the request, or by the server. */
export type GridFieldIssues = Partial<Record<keyof DraftGridProps, string>>
export const NO_ISSUES: GridFieldIssues = {}

/** The grid's fields as the form names them, for the line under a refused one. */
const FIELD_LABEL: Record<keyof DraftGridProps, string> = {
  name: '名称', code: '编码', kind: '类型', households: '户数', leaders: labels.workerRole.leader,
  fulltimeWorkers: labels.workerRole.fulltime, parttimeWorkers: labels.workerRole.parttime, sourceCode: '来源网格',
}

/**
 * The issues that name an attribute of one grid, by that attribute: of grid number `index` of a draft
 * (`features.features.3.properties.households`), or with `index` null of the grid's attributes alone (`households`).
 */
export function gridIssues(fields: readonly { field: string; reason: string }[], index: number | null): GridFieldIssues {
  const prefix = index === null ? '' : `features.features.${index}.properties.`
  const out: GridFieldIssues = {}
  for (const { field, reason } of fields) {
    const name = field.startsWith(prefix) ? field.slice(prefix.length).split('.')[0] : undefined
    if (name && name in FIELD_LABEL && !(name in out)) out[name as keyof DraftGridProps] = reason
  }
  return out
}

/**
 * A grid's attributes, edited beside the map: checked by the contract's own schema before a request, then by the
 * server, which names a bad field. `typed` are the values of a refused save, kept (not the saved ones) with the
 * refused fields marked until they are edited.
 */
export function GridForm({ grid, typed, issues, disabled, onSave }: {
  grid: DraftFeature; typed: DraftGridProps | null; issues: GridFieldIssues; disabled: boolean; onSave: (p: DraftGridProps) => void
}) {
  const [p, setP] = useState(typed ?? grid.properties)
  const [marks, setMarks] = useState(issues)
  useEffect(() => setMarks(issues), [issues])
  const edit = <K extends keyof DraftGridProps>(k: K, v: DraftGridProps[K]) => {
    setP({ ...p, [k]: v })
    setMarks(({ [k]: _, ...others }) => others)
  }
  const marked = (k: keyof DraftGridProps) => (marks[k] ? { 'aria-invalid': true, 'aria-describedby': `grid-issue-${k}` } : {})
  const num = (k: 'households' | 'leaders' | 'fulltimeWorkers' | 'parttimeWorkers') => (
    <label className={marks[k] ? 'invalid' : undefined}>{FIELD_LABEL[k]}
      <input type="number" min={0} value={p[k]} disabled={disabled} onChange={(e) => edit(k, Number(e.target.value))} name={k} {...marked(k)} />
    </label>
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const checked = DraftGridProps.safeParse(p)
    if (!checked.success) return setMarks(gridIssues(issuesOf(checked.error), null))
    onSave(checked.data)
  }
  return (
    <form className="grid-form" onSubmit={submit} noValidate aria-label="网格属性" data-testid="grid-form" data-code={grid.properties.code}>
      <label className={marks.name ? 'invalid' : undefined}>{FIELD_LABEL.name}<input value={p.name} disabled={disabled} onChange={(e) => edit('name', e.target.value)} name="name" {...marked('name')} /></label>
      <label className={marks.code ? 'invalid' : undefined}>{FIELD_LABEL.code}<input value={p.code} disabled={disabled} onChange={(e) => edit('code', e.target.value)} name="code" {...marked('code')} /></label>
      <label className={marks.kind ? 'invalid' : undefined}>{FIELD_LABEL.kind}
        <select value={p.kind} disabled={disabled} onChange={(e) => edit('kind', e.target.value as DraftGridProps['kind'])} name="kind" {...marked('kind')}>
          <option value="urban">{labels.gridKind.urban}</option><option value="rural">{labels.gridKind.rural}</option>
        </select>
      </label>
      {num('households')}{num('leaders')}{num('fulltimeWorkers')}{num('parttimeWorkers')}
      {Object.entries(marks).map(([k, reason]) => (
        <p key={k} className="field-issue" id={`grid-issue-${k}`} data-field={k}>{FIELD_LABEL[k as keyof DraftGridProps]}：{reasonText(reason)}</p>
      ))}
      <button type="submit" disabled={disabled}>保存属性</button>
    </form>
  )
}

/** The check's findings, errors first; a click on one flies the map to where it is. */
export function CheckReport({ check, onShow, onRepair }: {
  check: DraftCheck; onShow: (at: [number, number]) => void; onRepair: ((gridCode: string, repair: NonNullable<DraftCheck['errors'][number]['repair']>) => void) | null
}) {
  const rows = [
    ...check.errors.map((i) => ({ ...i, level: 'error' as const })),
    ...check.warnings.map((i) => ({ ...i, level: 'warning' as const })),
  ]
  const areaOf = (i: (typeof rows)[number]) =>
    i.code === 'overlap' ? check.overlaps.find((o) => o.at[0] === i.at[0] && o.at[1] === i.at[1])?.areaM2
      : i.code === 'gap' ? check.gaps.find((g) => g.at[0] === i.at[0] && g.at[1] === i.at[1])?.areaM2 : undefined
  return (
    <section className="check" aria-labelledby="check-title" data-testid="check">
      <h2 id="check-title">核验 <span>错误 <b data-testid="check-errors">{check.errors.length}</b> · 提示 {check.warnings.length}</span></h2>
      {rows.length === 0 && <p className="ok" data-testid="check-ok">网格铺满社区，无空隙、无重叠，可以发布。</p>}
      <ol>
        {rows.map((i, n) => {
          const a = areaOf(i)
          return (
            <li key={n} className={i.level}>
              <button type="button" onClick={() => onShow(i.at)} data-rule={i.code}>
                <b>{labels.gridRule[i.code]}</b> {i.gridCode ?? ''} {a !== undefined && <span className="area">{area(a)}</span>} <span className="message">{i.message}</span>
              </button>
              {i.repair && i.gridCode && onRepair && (
                <button type="button" className="repair" onClick={() => onRepair(i.gridCode!, i.repair!)}>采用修复（ST_MakeValid）</button>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

/** What publishing will do: grids added, removed, changed, and the open cases that will move to another grid. */
export function DiffReport({ diff }: { diff: DraftDiff }) {
  return (
    <section className="diff" data-testid="diff-report" aria-labelledby="diff-title">
      <h2 id="diff-title">发布将会</h2>
      <p>新增 {diff.added.length}：{diff.added.map((g) => g.code).join('、') || '无'}</p>
      <p>撤销 {diff.removed.length}：{diff.removed.map((g) => g.code).join('、') || '无'}</p>
      <p>变更 {diff.changed.length}：{diff.changed.map((g) => `${g.code}${g.geometry ? '（边界）' : ''}${g.attributes.length ? `（${g.attributes.map((a) => FIELD_LABEL[a as keyof DraftGridProps] ?? a).join('、')}）` : ''}`).join('、') || '无'}</p>
      <p>移交案件 <b data-testid="moves">{diff.moves.length}</b>{diff.moves.length > 0 && `：${diff.moves.slice(0, 10).map((m) => `${m.caseCode} ${m.from.slice(12)}→${m.to.slice(12)}`).join('、')}`}</p>
    </section>
  )
}
