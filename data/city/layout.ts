import type { GridKind, RegionKind } from '../../contract/domain'
import { ANDA, chineseNumber, COMMUNITY_ROOTS, STREETS, SURNAMES, TOWNSHIPS, TUN_SUFFIXES, VILLAGE_ROOTS } from './anda'
import { type Area, blob, inside, nearestIndex, pickSpread, pointIn, type Pt, readingOrder, spreadPoints } from './geo'
import type { Rng } from './rng'

/** Where every region and grid of the city goes, before any geometry exists: seeds, names, codes, who is whose parent. */
export type CityLayout = {
  outline: Area
  town: Area
  /** Voronoi seeds: the grids' first (index = grid index), then ghosts outside the city whose cells are dropped. */
  seeds: Pt[]
  grids: GridPlan[]
  communities: RegionPlan[]
  townships: RegionPlan[]
}

export type RegionPlan = {
  code: string
  name: string
  kind: RegionKind
  seat: Pt
  /** Index into `townships` for a community or village. */
  parent: number
}

export type GridPlan = {
  code: string
  name: string
  kind: GridKind
  seed: Pt
  community: number
  households: number
  leaders: number
  fulltimeWorkers: number
  parttimeWorkers: number
}

/** Of Anda's 1,011 grids, the town's blocks and small estates take this many; villages the rest. */
const URBAN_GRIDS = 416
const URBAN_COMMUNITIES = 26

/**
 * Lays the city out bottom-up. Grid seeds are spread densely in the town and sparsely in the
 * countryside; streets and townships are the grids nearest to their seats, communities and villages
 * the grids of one township nearest to theirs. Geometry comes later, from one Voronoi diagram of all
 * seeds, so every region is exactly the union of its grids.
 */
export function layOutCity(rng: Rng): CityLayout {
  const outline = blob(rng.fork('outline'), ANDA.center, ANDA.radiiKm, 0.12, 160)
  const town = blob(rng.fork('town'), ANDA.center, ANDA.townRadiiKm, 0.1, 72)
  const margin = blob(rng.fork('outline'), ANDA.center, [ANDA.radiiKm[0] * 1.25, ANDA.radiiKm[1] * 1.25], 0.12, 160)

  const seedRng = rng.fork('seeds')
  const townSeeds = spreadPoints(() => pointIn(seedRng, town), URBAN_GRIDS)
  const ruralSeeds = spreadPoints(() => pointIn(seedRng, outline, (p) => !inside(p, town)), ANDA.grids - URBAN_GRIDS, townSeeds)
  // Seeds outside the border give the border cells an outer neighbour, so no cell is cut by a clip.
  const ghosts = spreadPoints(() => pointIn(seedRng, margin, (p) => !inside(p, outline)), 160, [...townSeeds, ...ruralSeeds])

  const streetSeats = pickQuadrants(townSeeds)
  const townshipSeats = pickSpread(rng.fork('townships'), ruralSeeds, TOWNSHIPS.length)
  const townships: RegionPlan[] = [
    ...streetSeats.map((seat, k) => ({ code: `231281${pad3(k + 1)}000`, name: STREETS[k]!, kind: 'street' as const, seat, parent: -1 })),
    ...nameTownships(townshipSeats),
  ]
  const townshipOf = (p: Pt, urban: boolean) =>
    urban ? nearestIndex(p, streetSeats) : streetSeats.length + nearestIndex(p, townshipSeats)

  const seeds = [...townSeeds, ...ruralSeeds]
  const byTownship = townships.map((_, t) => seeds.filter((p, i) => townshipOf(p, i < URBAN_GRIDS) === t))
  const communityCounts = byTownship.map((ps, t) =>
    t < streetSeats.length ? Math.round((URBAN_COMMUNITIES * ps.length) / URBAN_GRIDS) : Math.max(3, Math.round(ps.length / 4.4)),
  )

  const communities: RegionPlan[] = []
  const communityOfSeed = new Map<Pt, number>()
  townships.forEach((township, t) => {
    const r = rng.fork(township.code)
    const urban = township.kind === 'street'
    const seats = readingOrder(pickSpread(r, byTownship[t]!, communityCounts[t]!), (p) => p, 0.02)
    const names = r.shuffle(urban ? COMMUNITY_ROOTS : VILLAGE_ROOTS).slice(0, seats.length)
    const first = communities.length
    seats.forEach((seat, k) => {
      // Residents' committees are numbered from 001, villagers' committees from 201 (GB/T 10114 practice).
      const serial = urban ? k + 1 : 201 + k
      communities.push({
        code: `${township.code.slice(0, 9)}${pad3(serial)}`, name: names[k]! + (urban ? '社区' : '村'),
        kind: urban ? 'community' : 'village', seat, parent: t,
      })
    })
    for (const p of byTownship[t]!) communityOfSeed.set(p, first + nearestIndex(p, seats))
  })

  const grids: GridPlan[] = []
  const staff = staffing(rng.fork('staff'), seeds.length, URBAN_GRIDS)
  communities.forEach((community, c) => {
    const r = rng.fork(community.code)
    const urban = community.kind === 'community'
    const mine = readingOrder(seeds.filter((p) => communityOfSeed.get(p) === c), (p) => p, urban ? 0.003 : 0.01)
    const tuns = urban ? [] : tunNames(r, mine.length)
    mine.forEach((seed, k) => {
      const s = staff[seeds.indexOf(seed)]!
      grids.push({
        code: `${community.code}${pad3(k + 1)}`,
        name: urban ? `${community.name}第${chineseNumber(k + 1)}网格` : `${community.name}${tuns[k]}网格`,
        kind: urban ? 'urban' : 'rural', seed, community: c,
        households: urban ? r.int(200, 300) : r.int(55, 150), ...s,
      })
    })
  })
  return { outline, town, seeds: [...grids.map((g) => g.seed), ...ghosts], grids, communities, townships }
}

const pad3 = (n: number) => String(n).padStart(3, '0')

/** One street seat in each quadrant of the town, so the four streets are of similar size. */
function pickQuadrants(townSeeds: readonly Pt[]): Pt[] {
  const [cx, cy] = ANDA.center
  const targets = [[-1, 1], [1, 1], [1, -1], [-1, -1]].map(([sx, sy]) => [cx + sx! * 0.022, cy + sy! * 0.014] as Pt)
  return targets.map((t) => townSeeds[nearestIndex(t, townSeeds)]!)
}

/** 安达镇 rings the town, so it takes the seat nearest the centre; the others are named round the compass. */
function nameTownships(seats: Pt[]): RegionPlan[] {
  const first = nearestIndex(ANDA.center, seats)
  const angle = (p: Pt) => Math.atan2(p[1] - ANDA.center[1], p[0] - ANDA.center[0])
  const others = seats.filter((_, i) => i !== first).sort((a, b) => angle(b) - angle(a))
  return [seats[first]!, ...others].map((seat, k) => {
    const name = TOWNSHIPS[k]!
    // Towns (镇) take serials 100–199, rural townships (乡) 200–299.
    const serial = name.endsWith('乡') ? 200 + k - 10 : 100 + k
    return { code: `231281${serial}000`, name, kind: 'township' as const, seat, parent: -1 }
  })
}

/**
 * One leader a grid; Anda's 999 full-time workers leave a few village grids to their leader alone,
 * and its 1,219 part-timers give some town grids a second one. Index = grid seed index.
 */
function staffing(rng: Rng, total: number, urban: number): Pick<GridPlan, 'leaders' | 'fulltimeWorkers' | 'parttimeWorkers'>[] {
  const out = Array.from({ length: total }, () => ({ leaders: 1, fulltimeWorkers: 1, parttimeWorkers: 1 }))
  const ruralIdx = Array.from({ length: total - urban }, (_, i) => urban + i)
  for (const i of rng.shuffle(ruralIdx).slice(0, total - ANDA.fulltimeWorkers)) out[i]!.fulltimeWorkers = 0
  const townIdx = Array.from({ length: urban }, (_, i) => i)
  for (const i of rng.shuffle(townIdx).slice(0, ANDA.parttimeWorkers - total)) out[i]!.parttimeWorkers += 1
  return out
}

/** Natural villages (屯) are named after the families that settled them: 王家屯, 李家窝棚. */
function tunNames(rng: Rng, n: number): string[] {
  const seen = new Set<string>()
  while (seen.size < n) seen.add(rng.pick(SURNAMES) + rng.pick(TUN_SUFFIXES))
  return [...seen]
}
