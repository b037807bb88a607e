import { ANDA } from '../city/anda'
import type { Pt } from '../city/geo'

/**
 * The demo province: Guizhou's counts, from the governance report on Guizhou (the seeds: "数智平安贵州"):
 * 134,500 grids (13.45万个网格), 145,400 grid workers (14.54万名网格员), 1,513 township and 17,954 village-level
 * centres; 9 prefectures (6 prefecture-level cities, 3 autonomous prefectures) and 88 county-level units as the
 * province has. Its 15.35万 events a year are Guiyang's (贵阳市 "年均解决社会治理事件15.35万件", one prefecture's
 * count, applied to the demo province as Tongliao's is to the demo city; the province's grids found 76万 disputes
 * and hazards in 2022). The cameras are Danjiangkou's (丹江口市, the city's seed) per county-level unit at
 * Guizhou's average grids a county: no report counts Guizhou's. Only the code (520000) and the province's name are
 * real: the boundaries are generated (a shape of Guizhou's size within its extent), every name below the province
 * is made up.
 */
export const GUIZHOU = {
  code: '520000000000',
  name: '贵州省',
  center: [106.6, 26.9] as Pt,
  /** Longitude and latitude the outline keeps within (the real province: 103.6–109.6 E, 24.6–29.2 N). */
  extent: { lon: [103.6, 109.6] as Pt, lat: [24.6, 29.2] as Pt },
  areaKm2: 176_000,
  prefectures: 9,
  counties: 88,
  townships: 1513,
  communities: 17_954,
  grids: 134_500,
  gridWorkers: 145_400,
  eventsPerYear: 153_500,
  /** Danjiangkou's Sharp Eyes cameras, one county-level city's. */
  camerasPerCounty: ANDA.cameras,
} as const

/** Of a county's grids, the share in its seat town (the rest are villages'): our judgement, as no report splits them. */
export const URBAN_SHARE = 0.25
/** A town grid's mean area, km² (a block or small estate of 200–300 households); a village grid takes what is left. */
export const URBAN_GRID_KM2 = 0.15
/** How much larger a seat town is than a county's: the capital's, a prefecture's. */
export const TOWN_WEIGHT = { capital: 8, prefecture: 4, county: 1 } as const
/** A street (街道) of a seat town holds about this many of its grids. */
export const GRIDS_PER_STREET = 75

export type ProvinceCounts = { prefectures: number; counties: number; townships: number; communities: number; grids: number }

/**
 * Guizhou's counts at `scale` (0..1): each level scaled, but at least 2 prefectures, 2 counties a prefecture,
 * 3 townships a county, 4 communities a township and 7 grids a community, so scale 0 is the smallest province
 * every level of which has siblings (2 × 2 × 3 × 4 × 7: 336 grids) and scale 1 is Guizhou.
 */
export function provinceCounts(scale: number): ProvinceCounts {
  if (!(scale >= 0 && scale <= 1)) throw new Error(`scale must be within 0..1, not ${scale}`)
  const prefectures = Math.max(2, Math.round(GUIZHOU.prefectures * scale))
  const counties = Math.max(2 * prefectures, Math.round(GUIZHOU.counties * scale))
  const townships = Math.max(3 * counties, Math.round(GUIZHOU.townships * scale))
  const communities = Math.max(4 * townships, Math.round(GUIZHOU.communities * scale))
  const grids = Math.max(7 * communities, Math.round(GUIZHOU.grids * scale))
  return { prefectures, counties, townships, communities, grids }
}

/** What a province of `grids` grids holds of Guizhou's per-grid figures (area, workers, events, cameras). */
export const perGrid = (grids: number, guizhouTotal: number) => Math.round((guizhouTotal * grids) / GUIZHOU.grids)

/** Names of prefecture-level cities (地级市) and autonomous prefectures (自治州): made up. */
export const PREFECTURE_CITIES = ['云岭市', '清江市', '凤台市', '龙泉市', '乌蒙市', '红枫市', '梅岭市', '石门市'] as const
export const AUTONOMOUS_PREFECTURES = ['黔中布依族苗族自治州', '黔东北苗族侗族自治州', '黔西北彝族苗族自治州', '黔南水族布依族自治州'] as const
export const AUTONOMOUS_PEOPLES = ['苗族', '布依族', '侗族', '土家族', '彝族', '仡佬族', '水族', '回族'] as const

/** Two-character roots: a first character and a second, paired at random and never twice in one scope. */
export const COUNTY_ROOTS = {
  first: [...'清云凤龙石金玉安兴黎望紫盘松岑榕梅桃竹茶枫鹤雁银麻瓮湄赤桐绥余沿思印施剑锦天雷荔独贞册晴织纳赫威正道务开修乌罗普关长'],
  second: [...'溪江岭坪阳水源山宁川泉河冈台屏城定远丰平仁义顺甸'],
}
export const TOWNSHIP_ROOTS = {
  first: [...'龙马牛羊猫鸡兔猴青花久长新老大小高平安石沙白黄红金岩水茶松桃凤云麦谷洛乐普兴德'],
  second: [...'场坝坪关堡哨屯寨溪河江口桥山岭塘庄湾阳田冲洞岩'],
}
export const VILLAGE_ROOTS = {
  first: [...'大小上下新老高中前后石龙凤青桃杨柳茶竹花白黄红金银马牛羊鱼水田'],
  second: [...'坪寨坝冲湾沟岩田塘堡关山河桥场院井林坡垭'],
}
export const COMMUNITY_ROOTS = {
  first: [...'和新金阳碧锦康丰兴华春文明月翠绿福瑞安泰宏盛'],
  second: [...'苑园湖城路街桥门山坡庭府景湾'],
}

/** A county's bureaus its cases are routed to (the county-level centre's, "city" in the loop's levels): the few most cases need. */
export const COUNTY_BUREAUS = ['公安局', '住房和城乡建设局', '自然资源局', '应急管理局', '人力资源和社会保障局', '信访局'] as const
