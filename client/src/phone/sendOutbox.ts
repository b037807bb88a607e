import type { CasePhotos, CaseReport, CaseSummary, Me, PhotoInfo } from '../../../contract'
import { ApiError } from '../api/fetchJson'
import { errorText } from '../ui/errorText'
import { photoKey } from './idempotencyKey'
import type { QueuedReport } from './outbox'

/** What the sender needs of the server (the phone's `phoneApi`, or a test's). */
export type OutboxApi = {
  /** The signed-in account, reading the session's CSRF token on the way. */
  me(): Promise<Me>
  file(report: CaseReport, key: string): Promise<CaseSummary>
  photos(caseId: number): Promise<CasePhotos>
  addPhoto(caseId: number, photo: Blob, key: string): Promise<PhotoInfo>
}

/** Where the queue is kept (outbox.ts, or a test's). */
export type OutboxStore = {
  queued(): Promise<QueuedReport[]>
  patch(key: string, change: (r: QueuedReport) => QueuedReport): Promise<QueuedReport | undefined>
}

/**
 * How a run of the sender ended: everything it may send was sent (or refused); no signal; nobody signed in
 * (the queue waits for its account); or the server could not take it now (it is tried again later).
 */
export type SendOutcome = 'done' | 'offline' | 'signed-out' | 'later'

type Failure = 'offline' | 'signed-out' | 'later' | 'refused'

/** A failed call: no answer is no signal; 401 a session gone; a busy or failing server, later; any other refusal is final. */
function failure(e: unknown): Failure {
  if (!(e instanceof ApiError)) return 'later'
  if (e.status === 0) return 'offline'
  if (e.status === 401) return 'signed-out'
  // A stale CSRF token is read afresh on the next run.
  if (e.code === 'csrf_failed' || e.status === 408 || e.status === 425 || e.status === 429 || e.status >= 500) return 'later'
  return 'refused'
}

/**
 * Sends what the signed-in account queued, oldest first, each report once: the report with its idempotency key
 * (a second send after a lost answer gets the same case back), then its photos one by one. A photo whose
 * answer was lost is not sent again if the case already has more photos than the phone knows it sent.
 * Stops at the first sign of no signal, no session or a busy server, keeping what is left for the next run.
 */
export async function sendOutbox(api: OutboxApi, store: OutboxStore, onProgress: (key: string | null) => void = () => {}): Promise<SendOutcome> {
  let me: Me
  try {
    me = await api.me()
  } catch (e) {
    const f = failure(e)
    return f === 'refused' ? 'later' : f
  }
  try {
    for (const report of (await store.queued()).filter((r) => r.state === 'waiting' && r.login === me.login)) {
      onProgress(report.key)
      const outcome = await sendOne(api, store, report)
      if (outcome !== 'done') return outcome
    }
    return 'done'
  } finally {
    onProgress(null)
  }
}

async function sendOne(api: OutboxApi, store: OutboxStore, queued: QueuedReport): Promise<SendOutcome> {
  let r: QueuedReport | undefined = queued
  const failed = async (e: unknown): Promise<Failure> => {
    const f = failure(e)
    await store.patch(queued.key, (x) => ({ ...x, attempts: x.attempts + 1, lastError: errorText(e), ...(f === 'refused' ? { state: 'refused' as const } : {}) }))
    return f
  }
  if (!r.case) {
    try {
      const filed = await api.file(r.report, r.key)
      r = await store.patch(r.key, (x) => ({ ...x, case: { id: filed.id, code: filed.code }, lastError: null }))
    } catch (e) {
      const f = await failed(e)
      return f === 'refused' ? 'done' : f
    }
    // Dropped by the worker meanwhile: its case is filed, and nothing more is sent for it.
    if (!r?.case) return 'done'
  }
  const caseId = r.case!.id
  for (let n = 0; n < r.photos.length; n++) {
    const photo = r!.photos[n]!
    if (photo.state === 'sent' || photo.state === 'refused') continue
    const mark = async (state: 'tried' | 'sent' | 'refused', refused: string | null = null) => {
      r = await store.patch(queued.key, (x) => ({ ...x, photos: x.photos.map((p, i) => (i === n ? { ...p, state, refused } : p)) }))
    }
    try {
      if (photo.state === 'tried') {
        // Only this phone adds photos to a case it has just filed: one more on the server than it knows it sent is this one.
        const sentBefore = r!.photos.filter((p) => p.state === 'sent').length
        if ((await api.photos(caseId)).photos.length > sentBefore) {
          await mark('sent')
          if (!r) return 'done'
          continue
        }
      }
      await mark('tried')
      if (!r) return 'done'
      await api.addPhoto(caseId, photo.blob, photoKey(queued.key, n))
      await mark('sent')
      if (!r) return 'done'
    } catch (e) {
      const f = failure(e)
      if (f !== 'refused') return failed(e).then(() => f)
      await mark('refused', errorText(e))
      if (!r) return 'done'
    }
  }
  await store.patch(queued.key, (x) => ({ ...x, state: 'sent', sentAt: new Date().toISOString(), lastError: null }))
  return 'done'
}
