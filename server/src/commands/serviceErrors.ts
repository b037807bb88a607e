import type { ApiErrorDetail, ApiIssue } from '../../../contract'

/**
 * What went wrong in a command, in the service's words: `api/errors.ts` turns each kind into its HTTP
 * status in one table. `code` is the contract's error code a client may act on (`stale_case`, …).
 */
export type ServiceErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'refused'

export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
    /** What the client needs beside the message: a stale record as it is now, a draft's failing check. */
    readonly detail?: ApiErrorDetail,
  ) {
    super(message)
  }
}

/** A field of the request is wrong for a reason only the store knows (a point outside the city, a post of another grid). */
export const invalid = (issues: ApiIssue[]) => new ServiceError('invalid', 'invalid_body', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues)
/** The caller may not do this to this record (a grid worker outside their grid). */
export const forbidden = (message: string) => new ServiceError('forbidden', 'forbidden', message)
/** The record named does not exist. */
export const notFound = (message: string) => new ServiceError('not_found', 'not_found', message)
/** The record is not in a state that allows this, or changed since the caller read it (`detail` carries it as it is now). */
export const conflict = (code: string, message: string, detail?: ApiErrorDetail) => new ServiceError('conflict', code, message, undefined, detail)
/** Understood and well formed, but refused by the rules (an edit that would break a grid, publishing a draft with errors). */
export const refused = (code: string, message: string, detail?: ApiErrorDetail) => new ServiceError('refused', code, message, undefined, detail)
