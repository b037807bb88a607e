import { useEffect, useRef, useState } from 'react'
import { type CaseSummary, GridAt } from '../../../contract'
import { fetchJson } from '../api/fetchJson'
import { LABEL_FONT } from '../map/style/darkStyle'

/** At most this many look-ups at once: a province's wall starts with a ticker of forty lines. */
const AT_ONCE = 4

/**
 * Township and community names by code for the places a wall names (its alarm cards, its ticker) when it has
 * no city's GeoJSON to read them from (an area drawn from tiles): each community found once, through one of its
 * open cases' points (`GET /api/v1/grids/at`, the point's chain of regions), and kept. A community none of
 * `cases` lies in stays unnamed, as does one whose look-up failed. `communities`: the codes wanted, in order.
 */
export function usePlaceNames(wanted: boolean, communities: readonly string[], cases: ReadonlyMap<number, CaseSummary>): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  const asked = useRef(new Set<string>())
  const running = useRef(0)
  const [freed, setFreed] = useState(0)
  useEffect(() => {
    if (!wanted) return
    const byCommunity = new Map<string, CaseSummary>()
    for (const c of cases.values()) if (!byCommunity.has(c.communityCode)) byCommunity.set(c.communityCode, c)
    for (const code of communities) {
      if (running.current >= AT_ONCE) return
      const found = byCommunity.get(code)
      if (asked.current.has(code) || !found) continue
      asked.current.add(code)
      running.current++
      const [lon, lat] = found.location
      fetchJson(`/api/v1/grids/at?lon=${lon}&lat=${lat}`, GridAt)
        .then((at) => setNames((n) => new Map([...n, ...at.regions.map((r) => [r.code, r.name] as const)])), () => {})
        .finally(() => {
          running.current--
          setFreed((f) => f + 1)
        })
    }
  }, [wanted, communities.join(' '), cases, freed])
  return names
}

/**
 * Whether the label font's faces for `text` have loaded: the font comes in subsets by character, loaded as a page
 * first shows them, and a name drawn into deck.gl's glyph atlas before its subset is here stays a blank box.
 */
export function useFontFor(text: string): boolean {
  const [loaded, setLoaded] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    const done = () => current && setLoaded(text)
    document.fonts.load(`16px "${LABEL_FONT[0]}"`, text).then(done, done)
    return () => {
      current = false
    }
  }, [text])
  return loaded === text
}
