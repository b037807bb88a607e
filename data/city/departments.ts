import type { NewDepartment } from '../../contract/departments'
import { ANDA } from './anda'
import type { RegionPlan } from './layout'

/** The city's bureaus that townships summon (街道吹哨、部门报到), as the seeds name them. */
export const CITY_BUREAUS = [
  '城市管理综合执法局', '卫生健康局', '教育局', '民政局', '人力资源和社会保障局', '住房和城乡建设局', '自然资源局', '应急管理局',
  '市场监督管理局', '公安局交通警察大队', '消防救援大队', '信访局',
].map((b) => `${ANDA.name}${b}`)

/** Every township's own offices: its justice office (司法所) and police station (派出所). */
export const TOWNSHIP_OFFICES = ['司法所', '派出所'] as const

/** The demo city's departments: the city's bureaus and each township's offices. */
export function demoDepartments(townships: readonly Pick<RegionPlan, 'code' | 'name'>[]): NewDepartment[] {
  return [
    ...CITY_BUREAUS.map((name) => ({ name, level: 'city' as const })),
    ...townships.flatMap((t) => TOWNSHIP_OFFICES.map((o) => ({ name: `${t.name}${o}`, level: 'township' as const, townshipCode: t.code }))),
  ]
}
