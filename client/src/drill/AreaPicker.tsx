import { useState } from 'react'
import type { DrillTarget } from './drillRoute'
import type { AreaOption } from './areaOptions'

/**
 * Opens an area from the keyboard: type part of a prefecture's, a county's, a township's, a community's or a grid's name, choose from what
 * the browser offers (or press Enter for the first that fits), and the drill-down goes there.
 */
export function AreaPicker({ options, onOpen }: { options: readonly AreaOption[]; onOpen: (t: NonNullable<DrillTarget>) => void }) {
  const [text, setText] = useState('')
  const go = (o: AreaOption | undefined) => {
    if (!o) return
    setText('')
    onOpen(o.target)
  }
  return (
    <div className="area-picker">
      <input
        type="search" list="drill-areas" aria-label="打开区域" placeholder="输入市县、乡镇、村(社区)或网格名称" value={text} data-testid="area-picker"
        onChange={(e) => {
          setText(e.target.value)
          // Chosen from the browser's list (not typed, which may go on past a township's name to its grids).
          if ((e.nativeEvent as InputEvent).inputType === 'insertReplacementText') go(options.find((o) => o.label === e.target.value))
        }}
        onKeyDown={(e) => {
          const typed = text.trim()
          if (e.key === 'Enter' && typed) go(options.find((o) => o.label === typed) ?? options.find((o) => o.label.includes(typed)))
        }}
      />
      <datalist id="drill-areas">{options.map((o) => <option key={o.target.code} value={o.label} />)}</datalist>
    </div>
  )
}
