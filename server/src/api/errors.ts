import type { ErrorRequestHandler, RequestHandler } from 'express'
import { z } from 'zod'
import { type ApiErrorBody, type ApiErrorDetail, type ApiIssue, issuesOf } from '../../../contract'
import { ServiceError, type ServiceErrorKind } from '../commands/serviceErrors'
import { StoreUnavailable } from '../db/Db'
import type { Logger } from '../log'
import { isRefusal, refusal } from './refusedRequest'

/** Seconds a client is told to wait before trying again while the store is unreachable. */
export const STORE_RETRY_SECONDS = 5

/** An error a handler throws on purpose; the one error middleware turns it into the response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
    /** Fields the contract's error body names beside `issues`, e.g. a stale case's `current`. */
    readonly detail?: ApiErrorDetail,
  ) {
    super(message)
  }
}

/** The one table from what went wrong in a command to the HTTP status that says so. */
const SERVICE_STATUS: Record<ServiceErrorKind, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, refused: 422 }

/** A 400 naming each bad field of the request's `what` and why: `invalid_body`, `invalid_query` or `invalid_path`. */
export function invalidRequest(what: 'query' | 'body' | 'path', issues: ApiIssue[]): HttpError {
  return new HttpError(400, `invalid_${what}`, issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues)
}

/** Parses `input` with `schema` or throws a 400 naming every bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown, what: 'query' | 'body' | 'path'): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw invalidRequest(what, issuesOf(result.error))
}

export const apiNotFound: RequestHandler = (req) => {
  throw new HttpError(404, 'not_found', `no route ${req.method} ${req.originalUrl.split('?')[0]}`)
}

/** Every error response has one shape; nothing unexpected reaches a client beyond `internal`. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let body: ApiErrorBody
    let status: number
    if (err instanceof HttpError || err instanceof ServiceError) {
      status = err instanceof HttpError ? err.status : SERVICE_STATUS[err.kind]
      body = { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}), ...err.detail }
    } else if (err instanceof StoreUnavailable) {
      // Nothing the caller was told of was written; the same request may succeed once the store is back.
      status = 503
      res.set('Retry-After', String(STORE_RETRY_SECONDS))
      body = { code: 'store_unavailable', message: `the store is unavailable; try again in ${STORE_RETRY_SECONDS} s` }
      log.warn({ method: req.method, url: req.originalUrl, err: err.message }, 'store unavailable')
    } else if (err?.type === 'entity.parse.failed') {
      status = 400
      body = { code: 'invalid_json', message: 'request body is not valid JSON', issues: [{ field: '(body)', reason: 'is not valid JSON' }] }
    } else if (err?.type === 'entity.too.large') {
      status = 413
      body = { code: 'too_large', message: 'request body is too large' }
    } else if (err?.status === 404) {
      // A built asset that is not there (serve-static's error, passed on with fallthrough off).
      status = 404
      body = { code: 'not_found', message: `no such file: ${req.originalUrl}` }
    } else if (isRefusal(err)) {
      ;({ status, body } = refusal(err, res))
    } else {
      status = 500
      body = { code: 'internal', message: 'internal error' }
      log.error({ err, method: req.method, url: req.originalUrl }, 'request failed')
    }
    res.status(status).json(body)
  }
}
