import { describe, expect, it } from 'vitest'
import { degPerKm, type Pt } from '../../data/city/geo'
import { layOutLandmarks } from '../../data/city/landmarks'
import { layOutCity } from '../../data/city/layout'
import { layOutRoads } from '../../data/city/roads'
import { createRng } from '../../data/city/rng'

const rng = createRng('anda-2026')
const layout = layOutCity(rng.fork('layout'))
const { roads } = layOutRoads(rng.fork('roads'), layout)
const landmarks = layOutLandmarks(rng.fork('landmarks'), layout, roads)

/** The community whose grid seed is nearest in plain degrees: the cell the store's Voronoi diagram puts a point in. */
function communityOf(p: Pt): number | null {
  let best = 0
  let bestD = Infinity
  layout.seeds.forEach((s, i) => {
    const d = (s[0] - p[0]) ** 2 + (s[1] - p[1]) ** 2
    if (d < bestD) [best, bestD] = [i, d]
  })
  return best < layout.grids.length ? layout.grids[best]!.community : null
}

/** Metres from p to the nearest of the lines (equirectangular, as the generator measures). */
function metresTo(p: Pt, lines: Pt[][]): number {
  const [kx, ky] = degPerKm(p[1])
  const km = (q: Pt): Pt => [(q[0] - p[0]) / kx, (q[1] - p[1]) / ky]
  let best = Infinity
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [km(line[i - 1]!), km(line[i]!)]
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]]
      const t = Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / (dx * dx + dy * dy)))
      best = Math.min(best, Math.hypot(a[0] + t * dx, a[1] + t * dy) * 1000)
    }
  }
  return best
}

describe('the landmarks of the demo city', () => {
  it('are the same for the same seed, and others for another seed', () => {
    const again = layOutLandmarks(createRng('anda-2026').fork('landmarks'), layout, roads)
    expect(again).toEqual(landmarks)
    const other = layOutLandmarks(createRng('other').fork('landmarks'), layout, roads)
    expect(other.map((l) => l.at)).not.toEqual(landmarks.map((l) => l.at))
  })

  it('leave the layout and the roads they are laid out from as they were', () => {
    const r = createRng('anda-2026')
    const freshLayout = layOutCity(r.fork('layout'))
    const fresh = layOutRoads(r.fork('roads'), freshLayout)
    layOutLandmarks(r.fork('landmarks'), freshLayout, fresh.roads)
    expect(freshLayout).toEqual(layout)
    expect(fresh.roads).toEqual(roads)
  })

  it('number a few hundred, each name once in the city, no alias another’s name', () => {
    expect(landmarks.length).toBeGreaterThanOrEqual(300)
    expect(landmarks.length).toBeLessThanOrEqual(600)
    const names = new Set(landmarks.map((l) => l.name))
    expect(names.size).toBe(landmarks.length)
    for (const l of landmarks) {
      expect(l.aliases.filter((a) => names.has(a)), l.name).toEqual([])
      expect(new Set(l.aliases).size, l.name).toBe(l.aliases.length)
    }
  })

  it('stand inside the township and community they name, by the rule the store cuts regions by', () => {
    for (const l of landmarks) {
      expect(communityOf(l.at), l.name).toBe(l.community)
      const community = layout.communities[l.community]!
      expect(community.parent, l.name).toBe(l.township)
      expect(l.within, l.name).toBe(`${layout.townships[l.township]!.name} · ${community.name}`)
      // A township's own (任民镇派出所, 任民镇和平村村民委员会) stands in that township.
      const owner = layout.townships.findIndex((t) => l.name.startsWith(t.name))
      if (owner >= 0) expect(layout.townships[l.township]!.name, l.name).toBe(layout.townships[owner]!.name)
    }
  })

  it('face a street in the town: the station the railway, the rest within 45 m of a street', () => {
    const streets = roads.filter((r) => r.kind === 'street' || r.kind === 'arterial').map((r) => r.line)
    const railway = roads.filter((r) => r.kind === 'railway').map((r) => r.line)
    const station = landmarks.find((l) => l.name === '安达站')!
    expect(metresTo(station.at, railway)).toBeLessThan(130)
    const town = landmarks.filter((l) => layout.communities[l.community]!.kind === 'community' && !['安达站', '站前广场'].includes(l.name))
    expect(town.length).toBeGreaterThan(150)
    const far = town.filter((l) => metresTo(l.at, streets) > 45).map((l) => l.name)
    expect(far).toEqual([])
  })

  it('give every township its offices and every village its committee', () => {
    const named = new Set(landmarks.map((l) => l.name))
    for (const t of layout.townships) {
      const office = t.kind === 'street' ? `${t.name}办事处` : `${t.name}人民政府`
      expect(named.has(office), office).toBe(true)
      expect(named.has(`${t.name}派出所`), t.name).toBe(true)
    }
    for (const v of layout.communities.filter((c) => c.kind === 'village')) {
      expect(named.has(`${layout.townships[v.parent]!.name}${v.name}村民委员会`), v.name).toBe(true)
    }
    expect(landmarks.find((l) => l.name === '安达市第一中学')).toMatchObject({ aliases: ['安达一中'], category: 'school' })
    const kinds = new Set(landmarks.map((l) => l.category))
    expect([...kinds].sort()).toEqual(['bank', 'estate', 'government', 'hospital', 'market', 'park', 'police', 'public', 'school', 'station', 'supermarket'])
  })
})
