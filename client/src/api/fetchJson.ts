import { ApiErrorBody, type ApiIssue } from '../../../contract'

/** A failed API call, in the server's one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
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
    if (parsed.success) throw new ApiError(res.status, parsed.data.code, parsed.data.message, parsed.data.issues)
    throw new ApiError(res.status, 'http_error', `${res.status} ${res.statusText}`)
  }
  return schema.parse(body)
}
