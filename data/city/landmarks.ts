import { ANDA, CHINESE_NUMERALS } from './anda'
import { degPerKm, offsetKm, type Pt } from './geo'
import type { CityLayout } from './layout'
import type { Road } from './roads'
import type { Rng } from './rng'

export type LandmarkCategory = 'government' | 'police' | 'school' | 'hospital' | 'station' | 'park' | 'public' | 'market' | 'supermarket' | 'bank' | 'estate'

/** A place people name when they call: `{ name: '安达市第一中学', aliases: ['安达一中'], within: '新兴街道 · 春华社区', … }`. */
export type LandmarkPlan = {
  name: string
  aliases: string[]
  category: LandmarkCategory
  at: Pt
  /** Indexes into the layout's townships and communities: where `at` lies. */
  township: number
  community: number
  /** What a seat reads beside the name: '新兴街道 · 春华社区'. */
  within: string
}

type Entry = [name: string, aliases: string[], category: LandmarkCategory]

const num = (k: number) => CHINESE_NUMERALS[k]!
/** The city's own institutions, in the town. */
const CITY: Entry[] = [
  ['安达市人民政府', ['安达市政府', '市政府'], 'government'],
  ['安达市公安局', ['市公安局'], 'police'],
  ['安达市人民医院', ['市医院', '人民医院'], 'hospital'],
  ['安达市第二人民医院', ['市二院'], 'hospital'],
  ['安达市中医医院', ['市中医院', '中医院'], 'hospital'],
  ['安达市妇幼保健院', ['妇幼保健院'], 'hospital'],
  ['安达市疾病预防控制中心', ['安达市疾控中心', '疾控中心'], 'hospital'],
  ['安达市客运站', ['安达客运站', '汽车站', '长途汽车站'], 'station'],
  ['安达市公交总站', ['公交总站'], 'station'],
  ...[1, 2, 3, 4, 5, 6, 7].map((k): Entry => [`安达市第${num(k)}中学`, [`安达${num(k)}中`], 'school']),
  ['安达市实验中学', ['实验中学'], 'school'],
  ['安达市实验小学', ['实验小学'], 'school'],
  ...[1, 2, 3, 4, 5].map((k): Entry => [`安达市第${num(k)}小学`, [`安达${num(k)}小`], 'school']),
  ['安达市职业技术教育中心', ['安达职教中心', '职教中心'], 'school'],
  ['安达市第一幼儿园', ['安达一幼'], 'school'],
  ['北湖公园', ['安达北湖公园'], 'park'],
  ['人民公园', ['安达人民公园'], 'park'],
  ['世纪广场', ['安达世纪广场'], 'park'],
  ['安达市体育场', ['体育场'], 'park'],
  ['安达市图书馆', ['图书馆'], 'public'],
  ['安达市文化馆', ['文化馆'], 'public'],
  ['安达市邮政局', ['安达邮局'], 'public'],
  ['安达商城', ['商城'], 'market'],
  ['中国工商银行安达支行', ['工商银行', '工行'], 'bank'],
  ['中国农业银行安达市支行', ['农业银行', '农行'], 'bank'],
  ['中国建设银行安达支行', ['建设银行', '建行'], 'bank'],
  ['中国银行安达支行', ['中国银行', '中行'], 'bank'],
  ['中国邮政储蓄银行安达市支行', ['邮储银行', '邮政储蓄'], 'bank'],
  ['安达农村商业银行', ['安达农商银行', '农商银行'], 'bank'],
]
/** Next to the railway, at the town's middle. */
const STATION: Entry[] = [['安达站', ['安达火车站', '火车站'], 'station'], ['站前广场', ['安达站前广场'], 'park']]

const streetEntries = (s: string, short: string): Entry[] => [
  [`${s}办事处`, [`${short}街道办`, `${short}办事处`], 'government'],
  [`${s}派出所`, [`${short}派出所`], 'police'],
  [`${s}社区卫生服务中心`, [`${short}社区医院`, `${short}卫生服务中心`], 'hospital'],
  [`${short}农贸市场`, [`${short}市场`, `${short}早市`], 'market'],
  [`比优特超市${short}店`, [`比优特${short}店`], 'supermarket'],
  [`${short}家园`, [`${short}家园小区`], 'estate'],
]
const townshipEntries = (t: string, short: string): Entry[] => [
  [`${t}人民政府`, [`${t}政府`], 'government'],
  [`${t}派出所`, [`${short}派出所`], 'police'],
  [`${t}卫生院`, [`${short}卫生院`, `${t}医院`], 'hospital'],
  [`${t}中学`, [`${short}中学`], 'school'],
  [`${t}中心小学`, [`${short}中心校`, `${t}小学`], 'school'],
  [`安达农商银行${t}支行`, [`${short}信用社`, `${t}信用社`], 'bank'],
  [`${t}集贸市场`, [`${short}大集`, `${t}市场`], 'market'],
]

/** Residential compounds (小区) are named for a wish or a neighbour and a kind of estate: 阳光花园, 石油小区. */
const ESTATE_ROOTS = [
  '阳光', '金色', '龙城', '学府', '盛世', '锦江', '丽景', '翠湖', '滨湖', '天润', '鸿福', '嘉禾', '御景', '万和', '世纪', '财富',
  '名都', '北湖', '中央', '东方', '福源', '和谐', '康居', '书香', '丰泽', '泰和', '紫金', '天鹅', '石油', '电业', '粮库', '铁路',
  '桂花', '银河', '水岸', '明珠', '祥瑞', '凯旋', '华安', '金帝',
]
const ESTATE_SUFFIXES = ['花园', '家园', '小区', '嘉园', '名苑', '华庭', '新城', '佳苑', '雅居', '公寓']

/** Town landmarks stand this far from the kerb of the street they face, km. */
const SET_BACK_KM: Pt = [0.015, 0.04]
/** A landmark stands at least this far inside its community (degrees, about 8–11 m), so no snapping moves it across. */
const MARGIN_DEG = 1e-4

/**
 * The demo city's landmarks, about 500: in the town the city's institutions, each street's offices, market and
 * supermarket, and each community's compounds and shop, facing a street; in each township its government,
 * police station, health centre, schools, credit union and market near its seat; in each village its
 * committee, and in some a school or a clinic. Names are unique across the city (a village's carry its
 * township, as 和平村 is in many); every point lies inside the township and community `within` names.
 */
export function layOutLandmarks(rng: Rng, layout: CityLayout, roads: readonly Road[]): LandmarkPlan[] {
  const out: LandmarkPlan[] = []
  const taken = new Set<string>()
  const communityAt = communityLocator(layout)
  const streets = roads.filter((r) => r.kind === 'street' || r.kind === 'arterial').map((r) => r.line)
  const railway = roads.filter((r) => r.kind === 'railway').map((r) => r.line)
  const urban = layout.communities.flatMap((c, k) => (c.kind === 'community' ? [k] : []))

  /** Adds a landmark at the first drawn point inside a community `accept`s; falls back to `fallback`, a grid seed. */
  const add = ([name, aliases, category]: Entry, draw: () => Pt, accept: (c: number) => boolean, fallback: Pt, qualifier = '') => {
    const unique = taken.has(name) ? qualifier + name : name
    if (taken.has(unique)) throw new Error(`two landmarks named ${unique}`)
    taken.add(unique)
    let at = round(fallback)
    for (let tries = 0; tries < 100; tries++) {
      const p = round(draw())
      const c = communityAt(p)
      if (c >= 0 && accept(c)) {
        at = p
        break
      }
    }
    const community = communityAt(at)
    if (community < 0) throw new Error(`${unique}: no point found inside its community, and its fallback is on an edge`)
    const township = layout.communities[community]!.parent
    out.push({
      name: unique, aliases: [...new Set(aliases)].filter((a) => a !== unique), category, at, township, community,
      within: `${layout.townships[township]!.name} · ${layout.communities[community]!.name}`,
    })
  }
  const inTown = (c: number) => layout.communities[c]!.kind === 'community'
  const facingStreet = (r: Rng, target: Pt, sdKm: number) => () =>
    beside(offsetKm(target, r.normal(0, sdKm), r.normal(0, sdKm)), streets, r.range(...SET_BACK_KM))

  const city = rng.fork('city')
  const centre = layout.communities[urban.reduce((a, b) => (dist2(layout.communities[a]!.seat, ANDA.center) <= dist2(layout.communities[b]!.seat, ANDA.center) ? a : b))]!
  for (const [k, entry] of CITY.entries()) {
    // The government and the police by the town's middle; the rest anywhere in the town.
    const target = k < 2 ? ANDA.center : layout.communities[city.pick(urban)]!.seat
    add(entry, facingStreet(city, target, k < 2 ? 0.15 : 0.3), inTown, centre.seat)
  }
  for (const entry of STATION) add(entry, () => beside(ANDA.center, railway, city.range(0.06, 0.12) * (city.chance(0.5) ? 1 : -1)), inTown, centre.seat)

  const estates = rng.fork('estates').shuffle(ESTATE_ROOTS.flatMap((root) => ESTATE_SUFFIXES.map((suffix) => [root, suffix] as const)))
  layout.townships.forEach((t, ti) => {
    const r = rng.fork(t.code)
    const mine = (c: number) => layout.communities[c]!.parent === ti
    if (t.kind === 'street') {
      const short = t.name.replace(/街道$/, '')
      for (const entry of streetEntries(t.name, short)) add(entry, facingStreet(r, t.seat, 0.5), mine, t.seat)
      return
    }
    const short = t.name.replace(/[镇乡]$/, '')
    const seat = townSeat(layout, ti)
    for (const entry of townshipEntries(t.name, short)) add(entry, () => offsetKm(seat, r.normal(0, 0.25), r.normal(0, 0.25)), mine, seat)
  })

  layout.communities.forEach((c, ci) => {
    const r = rng.fork(c.code)
    const t = layout.townships[c.parent]!
    const here = (k: number) => k === ci
    const root = c.name.slice(0, -(c.kind === 'community' ? 2 : 1))
    if (c.kind === 'community') {
      const short = t.name.replace(/街道$/, '')
      for (let k = r.int(3, 4); k > 0; k--) {
        let [estateRoot, suffix] = estates.shift()!
        while (taken.has(estateRoot + suffix) || taken.has(`${estateRoot}${suffix}小区`)) [estateRoot, suffix] = estates.shift()!
        const plain = estateRoot + suffix
        const entry: Entry = suffix !== '小区' && r.chance(0.3) ? [`${plain}小区`, [plain], 'estate'] : [plain, [], 'estate']
        add(entry, facingStreet(r, c.seat, 0.2), here, c.seat)
      }
      add([`${root}便民超市`, [`${root}超市`], 'supermarket'], facingStreet(r, c.seat, 0.2), here, c.seat, short)
      return
    }
    const near = (km: number) => () => offsetKm(c.seat, r.normal(0, km), r.normal(0, km))
    add([`${t.name}${c.name}村民委员会`, [`${c.name}村委会`, `${root}村委会`], 'government'], near(0.1), here, c.seat)
    if (r.chance(0.35)) add([`${t.name}${root}小学`, [`${root}小学`, `${c.name}小学`], 'school'], near(0.2), here, c.seat)
    if (r.chance(0.3)) add([`${t.name}${c.name}卫生室`, [`${c.name}卫生室`], 'hospital'], near(0.15), here, c.seat)
  })
  return out
}

/**
 * Where a township's offices stand: the seat of its village nearest the middle of its grids. Not the layout's
 * `seat` of a township, which names the township after it is cut and can lie in another one's land.
 */
function townSeat(layout: CityLayout, township: number): Pt {
  const villages = layout.communities.filter((c) => c.parent === township)
  const seeds = layout.grids.filter((g) => layout.communities[g.community]!.parent === township).map((g) => g.seed)
  const mid: Pt = [seeds.reduce((s, p) => s + p[0], 0) / seeds.length, seeds.reduce((s, p) => s + p[1], 0) / seeds.length]
  return villages.reduce((a, b) => (dist2(a.seat, mid) <= dist2(b.seat, mid) ? a : b)).seat
}

const round = (p: Pt): Pt => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6]
const dist2 = (a: Pt, b: Pt) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2

/**
 * The community a point lies in as the store cuts it: the store's cells are the Voronoi diagram of the grid
 * seeds in plain degrees (city_cells.sql), so a point is in the cell of its nearest seed. -1 outside the city
 * (a ghost seed is nearest) or within MARGIN_DEG of another community's cell.
 */
function communityLocator(layout: CityLayout): (p: Pt) => number {
  const owner = layout.seeds.map((_, i) => (i < layout.grids.length ? layout.grids[i]!.community : -1))
  return (p) => {
    let a = 0
    let da = Infinity
    layout.seeds.forEach((s, i) => {
      const d = dist2(p, s)
      if (d < da) [a, da] = [i, d]
    })
    const c = owner[a]!
    if (c < 0) return -1
    const sa = layout.seeds[a]!
    for (const [i, s] of layout.seeds.entries()) {
      // Distance from p to the bisector of its seed and s: how far p is from where s's cell would begin.
      if (owner[i] !== c && (dist2(p, s) - da) / (2 * Math.sqrt(dist2(sa, s))) < MARGIN_DEG) return -1
    }
    return c
  }
}

/** The point `offKm` from the nearest of `lines` to `p`, on p's side (the other side when `offKm` is negative). */
function beside(p: Pt, lines: readonly Pt[][], offKm: number): Pt {
  const [kx, ky] = degPerKm(ANDA.center[1])
  const km = (q: Pt): Pt => [(q[0] - ANDA.center[0]) / kx, (q[1] - ANDA.center[1]) / ky]
  const at = km(p)
  let best = { d: Infinity, foot: at, normal: [0, 1] as Pt }
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [km(line[i - 1]!), km(line[i]!)]
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]]
      const len2 = dx * dx + dy * dy
      const t = Math.max(0, Math.min(1, ((at[0] - a[0]) * dx + (at[1] - a[1]) * dy) / len2))
      const foot: Pt = [a[0] + t * dx, a[1] + t * dy]
      const d = Math.hypot(at[0] - foot[0], at[1] - foot[1])
      if (d >= best.d) continue
      const len = Math.sqrt(len2)
      const normal: Pt = [-dy / len, dx / len]
      const side = (at[0] - foot[0]) * normal[0] + (at[1] - foot[1]) * normal[1] < 0 ? -1 : 1
      best = { d, foot, normal: [normal[0] * side, normal[1] * side] }
    }
  }
  return [ANDA.center[0] + (best.foot[0] + best.normal[0] * offKm) * kx, ANDA.center[1] + (best.foot[1] + best.normal[1] * offKm) * ky]
}
