import { type FormEvent, useState } from 'react'
import { type DraftCheck, type DraftDiff, type DraftFeature, type DraftGridProps, labels } from '../../../contract'
import { area } from '../ui/format'

/** A grid's attributes, edited beside the map; the server validates them as the API does and names a bad field. */
export function GridForm({ grid, disabled, onSave }: { grid: DraftFeature; disabled: boolean; onSave: (p: DraftGridProps) => void }) {
  const [p, setP] = useState(grid.properties)
  const num = (k: 'households' | 'leaders' | 'fulltimeWorkers' | 'parttimeWorkers', label: string) => (
    <label>{label}<input type="number" min={0} value={p[k]} disabled={disabled} onChange={(e) => setP({ ...p, [k]: Number(e.target.value) })} name={k} /></label>
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSave(p)
  }
  return (
    <form className="grid-form" onSubmit={submit} aria-label="网格属性" data-testid="grid-form" data-code={grid.properties.code}>
      <label>名称<input value={p.name} disabled={disabled} onChange={(e) => setP({ ...p, name: e.target.value })} name="name" /></label>
      <label>编码<input value={p.code} disabled={disabled} onChange={(e) => setP({ ...p, code: e.target.value })} name="code" /></label>
      <label>类型
        <select value={p.kind} disabled={disabled} onChange={(e) => setP({ ...p, kind: e.target.value as DraftGridProps['kind'] })} name="kind">
          <option value="urban">{labels.gridKind.urban}</option><option value="rural">{labels.gridKind.rural}</option>
        </select>
      </label>
      {num('households', '户数')}{num('leaders', labels.workerRole.leader)}{num('fulltimeWorkers', labels.workerRole.fulltime)}{num('parttimeWorkers', labels.workerRole.parttime)}
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
      <p>变更 {diff.changed.length}：{diff.changed.map((g) => `${g.code}${g.geometry ? '（边界）' : ''}${g.attributes.length ? `（${g.attributes.join('、')}）` : ''}`).join('、') || '无'}</p>
      <p>移交案件 <b data-testid="moves">{diff.moves.length}</b>{diff.moves.length > 0 && `：${diff.moves.slice(0, 10).map((m) => `${m.caseCode} ${m.from.slice(12)}→${m.to.slice(12)}`).join('、')}`}</p>
    </section>
  )
}
