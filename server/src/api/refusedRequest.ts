import type { Response } from 'express'
import zlib from 'node:zlib'
import type { ApiErrorBody } from '../../../contract'

/** The content codings express.json inflates (body-parser's list; zstd where Node has it). */
const CODINGS = ['gzip', 'deflate', 'br', ...('createZstdDecompress' in zlib ? ['zstd'] : [])]

const CODES: Record<number, string> = { 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 413: 'too_large', 415: 'unsupported_media_type' }

/** An error of the `http-errors` kind with a 4xx status, as the body parser and the static file server raise them. */
type Refusal = { status: number; expose: true; type?: unknown; charset?: unknown; encoding?: unknown; message: string }

export function isRefusal(err: unknown): err is Refusal {
  const e = err as Partial<Refusal> | null
  return typeof e === 'object' && e !== null && e.expose === true && Number.isInteger(e.status) && e.status! >= 400 && e.status! < 500
}

/**
 * The body parser's and the file server's own refusals as the one error shape: a charset other than UTF-8 and a
 * content coding the parser does not inflate are 415 (RFC 9110 15.5.16, with `Accept-Encoding` naming the
 * codings it does), a body that does not inflate 400, a path out of the built files 403 or 400. Their messages
 * are written to be shown (`expose`).
 */
export function refusal(err: Refusal, res: Response): { status: number; body: ApiErrorBody } {
  if (err.type === 'charset.unsupported') {
    return { status: 415, body: { code: 'unsupported_charset', message: `request bodies are UTF-8, not ${String(err.charset).toUpperCase()}` } }
  }
  if (err.type === 'encoding.unsupported') {
    res.set('Accept-Encoding', CODINGS.join(', '))
    return { status: 415, body: { code: 'unsupported_encoding', message: `content-encoding ${String(err.encoding)} is not taken; send ${CODINGS.join(', ')} or none` } }
  }
  return { status: err.status, body: { code: CODES[err.status] ?? 'bad_request', message: err.message } }
}
