import {
  type CaseCategory, DisputeKind, HazardKind, IntakeReport, type PlaceKind, type SeatChannel, TICKETED, Ticket,
} from '../../../contract'
import { reasonText } from '../ui/errorText'

/** Where the report is: a place of the gazetteer chosen from the suggestions, or a point clicked on the map (`name` null). */
export type ChosenPoint = { location: [number, number]; name: string | null; kind: PlaceKind | null; within: string }

/** What the seat has typed so far; nothing is assumed but the channel, which stays from one call to the next. */
export type IntakeDraft = {
  channel: SeatChannel
  ticket: string
  /** A dispute's or a hazard's kind; its category follows from it. `''` while not chosen. */
  kind: string
  point: ChosenPoint | null
  /** The place as the caller put it, as typed. */
  address: string
  description: string
  name: string
  phone: string
}

export const emptyDraft = (channel: SeatChannel = 'hotline_12345'): IntakeDraft => ({
  channel, ticket: '', kind: '', point: null, address: '', description: '', name: '', phone: '',
})

/** The draft's fields as the contract names them (`caller.name`), for showing a reason at its field. */
export type IntakeField = 'channel' | 'ticket' | 'kind' | 'location' | 'address' | 'description' | 'caller.name' | 'caller.phone'
export type IntakeIssues = Partial<Record<IntakeField, string>>

const DISPUTE_KINDS: readonly string[] = DisputeKind.options
const HAZARD_KINDS: readonly string[] = HazardKind.options

export const categoryOf = (kind: string): CaseCategory | null => (DISPUTE_KINDS.includes(kind) ? 'dispute' : HAZARD_KINDS.includes(kind) ? 'hazard' : null)

/** What each channel calls its own number (工单号, 接警号, 信访件号); a walk-in has none of its own. */
export const TICKET_NAME: Record<SeatChannel, string> = {
  hotline_12345: '工单号', police_110: '接警号', petition_office: '信访件号', walk_in: '登记号',
}

export const needsTicket = (channel: SeatChannel) => TICKETED.includes(channel)

/** The report the draft makes, as the contract takes it (nothing empty sent), with `mergeInto` when merging. */
export function reportOf(d: IntakeDraft, mergeInto: number | null): IntakeReport {
  const category = categoryOf(d.kind)
  const ticket = d.ticket.trim()
  const phone = d.phone.trim()
  return {
    channel: d.channel,
    ...(ticket ? { ticket } : {}),
    // An unchosen kind is sent as it is, for the schema to name.
    category: category ?? 'dispute',
    kind: d.kind as IntakeReport['kind'],
    location: d.point?.location as [number, number],
    address: d.address.trim(),
    description: d.description,
    caller: { name: d.name, ...(phone ? { phone } : {}) },
    ...(mergeInto !== null ? { mergeInto } : {}),
  }
}

export type Checked = { ok: true; body: IntakeReport } | { ok: false; issues: IntakeIssues }

/** A refused field in the words a seat reads, whether the contract here or the server refused it. */
export function issueText(field: string, reason: string, channel: SeatChannel): string {
  const required = /required/.test(reason)
  switch (field) {
    case 'ticket': return required ? `请填写${TICKET_NAME[channel]}` : /already|exists|taken|unique/.test(reason) ? `该${TICKET_NAME[channel]}已受理过` : `${TICKET_NAME[channel]}只能是字母、数字、- 或 _，至多 40 位`
    case 'kind': case 'category': return '请选择事项类别'
    case 'location': case 'location.0': case 'location.1': return '请在地图上点选位置，或输入地址后从地名库中选择'
    case 'address': return '地址不超过 200 字'
    case 'description': return required ? '请记录来电内容' : /at most/.test(reason) ? '内容不超过 2000 字' : reasonText(reason)
    case 'caller.name': return required ? '请填写来电人姓名' : /at most/.test(reason) ? '姓名不超过 40 字' : reasonText(reason)
    case 'caller.phone': return '请填写 11 位手机号，或带区号的固定电话'
    default: return reasonText(reason)
  }
}

/** The field a contract issue path names, folded to the form's fields (`location.1` → `location`). */
export function fieldOf(path: string): IntakeField | null {
  if (path.startsWith('location')) return 'location'
  if (path === 'category') return 'kind'
  const known: readonly string[] = ['channel', 'ticket', 'kind', 'address', 'description', 'caller.name', 'caller.phone']
  return known.includes(path) ? (path as IntakeField) : null
}

/** The draft checked by the contract's own schema (the server's check), or what is missing, by field, in Chinese. */
export function checkIntake(d: IntakeDraft, mergeInto: number | null): Checked {
  const body = reportOf(d, mergeInto)
  const parsed = IntakeReport.safeParse(body)
  const issues: IntakeIssues = {}
  // The schema's own checks across fields wait for every field to parse: the seat is told all at once.
  if (needsTicket(d.channel) && !d.ticket.trim()) issues.ticket = issueText('ticket', 'is required', d.channel)
  if (!categoryOf(d.kind)) issues.kind = issueText('kind', 'is required', d.channel)
  if (!d.point) issues.location = issueText('location', 'is required', d.channel)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.')
      const field = fieldOf(path)
      if (field) issues[field] ??= issueText(path, issue.message, d.channel)
    }
  }
  return Object.keys(issues).length === 0 && parsed.success ? { ok: true, body } : { ok: false, issues }
}

const PHONE = /^(1\d{10}|0\d{9,11})$/

/**
 * The query for cases this report may repeat (`GET /api/v1/intake/similar`), once the form holds something to
 * compare: kind and point (the server looks within SIMILAR_METRES), a well-formed ticket, or a caller's number; null before.
 */
export function similarQuery(d: IntakeDraft): string | null {
  const q = new URLSearchParams()
  const kind = categoryOf(d.kind) ? d.kind : null
  const ticket = Ticket.safeParse(d.ticket)
  const phone = d.phone.trim()
  if (kind && d.point) {
    q.set('kind', kind)
    q.set('lon', d.point.location[0].toFixed(6))
    q.set('lat', d.point.location[1].toFixed(6))
  }
  if (ticket.success && d.ticket.trim()) {
    q.set('channel', d.channel)
    q.set('ticket', ticket.data)
  }
  if (PHONE.test(phone)) q.set('phone', phone)
  return q.size > 0 ? q.toString() : null
}
