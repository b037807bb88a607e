import { createRng, type Rng } from '../data/city/rng'
import { seedCity } from '../data/seedCity'
import { migrate } from '../server/src/db/migrate'
import { sqlFiles } from '../server/src/db/sqlFiles'
import { benchEngines, type Row } from './foundation'
import { median, p95, timed } from './stats'

const QUERIES = 200
const LIMIT = 10
const WARM_UP = 20
const sql = sqlFiles(['places_search', 'places_search_bare'])
const both = (xs: number[]) => `${median(xs).toFixed(1)} / ${p95(xs).toFixed(1)} ms`

type Place = { id: number; name: string; aliases: string[]; kind: string; within: string }
/** What a seat types, and the place it means. */
type Typed = { text: string; means: number }

/** Characters a slip of the finger or a homophone puts in a name's place (a pinyin IME offers them side by side). */
const SLIPS = '安按达大市是第地一以中钟学雪人仁民明医衣院元站战村存镇真街接道到社设区曲路录园圆花华新心兴星和河平评'

/**
 * ~200 texts as a hotline seat types them, from the seeded gazetteer: whole names, aliases, parts, a name
 * with one character wrong, a road with a house number, a village after its township, and the first few
 * characters of a name (the box searches as the seat types).
 */
function typedQueries(rng: Rng, places: readonly Place[]): Typed[] {
  const roads = places.filter((p) => p.kind === 'road')
  const villages = places.filter((p) => p.kind === 'village')
  const aliased = places.filter((p) => p.aliases.length > 0)
  const chars = (s: string) => [...s]
  const forms: Record<string, () => Typed> = {
    whole: () => { const p = rng.pick(places); return { text: p.name, means: p.id } },
    alias: () => { const p = rng.pick(aliased); return { text: rng.pick(p.aliases), means: p.id } },
    part: () => {
      const p = rng.pick(places)
      const c = chars(p.name)
      const from = c.length > 4 ? rng.int(1, c.length - 3) : 0
      return { text: c.slice(from, from + rng.int(2, Math.max(2, c.length - from))).join(''), means: p.id }
    },
    slip: () => {
      const p = rng.pick(places)
      const c = chars(p.name)
      c[rng.int(0, c.length - 1)] = rng.pick(chars(SLIPS))
      return { text: c.join(''), means: p.id }
    },
    number: () => { const p = rng.pick(roads); return { text: `${p.name}${rng.int(1, 360)}号`, means: p.id } },
    township: () => { const p = rng.pick(villages); return { text: `${p.within}${p.name}`, means: p.id } },
    typing: () => { const p = rng.pick(places); return { text: chars(p.name).slice(0, rng.int(2, 4)).join(''), means: p.id } },
  }
  const mix = { whole: 25, alias: 15, part: 15, slip: 15, number: 10, township: 10, typing: 10 }
  return Array.from({ length: QUERIES }, () => forms[rng.weighted(mix)]!())
}

/**
 * Address search (issue 18) on the seeded city, on the PostGIS server when one is named, else on the embedded
 * engine: each of ~200 typed texts through places_search.sql, and through the bare bigram join
 * (places_search_bare.sql) right after or before it, alternately, so both see the same moment of the machine.
 * Also how often the place meant comes first (or a place of the same name: the eleven 和平村 score alike, and
 * the seat tells them apart by township), and within the first ten.
 */
export async function placesBench(pgUrl?: string): Promise<Row[]> {
  const engine = benchEngines().find((e) => e.name === (pgUrl ? 'pg' : 'pglite'))!
  const { db, drop } = await engine.open()
  try {
    await migrate(db)
    await seedCity(db)
    const places = await db.query<Place>('SELECT id, name, aliases, kind, within FROM places ORDER BY id')
    const queries = typedQueries(createRng('bench-places'), places)
    const search = (q: Typed) => db.query<{ id: number; name: string }>(sql.places_search, [q.text, LIMIT])
    const bare = (q: Typed) => db.query(sql.places_search_bare, [q.text, LIMIT])
    for (const q of queries.slice(0, WARM_UP)) {
      await search(q)
      await bare(q)
    }

    const searchMs: number[] = []
    const bareMs: number[] = []
    const nameOf = new Map(places.map((p) => [p.id, p.name]))
    let first = 0
    let sameName = 0
    let inTen = 0
    for (const [i, q] of queries.entries()) {
      let found: { id: number; name: string }[] = []
      const runSearch = async () => searchMs.push(await timed(async () => { found = await search(q) }))
      const runBare = async () => bareMs.push(await timed(() => bare(q)))
      if (i % 2 === 0) { await runSearch(); await runBare() } else { await runBare(); await runSearch() }
      if (found[0]?.id === q.means) first++
      if (found[0]?.name === nameOf.get(q.means)) sameName++
      if (found.some((f) => f.id === q.means)) inTen++
    }
    return [
      {
        measure: `address search (places_search.sql) over the ${places.length} places of the gazetteer, ${queries.length} typed texts, median / p95`,
        engine: engine.name, value: both(searchMs),
        baseline: `${both(bareMs)} the bigram join bare (places_search_bare.sql); target p95 ≤ 50 ms`,
      },
      {
        measure: 'address search: the place meant first / it or one of its name first / it within the first ten (whole names, aliases, parts, one character wrong, road + number, township + village, first characters)',
        engine: engine.name, value: `${first} / ${sameName} / ${inTen} of ${queries.length}`,
      },
    ]
  } finally {
    await drop()
  }
}
