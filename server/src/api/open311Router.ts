import express, { type ErrorRequestHandler, type Request, type RequestHandler, Router } from 'express'
import {
  OPEN311_LIMIT, OPEN311_MAX_DAYS, type Open311Created, Open311Format, Open311NewRequest, Open311PlainQuery, Open311RequestsQuery,
  TICKETED, UNNAMED_APPLICANT,
} from '../../../contract'
import { may, rolesThatMay } from '../../../domain/access'
import type { AccountCommands } from '../accounts/accounts'
import type { AuditLog } from '../accounts/audit'
import type { Clock } from '../clock'
import type { Filed, IntakeCommands, ReportInput } from '../commands/intake'
import { ServiceError } from '../commands/serviceErrors'
import type { Db } from '../db/Db'
import type { Logger } from '../log'
import { auditWrites } from './auditWrites'
import { type Caller, keyOf } from './auth'
import { HttpError, parseOr400 } from './errors'
import { idempotencyKeyOf } from './intakeRouter'
import { open311Errors } from './open311Errors'
import { open311Requests, type RequestFilter } from './open311Requests'
import { categoryOf, isServiceCode, OPEN311_SERVICES, serviceDefinition } from './open311Services'
import { answerAs } from './open311Xml'

export type Open311Deps = { db: Db; accounts: AccountCommands; audit: AuditLog; intake: IntakeCommands; clock: Clock; log: Logger }

const DAY_MS = 86_400_000

/** The format the path's suffix names; any other suffix is no resource of ours. */
function formatParam(req: Request): Open311Format {
  const format = Open311Format.safeParse(req.params.format)
  if (!format.success) throw new HttpError(404, 'not_found', `no resource ${req.path}: ask for .json or .xml`)
  return format.data
}

/** A string the request's body or query names `name`, if any. */
const param = (from: unknown, name: string): string | undefined => {
  const value = (from as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** `a, b or c`. */
const either = (names: readonly string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join(''))

/** A person's name as Chinese writes it, family name first; a Latin one given name first. */
function nameOf(first?: string, last?: string): string | undefined {
  if (!first && !last) return undefined
  return /\p{Script=Han}/u.test(`${first ?? ''}${last ?? ''}`) ? `${last ?? ''}${first ?? ''}` : [first, last].filter(Boolean).join(' ')
}

/** Answers a method the path does not take: a 400 (the specification's status for a request it cannot take), naming the ones it does. */
const onlyMethods = (...methods: string[]): RequestHandler => (req, res) => {
  res.set('Allow', methods.join(', '))
  throw new HttpError(405, 'method_not_allowed', `${req.method} is not taken on ${req.path}; it takes ${methods.join(', ')}`)
}

/**
 * Open311 GeoReport v2 under `/open311/v2`: the services (the kinds of case) and their definitions for anyone;
 * creating a request (a case, by the channel of the calling account's `intake_clients` row) and following requests
 * for an account of a role that takes intake, by its API key: the spec's `api_key` parameter, or `Authorization:
 * Bearer` / `X-API-Key` as the rest of the API takes it. Returns the router and the error handler that answers
 * every failure in the specification's format, mounted together.
 */
export function open311Router({ db, accounts, audit, intake, clock, log }: Open311Deps): [Router, ErrorRequestHandler] {
  const router = Router()
  const requests = open311Requests(db)
  router.use(auditWrites(audit))
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 }))

  /** The caller by its key (403 without one, with an unknown one, or for a role that does not take intake). */
  const callerOf = async (req: Request): Promise<Caller> => {
    const key = keyOf(req.headers) ?? param(req.body, 'api_key') ?? param(req.query, 'api_key')
    if (!key) throw new HttpError(403, 'forbidden', 'api_key is required: send it as the api_key parameter or as Authorization: Bearer <key>')
    const found = await accounts.byKey(key)
    if (!found) throw new HttpError(403, 'forbidden', 'api_key is unknown or revoked')
    const { keyId, ...identity } = found
    if (!may(identity.role, 'intake')) {
      throw new HttpError(403, 'forbidden',
        `api_key belongs to ${identity.login}, whose role ${identity.role} may not file or follow Open311 requests: that takes ${either(rolesThatMay('intake'))}`)
    }
    const caller: Caller = { ...identity, via: 'key', credential: `key:${keyId}` }
    req.caller = caller
    return caller
  }

  router.route('/services.:format')
    .get((req, res) => {
      const format = formatParam(req)
      parseOr400(Open311PlainQuery, req.query, 'query')
      answerAs(res, format, 'services', OPEN311_SERVICES)
    })
    .all(onlyMethods('GET', 'HEAD'))

  router.route('/services/:code.:format')
    .get((req, res) => {
      const format = formatParam(req)
      const code = req.params.code!
      if (!isServiceCode(code)) throw new HttpError(404, 'not_found', `service_code ${code} was not found: GET services lists them`)
      parseOr400(Open311PlainQuery, req.query, 'query')
      answerAs(res, format, 'service_definition', serviceDefinition(code))
    })
    .all(onlyMethods('GET', 'HEAD'))

  router.route('/requests.:format')
    .post(async (req, res) => {
      const format = formatParam(req)
      const caller = await callerOf(req)
      const channel = await requests.channelOf(caller.accountId)
      if (!channel) {
        throw new HttpError(403, 'forbidden', `account ${caller.login} files by no channel: an administrator makes it an Open311 client (intake_clients) first`)
      }
      if (req.get('content-type') && !req.is(['urlencoded', 'json'])) {
        throw new HttpError(415, 'unsupported_media_type', 'send the request as application/x-www-form-urlencoded (or application/json)')
      }
      parseOr400(Open311PlainQuery, req.query, 'query')
      const code = param(req.body, 'service_code')
      if (code !== undefined && !isServiceCode(code)) throw new HttpError(404, 'not_found', `service_code ${code} was not found: GET services lists them`)
      const key = idempotencyKeyOf(req)
      const sent = parseOr400(Open311NewRequest, req.body ?? {}, 'body')
      const ticket = sent.attribute?.ticket
      if (ticket === undefined && TICKETED.includes(channel)) {
        throw new HttpError(400, 'invalid_body', 'attribute[ticket] is required', [{ field: 'attribute.ticket', reason: `is required of a request by ${channel}: the sender's own ticket number` }])
      }
      const kind = sent.service_code
      if (!isServiceCode(kind)) throw new HttpError(404, 'not_found', `service_code ${kind} was not found: GET services lists them`)
      const name = nameOf(sent.first_name, sent.last_name) ?? (sent.phone ? UNNAMED_APPLICANT : undefined)
      const report: ReportInput = {
        category: categoryOf(kind), kind, source: channel, location: [sent.long, sent.lat], description: sent.description ?? '',
        parties: name ? [{ role: 'applicant', name, ...(sent.phone ? { phone: sent.phone } : {}) }] : [],
      }
      let filed: Filed
      try {
        filed = await intake.report(report, caller, { ticket: ticket ?? null, address: sent.address_string ?? '', idempotencyKey: key ?? null })
      } catch (err) {
        if (!(err instanceof ServiceError && err.code === 'ticket_taken')) throw err
        const held = err.detail?.existing
        throw new HttpError(409, 'ticket_taken', err.message, [{
          field: 'attribute.ticket', reason: `${ticket} of ${channel} is filed already${held ? ` as case ${held.code}` : ''}`,
        }])
      }
      const created: Open311Created = { service_request_id: String(filed.reportId), service_notice: filed.summary.code, account_id: sent.account_id ?? null }
      answerAs(res, format, 'service_requests', [created], filed.repeated ? 200 : 201)
    })
    .get(async (req, res) => {
      const format = formatParam(req)
      const caller = await callerOf(req)
      const q = parseOr400(Open311RequestsQuery, req.query, 'query')
      res.set('Cache-Control', 'no-store')
      answerAs(res, format, 'service_requests', await requests.find(filterOf(q, clock.now()), caller, OPEN311_LIMIT))
    })
    .all(onlyMethods('GET', 'HEAD', 'POST'))

  router.route('/requests/:id.:format')
    .get(async (req, res) => {
      const format = formatParam(req)
      const caller = await callerOf(req)
      parseOr400(Open311PlainQuery, req.query, 'query')
      const id = req.params.id!
      const found = /^[1-9]\d{0,15}$/.test(id) && Number(id) <= Number.MAX_SAFE_INTEGER ? await requests.find({ ids: [Number(id)] }, caller, 1) : []
      if (found.length === 0) throw new HttpError(404, 'not_found', `service_request_id ${id} was not found in this account's scope`)
      res.set('Cache-Control', 'no-store')
      answerAs(res, format, 'service_requests', found)
    })
    .all(onlyMethods('GET', 'HEAD'))

  router.use((req) => {
    throw new HttpError(404, 'not_found', `no resource ${req.path}: GeoReport v2 serves services.{format}, services/{service_code}.{format}, requests.{format} and requests/{id}.{format}`)
  })

  return [router, open311Errors(log)]
}

/**
 * What `GET requests` asks for: the ids, which override every other filter; else the kinds, statuses and a range
 * of at most 90 days (the most recent 90 days when no date is given; 90 days from or up to the one that is).
 */
function filterOf(q: Open311RequestsQuery, now: Date): RequestFilter {
  if (q.service_request_id) return { ids: q.service_request_id }
  const span = OPEN311_MAX_DAYS * DAY_MS
  const to = q.end_date ?? (q.start_date ? new Date(q.start_date.getTime() + span) : now)
  const from = q.start_date ?? new Date(to.getTime() - span)
  if (from > to) throw new HttpError(400, 'invalid_query', 'start_date: must not be after end_date', [{ field: 'start_date', reason: 'must not be after end_date' }])
  if (to.getTime() - from.getTime() > span) {
    throw new HttpError(400, 'invalid_query', `end_date: may not be more than ${OPEN311_MAX_DAYS} days after start_date`,
      [{ field: 'end_date', reason: `may not be more than ${OPEN311_MAX_DAYS} days after start_date` }])
  }
  return { kinds: q.service_code ?? null, from, to, statuses: q.status ?? null }
}
