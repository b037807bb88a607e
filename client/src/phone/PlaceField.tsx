import type { AreaProfile } from '../../../contract'
import { GridSketch } from './GridSketch'
import { inOutline, type Outline } from './gridShape'
import type { Here } from './useHere'

/** Where a report is placed: the phone's position fix, or, without one, a point inside the worker's grid. */
export type PlaceChoice = 'here' | 'grid'

/** What the place field says of the fix. */
function fixText(here: Here, inside: boolean | null): { text: string; warn: boolean } {
  switch (here.kind) {
    case 'locating': return { text: '正在定位…', warn: false }
    case 'failed': return { text: `${here.why}，可改用网格内位置`, warn: true }
    case 'located': {
      const where = inside === null ? '' : inside ? ' · 在本网格内' : ' · 不在本网格内，上报可能不被受理'
      return { text: `已定位 · 精度约 ${Math.round(here.accuracy)} 米${where}`, warn: inside === false }
    }
  }
}

export function PlaceField({ here, locate, grid, choice, setChoice, at, error }: {
  here: Here; locate: () => void; grid: AreaProfile | null; choice: PlaceChoice; setChoice: (c: PlaceChoice) => void
  at: [number, number] | null; error: string | undefined
}) {
  const outline = grid?.geometry.coordinates as Outline | undefined
  const inside = here.kind === 'located' && outline ? inOutline(here.at, outline) : null
  const fix = fixText(here, inside)
  return (
    <fieldset className="phone-field place" aria-invalid={error ? true : undefined} data-testid="place" data-choice={choice}>
      <legend>位置</legend>
      <div className="place-body">
        {grid && outline
          ? <GridSketch outline={outline} bbox={grid.bbox} at={at} accuracy={choice === 'here' && here.kind === 'located' ? here.accuracy : null} />
          : <div className="grid-sketch empty" />}
        <div className="place-text">
          <div className="segmented" role="radiogroup" aria-label="位置来源">
            <button type="button" role="radio" aria-checked={choice === 'here'} onClick={() => (choice === 'here' ? locate() : setChoice('here'))}>当前位置</button>
            <button type="button" role="radio" aria-checked={choice === 'grid'} disabled={!grid} onClick={() => setChoice('grid')}>网格内</button>
          </div>
          {choice === 'here'
            ? <p className={fix.warn ? 'warn' : 'dim'} data-testid="fix">{fix.text}</p>
            : <p className="dim" data-testid="fix">使用{grid?.name ?? '本网格'}内的位置（未定位时）</p>}
          {choice === 'here' && here.kind !== 'locating' && <button type="button" className="link" onClick={locate}>重新定位</button>}
        </div>
      </div>
      {error && <span className="field-error" role="alert">{error}</span>}
    </fieldset>
  )
}
