import { type ApiIssue, labels } from '../../../contract'
import { ApiError } from '../api/fetchJson'

const CODE_TEXT: Readonly<Record<string, string>> = labels.errorCode
const FIELD_LABEL: Readonly<Record<string, string>> = labels.fieldLabel

/** What a person reads when nothing better is known: never the server's English, a status or an id. */
export const FAILED = '操作未成功，请稍后重试'

/** Already in words a person reads: Chinese, with no Latin letters (no English, no code) in it. */
const isChinese = (s: string) => /[\u4e00-\u9fff]/.test(s) && !/[A-Za-z]/.test(s)

/**
 * The label of the field at `path` (`parties.0.name` → 当事人姓名), or null when the labels do not know it. `request`:
 * the contract's name of the request sent (`EscalateRequest`), for a field whose label depends on it (`reason` → 上移理由).
 */
export function fieldLabel(path: string, request?: string): string | null {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p))
  if (parts.length === 0) parts.push('(root)')
  for (let i = 0; i < parts.length; i++) {
    const key = parts.slice(i).join('.')
    const label = (request !== undefined ? FIELD_LABEL[`${request}.${key}`] : undefined) ?? FIELD_LABEL[key]
    if (label !== undefined) return label
  }
  return null
}

type Reason = [RegExp, string | ((n: number) => string)]

/**
 * The contract's, zod's and the server's reasons (English, for programs) as a person reads them, most particular
 * first. A number caught by the pattern is put in the sentence (`must be at most 500 characters` → 最多500字).
 */
const REASONS: Reason[] = [
  // Said of one request or one rule: these name what to do.
  [/is required with the other coordinate/, '须与另一坐标一同填写'],
  [/is required with ticket/, '填写工单号时必填'],
  [/is required with an outcome/, '记录调解结果时必填'],
  [/is required for a range/, '自定义时段时必填'],
  [/is required for a township office/, '乡镇(街道)站所必填'],
  [/must be left out for a city bureau/, '市直部门不填'],
  [/is only for route/, '仅吹哨派单时填写'],
  [/must name each department once/, '每个部门只选一次，且不能是牵头部门'],
  [/must say why when the reason is other/, '退回原因为“其他”时，请写明理由'],
  [/must say what the reporter was told/, '请写明答复群众的内容'],
  [/follow-up that reached nobody/, '回访须记录群众的评价'],
  [/give an outcome/, '请选择调解结果'],
  [/is recorded with an outcome/, '须与调解结果一同记录'],
  [/only an agreement settles an amount/, '未达成协议的调解没有协议金额'],
  [/two decimals/, '最多两位小数'],
  [/must be the id of a mediation body|no mediation body/, '请选择调解组织'],
  [/does not lie|lies outside|outside this account's scope/, '不在服务范围内'],
  [/does not take/, '不受理此类事项'],
  [/outside the city/, '不在本市网格范围内'],
  [/is not a current grid/, '不是现有的网格'],
  [/must share an edge/, '须与所选网格相邻'],
  [/is not a department/, '没有这个部门'],
  [/department name/, '须为2至40字的部门名称'],
  [/is disabled/, '已停用'],
  [/cannot be summoned below the township|is an office of township/, '该部门不能由本级派单'],
  [/is not a post of grid/, '不是本案所在网格的岗位'],
  [/^no (?:grid|region) has code/, '没有这个编码的区域'],
  [/signs in with API keys/, '该角色只能用密钥访问，不设密码'],
  [/needs a row for/, '缺少该层级的默认时限'],
  [/twice|must name two different/, '不能重复'],
  [/must name two grids/, '请选择两个网格'],
  [/is for period=range|is for a day, week/, '与统计周期不符'],
  [/less than (\d+) days after|more than (\d+) days after/, (n) => `不能超过开始时间后${n}天`],
  [/must not be (?:before|after)|is before the mediation ended/, '时间先后不对'],
  [/in the future|ahead of the server/, '不能晚于现在'],
  [/hours before the server/, '时间过早'],
  [/within 2000/, '须在2000年至2099年之间'],
  [/is no such date|not a date that exists/, '没有这一天'],
  [/date like/, '日期格式不正确，应如2026-11-01'],
  [/date-time|datetime|ISO date/, '日期时间格式不正确'],
  [/mobile|landline/, '须为11位手机号，或带区号的固定电话'],
  [/ID number/, '须为18位身份证号'],
  [/megapixels/, '照片过大'],
  [/image/, '照片无法读取'],
  [/is empty/, '内容为空'],
  [/NUL character/, '含有无效字符'],
  [/filed already|already|is taken/, '已经存在'],
  [/is not a known parameter|Unrecognized key/, '不是可接受的内容'],
  [/not valid JSON/, '格式不正确'],
  // What zod and the contract say of any field: missing, too long or short, out of range, not a number, bad format.
  [/Too small: expected string to have >=?1 characters|received undefined|required/, '必填'],
  [/Too big: expected string to have <=?(\d+)|at most (\d+) characters/, (n) => `最多${n}字`],
  [/Too small: expected string to have >=?(\d+)|at least (\d+) characters/, (n) => `至少${n}字`],
  [/at most (\d+) positions/, (n) => `最多${n}个点`],
  [/at least (\d+) positions/, (n) => `至少${n}个点`],
  [/needs its outer ring|needs a polygon/, '边界不完整'],
  [/must end where it starts/, '边界须首尾相接'],
  [/at most (\d+) grids/, (n) => `最多${n}个网格`],
  [/at least one grid/, '至少要有一个网格'],
  [/at most (\d+) (?:rings|polygons)/, (n) => `最多${n}块`],
  [/Too big: expected array to have <=?(\d+)|(?:name|hold|have) at most (\d+)/, (n) => `最多${n}项`],
  [/Too small: expected array to have >=?(\d+)|(?:name|hold|have) at least (\d+)|at least one/, (n) => `至少${Number.isNaN(n) ? 1 : n}项`],
  [/must not be negative/, '不能为负数'],
  [/more than 0 hours/, '须大于0小时'],
  [/number of hours/, '须为小时数'],
  [/must be positive|more than 0/, '须大于0'],
  [/must be at most a year/, '不能超过一年'],
  [/Too big: expected (?:number|int) to be <=?(-?\d+)|must be at most ([\d,]+)/, (n) => `不能大于${n}`],
  [/Too small: expected (?:number|int) to be >=?(-?\d+)|must be at least ([\d,]+)/, (n) => `不能小于${n}`],
  [/within|Too big|Too small/, '超出有效范围'],
  [/whole number/, '须为整数'],
  [/expected (?:number|int)\b/, '须为数字'],
  [/expected boolean/, '请选择是或否'],
  [/expected string|must be text/, '须为文字'],
  [/expected (?:object|array|tuple)/, '格式不正确'],
  [/number|decimal|NaN/, '须为数字'],
  [/Invalid option|must be one of|Invalid discriminator|Invalid input: expected "|must be (?:urban|township|open|json|a step)|must be a Polygon|must be a service_code/, '不在可选范围内'],
  [/Invalid|must be|must match|code/, '格式不正确'],
]

/** A field's reason as a person reads it: kept when it is Chinese already, else put in Chinese, else 填写有误. */
export function reasonText(reason: string): string {
  if (isChinese(reason)) return reason
  for (const [pattern, text] of REASONS) {
    const m = pattern.exec(reason)
    if (!m) continue
    if (typeof text === 'string') return text
    const digits = m.slice(1).find((g) => g !== undefined)
    return text(digits === undefined ? Number.NaN : Number(digits.replace(/,/g, '')))
  }
  return '填写有误'
}

/** One refused field in a sentence, `上移理由：必填`; a field the labels do not know is not named (its name is for programs). */
export function issueText(issue: ApiIssue, request?: string): string {
  const label = fieldLabel(issue.field, request)
  return `${label ?? '有一项内容'}：${reasonText(issue.reason)}`
}

/**
 * A failed call (or anything thrown) as a person reads it: each refused field by its label and reason, or what the
 * error's code means; never an HTTP status, the server's English message or an id. `request`: see `fieldLabel`.
 */
export function errorText(e: unknown, request?: string): string {
  if (!(e instanceof ApiError)) return FAILED
  if (e.issues.length > 0) return e.issues.map((i) => issueText(i, request)).join('；')
  return CODE_TEXT[e.code] ?? FAILED
}
