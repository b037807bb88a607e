import { z } from 'zod'
import { DisputeKind, HazardKind } from './domain'
import { IdText, Text } from './fields'
import { Ticket } from './intake'

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) under `/open311/v2/`, for outside systems that
 * file and follow cases: the 12345 platform, the mini-program's backend. Field names are the specification's,
 * snake_case as it writes them; each resource is asked for as `.json` or `.xml`.
 */

/** The channels an outside system files by: its account's row in `intake_clients` (as its check allows). */
export const Open311Channel = z.enum(['mini_program', 'hotline_12345', 'police_110', 'petition_office'])
export type Open311Channel = z.infer<typeof Open311Channel>

export const Open311Format = z.enum(['json', 'xml'])
export type Open311Format = z.infer<typeof Open311Format>

/** A service is one kind of case: its `service_code` is the kind, e.g. `neighbour` or `fire`. */
export const ServiceCode = z.enum([...DisputeKind.options, ...HazardKind.options], { error: 'must be a service_code of GET services' })
export type ServiceCode = z.infer<typeof ServiceCode>

/** What a service's `description` and `keywords` tell an outside system's user choosing one. */
export const OPEN311_SERVICE_TEXT = {
  family: { description: '婚姻、赡养、抚养、继承等家庭成员之间的矛盾纠纷', keywords: '家庭纠纷,婚姻纠纷,赡养,抚养,继承' },
  neighbour: { description: '噪音、漏水、通行、采光、地界等邻里之间的矛盾纠纷', keywords: '邻里矛盾,噪音扰民,漏水,相邻关系' },
  labour: { description: '拖欠工资、劳动合同、工伤待遇等劳动关系纠纷', keywords: '欠薪,讨薪,拖欠工资,劳动合同,工伤' },
  property_mgmt: { description: '物业服务、物业费、公共设施维护等业主与物业之间的纠纷', keywords: '物业服务,物业费,业主,小区' },
  land: { description: '土地承包、流转、征收补偿、宅基地等土地权属与使用纠纷', keywords: '土地承包,土地流转,征地补偿,宅基地,确权' },
  traffic: { description: '交通事故引发的赔偿、责任认定等纠纷', keywords: '交通事故,车祸,事故赔偿,剐蹭' },
  financial: { description: '借贷、欠款、买卖合同等经济往来纠纷', keywords: '借贷,欠款,债务,合同纠纷' },
  petition: { description: '群众来信来访反映的诉求和问题', keywords: '信访,上访,来信来访,诉求' },
  fire: { description: '消防通道堵塞、消防设施缺失损坏、违规用火等消防安全隐患', keywords: '消防通道,灭火器,消防设施,火灾隐患' },
  building: { description: '房屋开裂、倾斜、危房、违规改建等房屋安全隐患', keywords: '危房,房屋开裂,违建,墙体' },
  gas: { description: '燃气泄漏、管道老化、违规使用液化气等燃气安全隐患', keywords: '燃气泄漏,煤气,液化气,燃气管道' },
  electric: { description: '私拉乱接电线、线路老化、电动车违规充电等用电安全隐患', keywords: '私拉电线,飞线充电,线路老化,电动车充电' },
  road: { description: '路面坑洼塌陷、井盖缺失、护栏路灯损坏等道路设施隐患', keywords: '坑洼,塌陷,井盖,路灯,护栏' },
  flood: { description: '积水内涝、河道堵塞、堤坝险情等防汛安全隐患', keywords: '积水,内涝,河道,堤坝,排水' },
} as const satisfies Record<ServiceCode, { description: string; keywords: string }>

/** The one attribute every service asks for: the outside system's own ticket number, `attribute[ticket]`. */
export const TICKET_ATTRIBUTE = 'ticket'

/** The most requests one `GET requests` answers (the specification's default query limit), and the widest date range. */
export const OPEN311_LIMIT = 1000
export const OPEN311_MAX_DAYS = 90

/** Who called, when the request names nobody but gives a phone: the applicant's name is required on a case. */
export const UNNAMED_APPLICANT = '未留姓名'

// ── Requests as they come in ───────────────────────────────────────────────────────────────────────────────

/**
 * The specification's "Optional Arguments": a parameter sent empty is one not sent. And `attribute[code]=value`
 * (`attribute[code][]=v` for a list) as a form sends it becomes `attribute: { code: value }`, as JSON may send it.
 */
function asSent(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  const out: Record<string, unknown> = {}
  const attribute: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) {
    if (value === '' || value === null || value === undefined) continue
    const attr = /^attribute\[([^\]]*)\](\[\])?$/.exec(key)
    if (attr) attribute[attr[1]!] = attr[2] && !Array.isArray(value) ? [value] : value
    else out[key] = value
  }
  if (Object.keys(attribute).length > 0) {
    out.attribute = typeof out.attribute === 'object' && out.attribute !== null ? { ...out.attribute, ...attribute } : attribute
  }
  return out
}

/** A parameter a query string may repeat and the specification also lets be comma separated: one list either way. */
const listed = (input: unknown) => (Array.isArray(input) ? input.join(',') : input)

const textError = (iss: { input?: unknown }) => (iss.input === undefined ? 'is required' : 'must be text')

/** A coordinate as a form sends it (`46.41`) or JSON does (46.41). */
const Coordinate = (what: 'latitude' | 'longitude', max: number, required: string) =>
  z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, `must be a decimal ${what}`).transform(Number)], {
    error: (iss) => (iss.input === undefined ? required : `must be a decimal ${what}`),
  }).pipe(z.number().min(-max, `must be a ${what} within -${max}..${max}`).max(max, `must be a ${what} within -${max}..${max}`))

const LOCATION_REQUIRED = 'is required: a request is placed by lat and long (an address_string or address_id alone is not placed)'

/** A phone as people write it (`0459-4561234`, `+86 139 0456 1234`), kept as its digits. */
const Phone = z.string({ error: textError }).transform((s) => s.replace(/[\s()-]/g, '').replace(/^\+?86(?=1\d{10}$)/, ''))
  .pipe(z.string().regex(/^(1\d{10}|0\d{9,11})$/, 'must be an 11-digit mobile or a landline number with its area code'))

/**
 * `POST requests.{format}`, as `application/x-www-form-urlencoded` (the specification's) or JSON. `service_code`
 * is one of `GET services`; the place is `lat` and `long` (WGS 84); `attribute[ticket]` the sender's ticket number,
 * required of every channel that carries one. `first_name`, `last_name` and `phone` become the case's applicant
 * and are never answered back; `email`, `device_id` and `address_id` are taken and not kept.
 * Example: `api_key=gk_…&service_code=neighbour&lat=46.41&long=125.33&address_string=中华大街12号&description=楼上深夜噪音&last_name=王&first_name=芳&phone=13904561234&attribute[ticket]=12345-20261205-0042`.
 */
export const Open311NewRequest = z.preprocess(asSent, z.strictObject({
  jurisdiction_id: z.string({ error: textError }).max(200).optional(),
  api_key: z.string({ error: textError }).optional(),
  service_code: z.string({ error: textError }).max(64),
  lat: Coordinate('latitude', 90, LOCATION_REQUIRED),
  long: Coordinate('longitude', 180, LOCATION_REQUIRED),
  address_string: Text(200).optional(),
  address_id: Text(100).optional(),
  email: z.email({ error: 'must be an email address' }).max(254).optional(),
  device_id: Text(100).optional(),
  account_id: Text(100).optional(),
  first_name: Text(20).optional(),
  last_name: Text(20).optional(),
  phone: Phone.optional(),
  description: Text(4000).optional(),
  media_url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000).optional(),
  attribute: z.strictObject({ [TICKET_ATTRIBUTE]: Ticket.optional() }, { error: 'must be attribute[code]=value pairs' }).optional(),
}))
export type Open311NewRequest = z.output<typeof Open311NewRequest>

/**
 * A W3C date-time with its offset, as the specification asks (`2026-12-01T00:00:00Z`, `2026-12-01T08:00+08:00`):
 * to the minute at least, the offset required.
 */
const W3cDateTime = z.string({ error: textError })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'must be a W3C date-time with its offset, e.g. 2026-12-01T00:00:00+08:00')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a date that exists')
  .transform((s) => new Date(s))

const list = <T extends z.ZodType<unknown, string>>(item: T, what: string, max: number) =>
  z.preprocess(listed, z.string({ error: textError }).transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(item).min(1, `must name at least one ${what}`).max(max, `must name at most ${max} ${what}s`)))

/**
 * `GET requests.{format}`: `service_request_id` (comma separated, and then every other filter is ignored, as the
 * specification says), or `service_code` (comma separated), `start_date` and `end_date` (at most 90 days apart;
 * the most recent 90 days when neither is given), `status` (`open`, `closed` or both).
 * Example: `?service_code=neighbour,fire&start_date=2026-12-01T00:00:00+08:00&status=open`.
 */
export const Open311RequestsQuery = z.preprocess(asSent, z.strictObject({
  jurisdiction_id: z.string({ error: textError }).max(200).optional(),
  api_key: z.string({ error: textError }).optional(),
  service_request_id: list(IdText(Number.MAX_SAFE_INTEGER), 'service_request_id', OPEN311_LIMIT).optional(),
  service_code: list(ServiceCode, 'service_code', 20).optional(),
  start_date: W3cDateTime.optional(),
  end_date: W3cDateTime.optional(),
  status: list(z.enum(['open', 'closed'], { error: 'must be open or closed' }), 'status', 2).optional(),
}))
export type Open311RequestsQuery = z.output<typeof Open311RequestsQuery>

/** What `GET services`, a service's definition and `GET requests/{id}` take besides the path: nothing of their own. */
export const Open311PlainQuery = z.preprocess(asSent, z.strictObject({
  jurisdiction_id: z.string({ error: textError }).max(200).optional(),
  api_key: z.string({ error: textError }).optional(),
}))

// ── Answers ────────────────────────────────────────────────────────────────────────────────────────────────

/** One of `GET services`, e.g. `{ service_code: 'neighbour', service_name: '邻里纠纷', group: '矛盾纠纷', type: 'realtime', … }`. */
export const Open311Service = z.strictObject({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  /** Whether the service has a definition to ask for: ours all do (the ticket). */
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
})
export type Open311Service = z.infer<typeof Open311Service>

export const Open311Attribute = z.strictObject({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int().positive(),
  description: z.string(),
  values: z.array(z.strictObject({ key: z.string(), name: z.string() })),
})
export type Open311Attribute = z.infer<typeof Open311Attribute>

/** `GET services/{service_code}.{format}`: the attributes a request of the service carries. */
export const Open311ServiceDefinition = z.strictObject({ service_code: z.string(), attributes: z.array(Open311Attribute) })
export type Open311ServiceDefinition = z.infer<typeof Open311ServiceDefinition>

/** `POST requests` answers one: the request's id, the case's code in `service_notice`, the `account_id` sent. */
export const Open311Created = z.strictObject({
  service_request_id: z.string(),
  service_notice: z.string().nullable(),
  account_id: z.string().nullable(),
})
export type Open311Created = z.infer<typeof Open311Created>

/**
 * A service request as `GET requests` answers it: one report of a case (a case merged from several has several),
 * e.g. `{ service_request_id: '9731', status: 'open', status_notes: '签收', service_code: 'neighbour', service_notice: 'AD20261205009746', … }`.
 * `description` only for the account that filed it; never a person's name or phone.
 */
export const Open311Request = z.strictObject({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  /** The latest step of the case, as the screens name it. */
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable(),
  /** The department the case is routed to now, else the level holding it. */
  agency_responsible: z.string().nullable(),
  /** The case's code, e.g. `AD20261205009746`. */
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  /** When the level or department holding the case must have acted; null once closed. */
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number(),
  long: z.number(),
  media_url: z.string().nullable(),
})
export type Open311Request = z.infer<typeof Open311Request>

/**
 * The specification's error, one per thing wrong: `code` the HTTP status (400 a request it cannot take, 403 a
 * missing or refused api_key, 404 a service or request that is not there), `description` what to do about it.
 */
export const Open311Error = z.strictObject({ code: z.number().int(), description: z.string() })
export type Open311Error = z.infer<typeof Open311Error>
