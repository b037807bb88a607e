import type { ErrorRequestHandler } from 'express'
import type { ApiIssue, Open311Error } from '../../../contract'
import { ServiceError, type ServiceErrorKind } from '../commands/serviceErrors'
import { StoreUnavailable } from '../db/Db'
import type { Logger } from '../log'
import { HttpError, STORE_RETRY_SECONDS } from './errors'
import { answerAs, formatOf } from './open311Xml'

/**
 * The specification's statuses: "404 for resources that don't exist, 403 for errors because of wrong or missing
 * api_key and basically 400 for any other error where the request can not be fulfilled". So a key the
 * app would answer 401 is a 403 here, and a conflict, a refusal, a wrong method or a body too large a 400.
 * A fault of the server stays what it is (500, or 503 while the store is away).
 */
function specStatus(status: number): number {
  if (status === 401) return 403
  if (status >= 500 || [400, 403, 404].includes(status)) return status
  return 400
}

const SERVICE_STATUS: Record<ServiceErrorKind, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 400, refused: 400 }

/** A field as the specification names it: `attribute[ticket]` for the contract's path `attribute.ticket`, the place as `lat/long`. */
export function specField(field: string): string {
  if (field === 'location') return 'lat/long'
  if (field === 'location.0') return 'long'
  if (field === 'location.1') return 'lat'
  const attribute = /^attribute\.(.+)$/.exec(field)
  return attribute ? `attribute[${attribute[1]}]` : field
}

/** One error a bad field, or one for the whole request. */
const errorsOf = (status: number, message: string, issues?: ApiIssue[]): Open311Error[] =>
  issues && issues.length > 0
    ? issues.map((i) => ({ code: status, description: `${specField(i.field)}: ${i.reason}` }))
    : [{ code: status, description: message }]

/**
 * Every error under `/open311/v2` in the specification's shape, `[{ code, description }]` or `<errors><error>…`,
 * in the format the path asked for; also a body the app's JSON parser refused before the router was reached.
 * Anything unexpected is logged with the path (never the query, which may hold an api_key) and answered 500.
 */
export function open311Errors(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let status: number
    let errors: Open311Error[]
    if (err instanceof HttpError || err instanceof ServiceError) {
      status = err instanceof HttpError ? specStatus(err.status) : SERVICE_STATUS[err.kind]
      errors = errorsOf(status, err.message, err.issues)
    } else if (err instanceof StoreUnavailable) {
      status = 503
      res.set('Retry-After', String(STORE_RETRY_SECONDS))
      errors = errorsOf(status, `the store is unavailable; try again in ${STORE_RETRY_SECONDS} s`)
      log.warn({ method: req.method, path: req.originalUrl.split('?')[0], err: err.message }, 'store unavailable')
    } else if (err?.type === 'entity.parse.failed') {
      status = 400
      errors = errorsOf(status, 'the request body is not valid JSON')
    } else if (typeof err?.type === 'string' && typeof err?.status === 'number' && err.status < 500) {
      // body-parser's other refusals: too large, a charset or encoding it does not read, too many parameters.
      status = 400
      errors = errorsOf(status, `the request body was refused: ${String(err.message)}`)
    } else {
      status = 500
      errors = errorsOf(status, 'internal error')
      log.error({ err, method: req.method, path: req.originalUrl.split('?')[0] }, 'open311 request failed')
    }
    answerAs(res, formatOf(req.path), 'errors', errors, status)
  }
}
