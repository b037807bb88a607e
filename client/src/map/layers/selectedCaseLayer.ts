import { COLOR } from '../style/colors'
import { ringsLayer } from './ringsLayer'

/** The case open in a desk's pane, as a bright ring round its point, drawn over the cases; nothing when none is open. */
export function selectedCaseLayer({ at, scale }: { at: [number, number] | null; scale: number }) {
  return ringsLayer({ id: 'selected-case', data: at ? [{ location: at }] : [], color: COLOR.focus, radius: 13, width: 3, scale })
}
