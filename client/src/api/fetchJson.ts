import { ApiErrorBody, type ApiErrorDetail, type ApiIssue } from '../../../contract'

/** A failed API call, in the server's one error shape; `detail` carries a 409's case as it is now. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly detail: ApiErrorDetail = {},
  ) {
    super(message)
  }
}

/** GETs or sends JSON and parses the answer with `schema`; any failure becomes an ApiError. */
export async function fetchJson<T>(url: string, schema: { parse(x: unknown): T }, init?: RequestInit): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init?.headers } })
  } catch {
    throw new ApiError(0, 'unreachable', '无法连接服务器')
  }
  const body: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const parsed = ApiErrorBody.safeParse(body)
    if (parsed.success) {
      const { code, message, issues, ...detail } = parsed.data
      throw new ApiError(res.status, code, message, issues, detail)
    }
    throw new ApiError(res.status, 'http_error', `${res.status} ${res.statusText}`)
  }
  return schema.parse(body)
}

/** POSTs `body` as JSON with the bearer `token`, and parses the answer with `schema`. */
export function postJson<T>(url: string, body: unknown, token: string, schema: { parse(x: unknown): T }): Promise<T> {
  return fetchJson(url, schema, {
    method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  })
}
