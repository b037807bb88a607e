import { useState } from 'react'

/** A grid a merge may take, as the analyst reads it: its number (the code's last three digits) and name. */
export type MergeOption = { code: string; name: string }

/**
 * Merging the selected grid with a neighbour: the list offers only the grids that share an edge with it (the server's
 * rule, `GET …/neighbours`), and 点选 lets the analyst click one of them on the map instead, where they are lit.
 */
export function MergePicker({ disabled, neighbours, picking, onMerge, onPick }: {
  disabled: boolean; neighbours: readonly MergeOption[] | null; picking: boolean; onMerge: (other: string) => void; onPick: (on: boolean) => void
}) {
  const [other, setOther] = useState('')
  const none = neighbours !== null && neighbours.length === 0
  const taken = neighbours?.some((n) => n.code === other) ? other : ''
  return (
    <span className="merge">
      <select aria-label="与之合并的相邻网格" value={taken} onChange={(e) => setOther(e.target.value)} disabled={disabled || !neighbours || none} data-testid="merge-with">
        <option value="">{none ? '没有相邻网格' : '合并：选相邻网格'}</option>
        {(neighbours ?? []).map((n) => <option key={n.code} value={n.code}>{n.code.slice(12)} {n.name}</option>)}
      </select>
      <button type="button" disabled={disabled || !taken} onClick={() => onMerge(taken)} data-testid="merge">合并</button>
      <button type="button" disabled={disabled || !neighbours || none} aria-pressed={picking} onClick={() => onPick(!picking)} data-testid="merge-pick">
        {picking ? '取消点选' : '在地图上点选'}
      </button>
    </span>
  )
}
