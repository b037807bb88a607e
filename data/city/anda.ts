import type { Pt } from './geo'

/**
 * The demo city: Anda (安达市), a county-level city of Suihua, Heilongjiang, with counts taken from the
 * governance reports (the seeds), each from the city whose report gives it:
 * - Anda's own: 14 townships and 4 streets, 1,011 grids, 1,011 grid leaders, 999 full-time and 1,219
 *   part-time grid workers, 159 specialised people's mediation committees;
 * - Danjiangkou's (丹江口市, its 雪亮工程): 1,742 class-A camera groups, 3,913 class-B and 256 class-C cameras;
 * - Tongliao's (通辽市, 2022): 7,444 disputes a year, a prefecture's count applied to the demo city.
 * The 2,300 hazards a year and the 100 patrol units are ours: no report counts them. The boundaries are
 * generated, not surveyed: a demo city, not an official map.
 */
export const ANDA = {
  code: '231281000000',
  name: '安达市',
  center: [125.32, 46.4] as Pt,
  /** Semi-axes of the outline, km east-west and north-south: about 3,600 km², as the real city. */
  radiiKm: [29, 40] as Pt,
  /** The built-up town the four streets divide, km. */
  townRadiiKm: [3.6, 3.1] as Pt,
  grids: 1011,
  gridLeaders: 1011,
  fulltimeWorkers: 999,
  parttimeWorkers: 1219,
  cameras: { A: 1742, B: 3913, C: 256 },
  disputesPerYear: 7444,
  hazardsPerYear: 2300,
  specialisedMediationCommittees: 159,
  patrolUnits: { police: 30, auxiliary: 30, volunteer: 25, grid_worker: 15 },
} as const

export const STREETS = ['新兴街道', '安虹街道', '东城街道', '铁西街道'] as const

/** Ten towns (镇) and four rural townships (乡), as Anda has; 安达镇 rings the town. */
export const TOWNSHIPS = [
  '安达镇', '任民镇', '中本镇', '万宝山镇', '昌德镇', '升平镇', '羊草镇', '吉星岗镇', '老虎岗镇', '太平庄镇',
  '卧里屯乡', '火石山乡', '青肯泡乡', '先源乡',
] as const

export const COMMUNITY_ROOTS = [
  '和平', '友谊', '建设', '光明', '幸福', '胜利', '团结', '新华', '民主', '站前', '东风', '朝阳', '繁荣', '文化',
  '红旗', '育才', '华翔', '康乐', '春华', '兴安', '北苑', '南苑', '锦绣', '安泰', '龙泉', '富民', '振兴', '祥和',
] as const

export const VILLAGE_ROOTS = [
  '东升', '新华', '永兴', '太平', '长青', '前进', '红星', '保安', '双兴', '富强', '丰收', '和平', '兴隆', '永丰',
  '民乐', '胜利', '新发', '庆丰', '东光', '德胜', '宏伟', '三合', '四合', '五一', '建国', '万宝', '久胜', '青山',
  '平安', '长胜', '福兴', '新立', '向阳', '众志', '联合', '双榆', '兴旺', '安乐', '富裕', '春雷', '西湖', '北岗',
] as const

/** Natural villages (屯) are named after the families that settled them: 王家屯, 李家窝棚. */
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '韩', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕',
] as const
export const TUN_SUFFIXES = ['家屯', '家窝棚', '家店', '家岗', '家围子', '家油坊'] as const
export const GIVEN_NAME_CHARS = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰凤春海波建国志红梅立新宝林'

export const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const

/** 1 → 一, 12 → 十二, 23 → 二十三: grids are named 第N网格. */
export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_NUMERALS[n]!
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : CHINESE_NUMERALS[tens]}十${CHINESE_NUMERALS[n % 10]}`
}
