import type { RegionKind, RegionLevel } from '../../contract/domain'
import { chineseNumber } from '../city/anda'
import type { Pt } from '../city/geo'
import type { GridPlan } from '../city/layout'
import { allocate, type Rng } from '../city/rng'
import {
  AUTONOMOUS_PEOPLES, AUTONOMOUS_PREFECTURES, COMMUNITY_ROOTS, COUNTY_ROOTS, GRIDS_PER_STREET, GUIZHOU, perGrid, PREFECTURE_CITIES,
  type ProvinceCounts, provinceCounts, TOWN_WEIGHT, TOWNSHIP_ROOTS, URBAN_GRID_KM2, URBAN_SHARE, VILLAGE_ROOTS,
} from './guizhou'
import { DartBoard, dist2, frameAt, inRing, nearest, pickSpread, readingOrder, ringArea, spread } from './plane'

/** A region as laid out: `parent` is the index of its parent in the layout's `regions` (-1 for the province). */
export type ProvinceRegion = { code: string; name: string; level: RegionLevel; kind: RegionKind; seat: Pt; parent: number }

/** A grid as the city lays one out (`community`: the index of its community in the layout's `regions`). */
export type ProvinceGrid = GridPlan

/**
 * Where every region and grid of the province goes before any geometry exists. Regions run top-down (the
 * province, its prefectures, counties, townships, communities), each level in code order; grids in code order.
 * `ghosts` are Voronoi seeds beyond the border whose cells are dropped: the province is the union of its grids' cells.
 */
export type ProvinceLayout = {
  counts: ProvinceCounts
  regions: ProvinceRegion[]
  grids: ProvinceGrid[]
  ghosts: Pt[]
}

/** A region while it is laid out: its seat and seeds in km, its parent by reference. */
type Node = { level: RegionLevel; kind: RegionKind; code: string; name: string; seat: number; seeds: number[]; parent: Node | null }

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/**
 * Lays the province out bottom-up, like the city: grid seeds first (dense in the seat towns, sparse in the
 * countryside), then counties as the seeds nearest their seats, prefectures as the counties nearest theirs,
 * townships, communities and villages as the seeds of their parent nearest their seats. Geometry comes later,
 * from one Voronoi diagram of all seeds, so every region is exactly the union of its grids.
 */
export function layOutProvince(rng: Rng, scale: number): ProvinceLayout {
  const counts = provinceCounts(scale)
  const frame = frameAt(GUIZHOU.center)
  const areaKm2 = (GUIZHOU.areaKm2 * counts.grids) / GUIZHOU.grids
  const outline = outlineOf(rng.fork('outline'), areaKm2)
  const [minX, minY, maxX, maxY] = boundsOf(outline)
  const inside = (p: Pt) => inRing(p, outline)

  // County seats, spread over the province a town's width from the border; some of them prefectures' seats.
  const urbanTotal = Math.round(counts.grids * URBAN_SHARE)
  const unit = urbanTotal / (counts.counties + (TOWN_WEIGHT.prefecture - 1) * counts.prefectures + TOWN_WEIGHT.capital)
  const margin = 2 * Math.sqrt((unit * URBAN_GRID_KM2) / Math.PI)
  const seatRng = rng.fork('county-seats')
  const wellInside = (p: Pt) => inside(p) && [[1, 0], [-1, 0], [0, 1], [0, -1]].every(([dx, dy]) => inside([p[0] + dx! * margin, p[1] + dy! * margin]))
  const countySeats = spread(() => {
    for (;;) {
      const p: Pt = [seatRng.range(minX, maxX), seatRng.range(minY, maxY)]
      if (wellInside(p)) return p
    }
  }, counts.counties)
  const prefectureSeats = pickSpread(rng.fork('prefecture-seats'), countySeats, counts.prefectures)
  const capital = prefectureSeats[nearest([0, 0], prefectureSeats.map((i) => countySeats[i]!))]!
  const prefectureOf = countiesToPrefectures(countySeats, prefectureSeats)

  // Seat towns: the capital's largest, a prefecture's next; each a disc of town grids around its seat.
  const weights = countySeats.map((_, c) => (c === capital ? TOWN_WEIGHT.capital : prefectureSeats.includes(c) ? TOWN_WEIGHT.prefecture : TOWN_WEIGHT.county))
  const townGrids = allocate(urbanTotal, weights, 1)
  const townRadius = townGrids.map((n) => Math.sqrt((n * URBAN_GRID_KM2) / Math.PI))
  const seedRng = rng.fork('seeds')
  const urbanBoard = new DartBoard(0.6 * Math.sqrt(URBAN_GRID_KM2))
  const seeds: Pt[] = []
  const urban: boolean[] = []
  countySeats.forEach((seat, c) => {
    urbanBoard.offer(seat)
    const town = urbanBoard.scatter(() => {
      const r = townRadius[c]! * Math.sqrt(seedRng.next())
      const a = seedRng.range(0, 2 * Math.PI)
      const p: Pt = [seat[0] + r * Math.cos(a), seat[1] + r * Math.sin(a)]
      return inside(p) ? p : null
    }, townGrids[c]! - 1)
    for (const p of [seat, ...town]) {
      seeds.push(p)
      urban.push(true)
    }
  })
  const countySeatSeed = countySeats.map((_, c) => townGrids.slice(0, c).reduce((s, n) => s + n, 0))

  // The countryside: the rest of the seeds, outside the towns, a village grid's width apart.
  const ruralCount = counts.grids - urbanTotal
  const ruralKm = Math.sqrt((areaKm2 - townRadius.reduce((s, r) => s + Math.PI * r * r, 0)) / ruralCount)
  const ruralBoard = new DartBoard(0.6 * ruralKm)
  const inTown = (p: Pt) => countySeats.some((s, c) => dist2(p, s) < townRadius[c]! ** 2)
  for (const p of ruralBoard.scatter(() => {
    const p: Pt = [seedRng.range(minX, maxX), seedRng.range(minY, maxY)]
    return !inTown(p) && inside(p) && urbanBoard.clear(p) ? p : null
  }, ruralCount)) {
    seeds.push(p)
    urban.push(false)
  }
  const ghosts = ghostsAround(rng.fork('ghosts'), outline, ruralBoard, 2.5 * ruralKm, inside)

  // Counties: the seeds nearest each seat; prefectures: the counties nearest each prefecture's seat.
  const countySeeds: number[][] = countySeats.map(() => [])
  seeds.forEach((p, i) => countySeeds[nearest(p, countySeats)]!.push(i))
  const province: Node = { level: 'province', kind: 'province', code: GUIZHOU.code, name: GUIZHOU.name, seat: countySeatSeed[capital]!, seeds: seeds.map((_, i) => i), parent: null }
  const prefectures = namePrefectures(prefectureSeats, capital, countySeats, countySeatSeed, province)
  const counties = nameCounties(rng.fork('counties'), countySeats, prefectureOf, prefectures, countySeatSeed, countySeeds)

  // Townships: a county's share of them by its seeds; its seat town's streets, then towns and townships.
  const townshipCounts = share(counts.townships, counties.map((c) => c.seeds.length), 3)
  const townships = counties.flatMap((county, c) => layOutTownships(rng.fork(county.code), county, townshipCounts[c]!, seeds, urban))
  // Communities and villages: a township's share by its seeds, one of them where the township sits.
  const communityCounts = share(counts.communities, townships.map((t) => t.seeds.length), 4)
  const communities = townships.flatMap((t, k) => layOutCommunities(rng.fork(t.code), t, communityCounts[k]!, seeds, urban))

  const regions = [province, ...[...prefectures].sort((a, b) => a.code.localeCompare(b.code)), ...counties, ...townships, ...communities]
  const indexOf = new Map(regions.map((r, i) => [r, i]))
  const lonLat = seeds.map((p) => frame.toLonLat(p))
  const grids = layOutGrids(rng.fork('grids'), communities, seeds, lonLat).map((g) => ({ ...g, community: indexOf.get(communities[g.community]!)! }))
  staff(rng.fork('staff'), grids, perGrid(counts.grids, GUIZHOU.gridWorkers))
  return {
    counts,
    regions: regions.map((r) => ({
      code: r.code, name: r.name, level: r.level, kind: r.kind, seat: lonLat[r.seat]!, parent: r.parent ? indexOf.get(r.parent)! : -1,
    })),
    grids,
    ghosts: ghosts.map((p) => frame.toLonLat(p)),
  }
}

/** An irregular outline of `areaKm2` around the centre, as wide as Guizhou is to its height (596 by 512 km), in km. */
function outlineOf(rng: Rng, areaKm2: number): Pt[] {
  const harmonics = [2, 3, 4, 5, 7, 11, 17, 23].map((k) => ({ k, a: (0.1 / k) * rng.range(0.5, 1), phase: rng.range(0, 2 * Math.PI) }))
  const ring: Pt[] = []
  for (let v = 0; v < 240; v++) {
    const t = (2 * Math.PI * v) / 240
    const r = 1 + harmonics.reduce((s, h) => s + h.a * Math.sin(h.k * t + h.phase), 0)
    ring.push([1.164 * r * Math.cos(t), r * Math.sin(t)])
  }
  const k = Math.sqrt(areaKm2 / ringArea(ring))
  return ring.map(([x, y]) => [x * k, y * k])
}

function boundsOf(ring: readonly Pt[]): [number, number, number, number] {
  const xs = ring.map((p) => p[0])
  const ys = ring.map((p) => p[1])
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

/**
 * Seeds in a band `widthKm` wide outside the outline, kept apart like the village seeds, so each border cell
 * ends near the outline instead of running off to the diagram's edge.
 */
function ghostsAround(rng: Rng, ring: readonly Pt[], board: DartBoard, widthKm: number, inside: (p: Pt) => boolean): Pt[] {
  const lengths = ring.map((p, i) => Math.sqrt(dist2(p, ring[(i + 1) % ring.length]!)))
  const perimeter = lengths.reduce((s, l) => s + l, 0)
  const ghosts: Pt[] = []
  for (let n = Math.ceil((40 * perimeter) / widthKm); n > 0; n--) {
    let at = rng.range(0, perimeter)
    let i = 0
    while (at > lengths[i]!) at -= lengths[i++]!
    const [a, b] = [ring[i]!, ring[(i + 1) % ring.length]!]
    const t = at / lengths[i]!
    // The outward normal of a counter-clockwise ring is its edge turned clockwise.
    const [nx, ny] = [(b[1] - a[1]) / lengths[i]!, -(b[0] - a[0]) / lengths[i]!]
    const d = rng.range(0, widthKm)
    const p: Pt = [a[0] + t * (b[0] - a[0]) + d * nx, a[1] + t * (b[1] - a[1]) + d * ny]
    if (!inside(p) && board.offer(p)) ghosts.push(p)
  }
  return ghosts
}

/** Each county's prefecture: the nearest prefecture seat's, then moved so every prefecture has two counties where there are enough. */
function countiesToPrefectures(countySeats: readonly Pt[], prefectureSeats: readonly number[]): number[] {
  const seats = prefectureSeats.map((i) => countySeats[i]!)
  const of = countySeats.map((p) => nearest(p, seats))
  prefectureSeats.forEach((seatCounty, p) => (of[seatCounty] = p))
  if (countySeats.length < 2 * prefectureSeats.length) return of
  for (let p = 0; p < seats.length; p++) {
    while (of.filter((x) => x === p).length < 2) {
      const movable = countySeats
        .map((_, c) => c)
        .filter((c) => !prefectureSeats.includes(c) && of.filter((x) => x === of[c]).length > 2)
      const c = movable[nearest(seats[p]!, movable.map((m) => countySeats[m]!))]!
      of[c] = p
    }
  }
  return of
}

/** Unique two-character roots from `roots`, none of them in `seen`. */
function namer(rng: Rng, roots: { first: readonly string[]; second: readonly string[] }, seen = new Set<string>()): () => string {
  return () => {
    for (let tries = 0; tries < 10_000; tries++) {
      const name = rng.pick(roots.first) + rng.pick(roots.second)
      if (name[0] !== name[1] && !seen.has(name)) {
        seen.add(name)
        return name
      }
    }
    throw new Error('out of names')
  }
}

/**
 * The capital (01) and the other prefecture-level cities in reading order (02 …); the southernmost third of the
 * rest are autonomous prefectures (自治州, 23 …), as Guizhou's three lie in its south.
 */
function namePrefectures(seats: readonly number[], capital: number, countySeats: readonly Pt[], seatSeed: readonly number[], province: Node): Node[] {
  const others = seats.filter((s) => s !== capital)
  const autonomous = new Set([...others].sort((a, b) => countySeats[a]![1] - countySeats[b]![1]).slice(0, Math.round(seats.length / 3)))
  const cities = [capital, ...readingOrder(others.filter((s) => !autonomous.has(s)), (s) => countySeats[s]!, 20)]
  const node = (s: number, kind: RegionKind, serial: number, name: string): Node => ({
    level: 'prefecture', kind, code: `52${pad(serial, 2)}00000000`, name, seat: seatSeed[s]!, seeds: [], parent: province,
  })
  const ordered = [...cities.map((s, k) => [s, node(s, 'city', k + 1, PREFECTURE_CITIES[k]!)] as const),
    ...readingOrder([...autonomous], (s) => countySeats[s]!, 20).map((s, k) => [s, node(s, 'prefecture', 23 + k, AUTONOMOUS_PREFECTURES[k]!)] as const)]
  const bySeat = new Map(ordered)
  // In the seats' order, so a county's prefecture index finds its node.
  return seats.map((s) => bySeat.get(s)!)
}

/**
 * A prefecture-level city's seat county and those nearest it are its districts (区: the capital's nearest half,
 * another city's nearest fifth), one more a county-level city (市) when it has four counties besides; an
 * autonomous prefecture's seat county is a county-level city, and one more when it has ten. The rest are counties
 * (县), now and then an autonomous county (自治县). Codes as GB/T 2260 numbers them: districts 02 …, counties
 * 21 …, county-level cities 81 …, each in reading order.
 */
function nameCounties(rng: Rng, seats: readonly Pt[], prefectureOf: readonly number[], prefectures: readonly Node[], seatSeed: readonly number[], seeds: number[][]): Node[] {
  const name = namer(rng, COUNTY_ROOTS)
  const out: Node[] = []
  prefectures.forEach((prefecture, p) => {
    const mine = seats.map((_, c) => c).filter((c) => prefectureOf[c] === p)
    const seat = seats[mine.find((c) => seatSeed[c] === prefecture.seat)!]!
    const byDistance = [...mine].sort((a, b) => dist2(seats[a]!, seat) - dist2(seats[b]!, seat))
    const kinds = new Map<number, RegionKind>()
    if (prefecture.kind === 'city') {
      const districts = Math.max(1, Math.round(mine.length * (prefecture.code === '520100000000' ? 0.45 : 0.2)))
      byDistance.forEach((c, k) => kinds.set(c, k < districts ? 'district' : k === districts && mine.length - districts >= 5 ? 'city' : 'county'))
    } else {
      byDistance.forEach((c, k) => kinds.set(c, k === 0 || (mine.length >= 10 && k === Math.floor(mine.length / 2)) ? 'city' : 'county'))
    }
    for (const [kind, first, suffix] of [['district', 2, '区'], ['county', 21, '县'], ['city', 81, '市']] as const) {
      readingOrder(mine.filter((c) => kinds.get(c) === kind), (c) => seats[c]!, 10).forEach((c, k) => {
        const root = name()
        const autonomous = kind === 'county' && prefecture.kind === 'city' && rng.chance(0.2)
        const peoples = autonomous ? rng.shuffle(AUTONOMOUS_PEOPLES).slice(0, rng.int(1, 2)).join('') : ''
        out[c] = {
          level: 'county', kind, code: `${prefecture.code.slice(0, 4)}${pad(first + k, 2)}000000`,
          name: autonomous ? `${root}${peoples}自治县` : root + suffix, seat: seatSeed[c]!, seeds: seeds[c]!, parent: prefecture,
        }
      })
    }
  })
  for (const c of out) c.parent!.seeds.push(...c.seeds)
  return [...out].sort((a, b) => a.code.localeCompare(b.code))
}

/**
 * Splits `total` into parts proportional to `weights`, each at least `floor` and at most its weight (a region
 * cannot have more children than it has grid seeds).
 */
function share(total: number, weights: readonly number[], floor: number): number[] {
  const parts = weights.map((w) => Math.min(floor, w))
  let left = total - parts.reduce((s, p) => s + p, 0)
  if (left < 0 || total > weights.reduce((s, w) => s + w, 0)) throw new Error(`cannot share ${total} among weights ${weights.length}`)
  while (left > 0) {
    const open = parts.flatMap((p, i) => (p < weights[i]! ? [i] : []))
    const extra = allocate(left, open.map((i) => weights[i]!), 0)
    open.forEach((i, k) => {
      const add = Math.min(extra[k]!, weights[i]! - parts[i]!)
      parts[i]! += add
      left -= add
    })
  }
  return parts
}

/** Assigns each of `points` (seed indexes) to the nearest of `seats` (seed indexes). */
function assign(points: readonly number[], seats: readonly number[], seeds: readonly Pt[]): number[][] {
  const seatPts = seats.map((s) => seeds[s]!)
  const out: number[][] = seats.map(() => [])
  for (const i of points) out[nearest(seeds[i]!, seatPts)]!.push(i)
  return out
}

/**
 * Moves spread seats (but the first, where the parent sits) a few times to the member seed nearest the middle
 * of their members (Lloyd's iteration, kept on seeds): where seeds are dense the seats draw closer, so a town's
 * communities hold more grids than a village but not all the town's. Returns the seats and their members.
 */
function settle(points: readonly number[], start: readonly number[], seeds: readonly Pt[]): { seats: number[]; members: number[][] } {
  let seats = [...start]
  let members = assign(points, seats, seeds)
  for (let round = 0; round < 6; round++) {
    seats = seats.map((s, k) => {
      const m = members[k]!
      if (k === 0 || m.length === 0) return s
      const middle: Pt = [m.reduce((x, i) => x + seeds[i]![0], 0) / m.length, m.reduce((y, i) => y + seeds[i]![1], 0) / m.length]
      return m[nearest(middle, m.map((i) => seeds[i]!))]!
    })
    members = assign(points, seats, seeds)
  }
  return { seats, members }
}

/**
 * A county's townships: its seat town's streets (街道, about one for every 75 town grids, the first where the
 * county sits), then towns (镇, the larger seven in ten) and townships (乡) spread over the countryside. Streets are
 * numbered 001 …, towns 101 …, townships 201 …, each in reading order.
 */
function layOutTownships(rng: Rng, county: Node, count: number, seeds: readonly Pt[], urban: readonly boolean[]): Node[] {
  const town = county.seeds.filter((i) => urban[i])
  const country = county.seeds.filter((i) => !urban[i])
  const streets = Math.min(count - 1, Math.max(1, Math.round(town.length / GRIDS_PER_STREET)), town.length)
  const rural = Math.min(count - streets, country.length)
  const { seats, members } = settle(county.seeds, [
    ...pickSpread(rng, town.map((i) => seeds[i]!), count - rural, town.indexOf(county.seat)).map((k) => town[k]!),
    ...pickSpread(rng, country.map((i) => seeds[i]!), rural).map((k) => country[k]!),
  ], seeds)
  const name = namer(rng, TOWNSHIP_ROOTS)
  const ruralBySize = seats.slice(count - rural).sort((a, b) => members[seats.indexOf(b)]!.length - members[seats.indexOf(a)]!.length)
  const towns = new Set(ruralBySize.slice(0, Math.round(rural * 0.7)))
  const groups: [string, number, number[]][] = [
    ['街道', 1, seats.slice(0, count - rural)],
    ['镇', 101, seats.slice(count - rural).filter((s) => towns.has(s))],
    ['乡', 201, seats.slice(count - rural).filter((s) => !towns.has(s))],
  ]
  return groups.flatMap(([suffix, first, group]) =>
    readingOrder(group, (s) => seeds[s]!, 3).map((s, k): Node => {
      const people = suffix === '乡' && rng.chance(0.15) ? rng.pick(AUTONOMOUS_PEOPLES) : ''
      return {
        level: 'township', kind: suffix === '街道' ? 'street' : 'township', code: `${county.code.slice(0, 6)}${pad(first + k, 3)}000`,
        name: `${name()}${people}${suffix}`, seat: s, seeds: members[seats.indexOf(s)]!, parent: county,
      }
    }),
  )
}

/**
 * A township's communities (社区, where the seat is in a town: 001 …) and villages (村, 201 …), in reading order;
 * the first where the township sits.
 */
function layOutCommunities(rng: Rng, township: Node, count: number, seeds: readonly Pt[], urban: readonly boolean[]): Node[] {
  const points = township.seeds.map((i) => seeds[i]!)
  const start = pickSpread(rng, points, count, township.seeds.indexOf(township.seat)).map((k) => township.seeds[k]!)
  const { seats, members } = settle(township.seeds, start, seeds)
  const seen = new Set<string>()
  const communityName = namer(rng, COMMUNITY_ROOTS, seen)
  const villageName = namer(rng, VILLAGE_ROOTS, seen)
  const prefix = township.code.slice(0, 9)
  return [true, false].flatMap((isUrban) =>
    readingOrder(seats.filter((s) => urban[s] === isUrban), (s) => seeds[s]!, 1).map((s, k): Node => ({
      level: 'community', kind: isUrban ? 'community' : 'village', code: `${prefix}${pad((isUrban ? 1 : 201) + k, 3)}`,
      name: isUrban ? `${communityName()}社区` : `${villageName()}村`, seat: s, seeds: members[seats.indexOf(s)]!, parent: township,
    })),
  )
}

/** Each community's grids in reading order, 001 …: a community's are town grids (第N网格), a village's its groups' (N组网格). */
function layOutGrids(rng: Rng, communities: readonly Node[], seeds: readonly Pt[], lonLat: readonly Pt[]): ProvinceGrid[] {
  return communities.flatMap((community, c) => {
    const isUrban = community.kind === 'community'
    if (community.seeds.length > 99) throw new Error(`${community.code} has ${community.seeds.length} grids`)
    return readingOrder(community.seeds, (i) => seeds[i]!, isUrban ? 0.3 : 1).map((i, k): ProvinceGrid => ({
      code: `${community.code}${pad(k + 1, 3)}`,
      name: isUrban ? `${community.name}第${chineseNumber(k + 1)}网格` : `${community.name}${chineseNumber(k + 1)}组网格`,
      kind: isUrban ? 'urban' : 'rural', seed: lonLat[i]!, community: c,
      households: isUrban ? rng.int(200, 300) : rng.int(55, 150), leaders: 1, fulltimeWorkers: 0, parttimeWorkers: 0,
    }))
  })
}

/**
 * `workers` people over the grids: every grid's leader (网格长), and the rest as a second, full-time worker in
 * town grids first (busier than a village group's), then in village grids.
 */
function staff(rng: Rng, grids: ProvinceGrid[], workers: number): void {
  const order = [...rng.shuffle(grids.filter((g) => g.kind === 'urban')), ...rng.shuffle(grids.filter((g) => g.kind === 'rural'))]
  for (const g of order.slice(0, Math.max(0, workers - grids.length))) g.fulltimeWorkers = 1
}
