import { ApiErrorBody, type ApiErrorDetail, type ApiIssue } from '../../../contract'
import { currentCsrfToken, sessionDoubted } from './sessionSignal'

/** A failed API call, in the server's one error shape; `detail` carries a 409's case as it is now. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly detail: ApiErrorDetail = {},
    /** The `Retry-After` header of a 429 or 503, in seconds; null without one. */
    readonly retryAfter: number | null = null,
  ) {
    super(message)
  }
}

const READS = new Set(['GET', 'HEAD'])

/**
 * GETs or sends JSON and parses the answer with `schema`; any failure becomes an ApiError. The session
 * cookie goes with every call (same origin); a write also carries the session's CSRF token. A 401 saying
 * nobody is signed in makes the session check itself again (it may have ended: signed out elsewhere, disabled).
 */
export async function fetchJson<T>(url: string, schema: { parse(x: unknown): T }, init?: RequestInit): Promise<T> {
  const method = (init?.method ?? 'GET').toUpperCase()
  const csrf = READS.has(method) ? null : currentCsrfToken()
  let res: Response
  try {
    res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}), ...init?.headers } })
  } catch {
    throw new ApiError(0, 'unreachable', '无法连接服务器')
  }
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null)
  if (!res.ok) {
    const retry = Number(res.headers.get('Retry-After'))
    const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null
    const parsed = ApiErrorBody.safeParse(body)
    if (parsed.success) {
      const { code, message, issues, ...detail } = parsed.data
      if (res.status === 401 && code === 'unauthenticated') sessionDoubted()
      throw new ApiError(res.status, code, message, issues, detail, retryAfter)
    }
    throw new ApiError(res.status, 'http_error', `${res.status} ${res.statusText}`, [], {}, retryAfter)
  }
  return schema.parse(body)
}

/** Sends `body` as JSON with `method` (with the session's CSRF token), and parses the answer with `schema`. */
export function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: unknown, schema: { parse(x: unknown): T }): Promise<T> {
  return fetchJson(url, schema, {
    method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  })
}

export const postJson = <T>(url: string, body: unknown, schema: { parse(x: unknown): T }) => sendJson('POST', url, body, schema)
export const putJson = <T>(url: string, body: unknown, schema: { parse(x: unknown): T }) => sendJson('PUT', url, body, schema)
export const patchJson = <T>(url: string, body: unknown, schema: { parse(x: unknown): T }) => sendJson('PATCH', url, body, schema)
export const deleteJson = <T>(url: string, schema: { parse(x: unknown): T }) => sendJson('DELETE', url, undefined, schema)

/** For an answer with no body (204). */
export const NoContent = { parse: (): void => undefined }
