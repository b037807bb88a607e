import { TextLayer } from '@deck.gl/layers'
import type { CaseLevel, CaseSummary } from '../../../../contract'
import { LABEL_FONT } from '../style/darkStyle'
import { COLOR } from '../style/colors'

/** One character for the level an escalated case sits at now: community, township, city. */
export const LEVEL_MARK: Record<Exclude<CaseLevel, 'grid'>, string> = { community: '社', township: '镇', city: '市' }

const cache = new WeakMap<ReadonlyMap<number, CaseSummary>, CaseSummary[]>()
const escalated = (cases: ReadonlyMap<number, CaseSummary>) => {
  let list = cache.get(cases)
  if (!list) cache.set(cases, (list = [...cases.values()].filter((c) => c.escalations > 0 && c.level !== 'grid')))
  return list
}

/** Beside each case the platform moved up, the level holding it now (社, 镇, 市), in white. */
export function caseLevelsLayer({ cases, scale }: { cases: ReadonlyMap<number, CaseSummary>; scale: number }) {
  return new TextLayer<CaseSummary>({
    id: 'case-levels',
    data: escalated(cases),
    getPosition: (c) => c.location,
    getText: (c) => LEVEL_MARK[c.level as keyof typeof LEVEL_MARK],
    characterSet: Object.values(LEVEL_MARK),
    fontFamily: LABEL_FONT[0],
    fontWeight: 700,
    getSize: 13 * scale,
    getColor: COLOR.escalated,
    getPixelOffset: [11 * scale, -11 * scale],
    outlineWidth: 3,
    outlineColor: COLOR.outline,
    fontSettings: { sdf: true },
  })
}
