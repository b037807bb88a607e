/** How a figure moved against an earlier one (同比, 环比), as printed: the arrow says the direction, not whether it is good. */
export type Change = { text: string; direction: 'up' | 'down' | 'flat' | 'none' }

const NONE: Change = { text: '—', direction: 'none' }
const FLAT: Change = { text: '持平', direction: 'flat' }

/** A count's change as a share of the earlier count, `↑12.3%`; `—` when the earlier was nothing to compare with. */
export function countChange(now: number, before: number): Change {
  if (before === 0) return NONE
  const share = ((now - before) / before) * 100
  if (Math.abs(share) < 0.05) return FLAT
  return share > 0 ? { text: `↑${share.toFixed(1)}%`, direction: 'up' } : { text: `↓${(-share).toFixed(1)}%`, direction: 'down' }
}

/** A rate's change in percentage points, `↑1.2个百分点`; `—` when either rate had nothing to divide by. */
export function rateChange(now: number | null, before: number | null): Change {
  if (now === null || before === null) return NONE
  const points = (now - before) * 100
  if (Math.abs(points) < 0.05) return FLAT
  return points > 0 ? { text: `↑${points.toFixed(1)}个百分点`, direction: 'up' } : { text: `↓${(-points).toFixed(1)}个百分点`, direction: 'down' }
}
